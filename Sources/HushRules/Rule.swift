/// How bad a leak of this kind of secret is.
public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
  case critical, high, medium, low

  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  /// `critical` sorts first.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One detection rule of the catalog (`patterns/*.toml` or a user's config).
public struct Rule: Sendable, Hashable, CustomStringConvertible {
  /// Stable kebab-case id; baselines and allowlists refer to it.
  public var id: String
  /// What the secret is, in a few words.
  public var description: String
  /// Who issues it (`github`, `aws`, `generic` …).
  public var provider: String
  /// How bad a leak is.
  public var severity: Severity
  /// Lower-case literals; the prefilter runs the regex only near one of them.
  public var keywords: [String]
  /// The PCRE2 pattern.
  public var regex: String
  /// The capture group that holds the secret (0: the whole match).
  public var secretGroup: Int
  /// Shannon bits per character the secret must reach (for a base64-sized alphabet; scaled
  /// to the secret's own alphabet). Nil: no entropy check.
  public var minEntropy: Double?
  /// The offline check a match must pass, if any.
  public var validator: Validator?
  /// The match may span lines (PEM blocks, JSON files).
  public var isMultiline: Bool
  /// A candidate rule of the generic grammar: no filter drops its matches; the learned scorer
  /// decides (`Scoring/`), and the first filter that would have dropped one is a feature.
  public var isScored: Bool
  /// Where the provider documents the format.
  public var reference: String?
  /// What to do once this secret has leaked.
  public var rotate: String
  /// Texts the rule must report, without their `⟦…⟧` markers.
  public var examples: [String]
  /// For each example, the UTF-8 byte ranges of the secrets its markers enclosed (empty when
  /// it was written without markers).
  public var exampleSecrets: [[Range<Int>]]
  /// Texts the rule must not match.
  public var counterExamples: [String]
  /// Globs on the repository-relative path; empty means every file.
  public var paths: [String]
  /// `file:line` of the rule's definition.
  public var location: String

  /// A rule from its fields (the parser and the built-in checks make them).
  public init(
    id: String, description: String, provider: String, severity: Severity, keywords: [String],
    regex: String, secretGroup: Int = 1, minEntropy: Double? = nil, validator: Validator? = nil,
    isMultiline: Bool = false, isScored: Bool = false, reference: String? = nil, rotate: String,
    examples: [String] = [],
    exampleSecrets: [[Range<Int>]] = [], counterExamples: [String] = [], paths: [String] = [],
    location: String
  ) {
    self.id = id
    self.description = description
    self.provider = provider
    self.severity = severity
    self.keywords = keywords
    self.regex = regex
    self.secretGroup = secretGroup
    self.minEntropy = minEntropy
    self.validator = validator
    self.isMultiline = isMultiline
    self.isScored = isScored
    self.reference = reference
    self.rotate = rotate
    self.examples = examples
    self.exampleSecrets = exampleSecrets
    self.counterExamples = counterExamples
    self.paths = paths
    self.location = location
  }

  /// Keyword + assignment rules that know no provider format; a provider rule on the same
  /// secret wins over them.
  public var isGeneric: Bool { provider == "generic" }
}

extension Rule {
  /// `location` ("file:line") split in its parts.
  public var sourceLocation: (file: String, line: Int) {
    guard let colon = location.lastIndex(of: ":"), let line = Int(location[location.index(after: colon)...])
    else { return (location, 0) }
    return (String(location[..<colon]), line)
  }
}
