/// Why a match, a finding or a whole file was not reported: what `--explain` prints, what the
/// summary counts, and what tests assert, as one closed set instead of free text.
public enum DropReason: Sendable, Equatable, CustomStringConvertible {
  // The detector's checks on a rule's match.
  case emptySecret
  /// A placeholder marker, a published example, or a run of repeated or sequential characters.
  case placeholder(String)
  case singleCharacterClass
  case wordLike
  case codeReference
  case hashInContext
  case lowEntropy(entropy: Double, needed: Double, minimum: Double)
  /// The rule's offline check (a checksum, a key structure) rejected the value.
  case failedValidation(String)
  /// A regex hit PCRE2's match limit on a window, which was therefore not searched to its end.
  case matchLimit
  /// A scored candidate whose confidence is under the floor, and the features that decided it.
  case lowConfidence(score: Double, minimum: Double, because: [FeatureWeight])
  /// A scored candidate's UUID or key id that identifies something (given to `TenantId`, in
  /// braces): why.
  case identifier(String)
  /// A scored candidate's value of capital letters alone: a constant's name.
  case constant
  /// A scored candidate's bare value right after a colon: a key path (`auth:<id>`), not an
  /// assignment.
  case keyPath

  // The filter chain on a finding.
  case inlineMarker
  /// An allowlist entry of the config, named (`allowlist.secrets '…'`).
  case allowlisted(String)
  case notAddedLine
  case baselined
  /// An entry of another tool's ignore file (`.gitleaksignore`), named.
  case ignoreFile(String)

  // Whole files.
  case binary
  case tooLarge
  case allowlistedPath
  case notRegularFile
  case unreadable(String)
  /// A submodule or a repository nested in the scanned one: scanned on its own, not as part
  /// of this one.
  case nestedRepository

  /// Whether the reason is about a whole file (not scanned) rather than one match in it.
  public var isAboutFile: Bool {
    switch self {
    case .binary, .tooLarge, .allowlistedPath, .notRegularFile, .unreadable, .nestedRepository: true
    default: false
    }
  }

  /// The words `--explain` prints after "not reported:" or "not scanned:".
  public var description: String {
    switch self {
    case .emptySecret: "empty secret"
    case .placeholder(let why): "placeholder (\(why))"
    case .singleCharacterClass: "a generic rule's value of a single character class"
    case .wordLike: "a generic rule's value that reads as words or an identifier"
    case .codeReference: "a generic rule's value that reads as code (a member access, an operator, escaped HTML)"
    case .hashInContext: "a digest in a hash context (a hash name or algorithm prefix), not a credential"
    case .lowEntropy(let entropy, let needed, let minimum):
      "entropy \(JSONWriter.number(entropy)) below \(JSONWriter.number(needed)) (min-entropy \(JSONWriter.number(minimum)) for its length and alphabet)"
    case .failedValidation(let validator): "failed \(validator) validation"
    case .matchLimit:
      "a regex reached PCRE2's match limit here and the rest of this window was not searched for it (allowlist the path to accept that)"
    case .lowConfidence(let score, let minimum, let because):
      Self.lowConfidenceText(score: score, minimum: minimum, because: because)
    case .identifier(let why): "a value that identifies rather than grants access (\(why))"
    case .constant: "a generic rule's value of capital letters alone: a constant's name, not a credential"
    case .keyPath: "a bare value joined to its name by a colon: a key path (auth:<id>, image:tag), not an assignment"
    case .inlineMarker: "an inline ignore marker on its line"
    case .allowlisted(let entry): "allowed by \(entry)"
    case .notAddedLine: "on a line this commit does not add"
    case .baselined: "in the baseline"
    case .ignoreFile(let file): "listed in \(Printable.text(file))"
    case .binary: "binary (a NUL byte in its first 8 KiB)"
    case .tooLarge: "larger than the maximum file size"
    case .allowlistedPath: "allowlisted path ([allowlist] paths)"
    case .notRegularFile: "not a regular file"
    case .unreadable(let why): "cannot read: \(why)"
    case .nestedRepository: "a submodule or nested repository"
    }
  }
}

/// One feature's share of a candidate's score: the change it made to the log-odds.
public struct FeatureWeight: Sendable, Equatable, CustomStringConvertible {
  /// The feature's name (`training/features.py`).
  public let feature: String
  /// Its signed contribution in log-odds.
  public let change: Double

  /// A feature and its contribution.
  public init(feature: String, change: Double) {
    self.feature = feature
    self.change = change
  }

  /// `name_pass +1.234`.
  public var description: String {
    let sign: String = change >= 0 ? "+" : "-"
    return "\(feature) \(sign)\(DropReason.fixed(abs(change)))"
  }
}

extension DropReason {
  /// Three decimals, for scores and log-odds.
  static func fixed(_ value: Double) -> String {
    let thousandths: Int = Int((value * 1000).rounded())
    let fraction: String = String(abs(thousandths) % 1000)
    let padding: String = String(repeating: "0", count: 3 - fraction.count)
    let sign: String = thousandths < 0 ? "-" : ""
    return "\(sign)\(abs(thousandths) / 1000).\(padding)\(fraction)"
  }

  /// `confidence 0.120 below 0.865 (decided by name_pass +1.234, …)`.
  static func lowConfidenceText(score: Double, minimum: Double, because: [FeatureWeight]) -> String {
    let head: String = "confidence \(fixed(score)) below \(fixed(minimum))"
    guard !because.isEmpty else { return head }
    let list: String = because.map(\.description).joined(separator: ", ")
    return "\(head) (decided by \(list))"
  }
}

/// One drop, where it happened: a file, and for a match its line, column and rule.
public struct Explanation: Sendable, Equatable, Comparable, CustomStringConvertible {
  let path: String
  /// The place and rule of a dropped match; nil for a file that was not scanned.
  public let match: (line: Int, column: Int, rule: String)?
  let reason: DropReason

  /// A dropped match.
  public init(path: String, line: Int, column: Int, rule: String, reason: DropReason) {
    self.path = path
    match = (line, column, rule)
    self.reason = reason
  }

  /// A file that was not scanned.
  public init(path: String, reason: DropReason) {
    self.path = path
    match = nil
    self.reason = reason
  }

  /// `path:line:column rule: not reported: reason`, or `path: not scanned: reason`.
  public var description: String {
    guard let match else { return "\(Printable.text(path)): not scanned: \(reason)" }
    return "\(Printable.text(path)):\(match.line):\(match.column) \(match.rule): not reported: \(reason)"
  }

  /// `path:line:column rule: not fully searched: reason`: a part of the input that was
  /// not scanned, said as a warning.
  public var warning: String {
    guard let match else { return "\(Printable.text(path)): not scanned: \(reason)" }
    return "\(Printable.text(path)):\(match.line):\(match.column) \(match.rule): not fully searched: \(reason)"
  }

  /// Equal when the place, the rule and the reason are.
  public static func == (a: Explanation, b: Explanation) -> Bool {
    a.path == b.path && a.reason == b.reason && a.match?.line == b.match?.line
      && a.match?.column == b.match?.column && a.match?.rule == b.match?.rule
  }

  /// The order `--explain` prints them in: by the printed line.
  public static func < (a: Explanation, b: Explanation) -> Bool { a.description < b.description }
}
