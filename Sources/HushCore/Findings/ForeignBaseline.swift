import Crypto

/// Another tool's record of accepted secrets, read by `hush baseline --import` to seed a Hush
/// baseline: a detect-secrets `.secrets.baseline` (each secret's SHA-1 and line) or a gitleaks
/// JSON report (each secret, unless redacted, and its line). Neither is trusted as a list of
/// secrets: each entry only vouches for today's Hush findings it matches.
public struct ForeignBaseline: Sendable {
  /// The formats read.
  public enum Format: String, Sendable {
    case detectSecrets = "detect-secrets baseline"
    case gitleaksReport = "gitleaks report"
  }

  /// One accepted secret as the other tool recorded it.
  struct Entry: Sendable, Equatable {
    /// Relative to the repository root, without a leading `./`.
    let path: String
    let line: Int?
    /// detect-secrets' `hashed_secret`: the SHA-1 of the secret, hex.
    var sha1: String? = nil
    /// gitleaks' `Secret`, when the report was not written with `--redact`.
    var secret: [UInt8]? = nil
    /// What the other tool called it (`Secret Keyword`, `generic-api-key`).
    let kind: String
  }

  /// What `match` found: the findings to record, and how each entry fared.
  public struct Match: Sendable {
    /// Today's findings that an entry vouches for.
    public let findings: [Finding]
    /// Entries matched by their secret (hash or plaintext).
    public let bySecret: Int
    /// Entries matched by their line only.
    public let byLine: Int
    let unmatched: [Entry]
    /// `path:line (kind)` of each unmatched entry, never a secret.
    public var unmatchedPlaces: [String] {
      unmatched.map { "\($0.path)\($0.line.map { ":\($0)" } ?? "") (\($0.kind))" }
    }
  }

  /// Which tool wrote it.
  public let format: Format
  let entries: [Entry]

  /// Reads `data`, naming `file` in errors.
  public static func parse(_ data: Data, file: String) throws -> ForeignBaseline {
    let decoder = JSONDecoder()
    if let report = try? decoder.decode([GitleaksFinding].self, from: data) {
      return ForeignBaseline(format: .gitleaksReport, entries: report.map(\.entry))
    }
    if let baseline = try? decoder.decode(DetectSecretsBaseline.self, from: data) {
      let entries = baseline.results.keys.sorted().flatMap { path in
        (baseline.results[path] ?? []).map { $0.entry(path: path) }
      }
      return ForeignBaseline(format: .detectSecrets, entries: entries)
    }
    throw ImportError(
      description: "\(file): neither a detect-secrets baseline (an object with \"results\") nor a gitleaks JSON "
        + "report (an array of findings, from gitleaks --report-format json)")
  }

  /// A file `--import` cannot read.
  public struct ImportError: HushError {
    /// The message, naming the file.
    public let description: String
  }

  /// The findings of `findings` that some entry vouches for: same path, and the same secret
  /// (its SHA-1 for detect-secrets; equal, or one holding the other, for gitleaks), or failing
  /// that, an entry's line within the finding's lines (the two tools may cut a secret apart
  /// differently, e.g. with or without its quotes).
  public func match(_ findings: [Finding]) -> Match {
    var kept = Set<Int>()
    var index: [String: [Int]] = [:]
    for (position, finding) in findings.enumerated() { index[finding.stablePath, default: []].append(position) }
    var bySecret = 0
    var byLine = 0
    var unmatched: [Entry] = []
    for entry in entries {
      let positions = (index[entry.path] ?? []).filter { !findings[$0].isWholeFile }
      let secretHits = positions.filter { Self.sameSecret(entry, findings[$0].secret) }
      let lineHits = positions.filter { position in
        entry.line.map { (findings[position].line...findings[position].endLine).contains($0) } ?? false
      }
      if !secretHits.isEmpty {
        bySecret += 1
        kept.formUnion(secretHits)
      } else if !lineHits.isEmpty {
        byLine += 1
        kept.formUnion(lineHits)
      } else {
        unmatched.append(entry)
      }
    }
    return Match(
      findings: kept.sorted().map { findings[$0] }, bySecret: bySecret, byLine: byLine, unmatched: unmatched)
  }

  static func sameSecret(_ entry: Entry, _ secret: [UInt8]) -> Bool {
    if let sha1 = entry.sha1 { return Baseline.hex(Array(Insecure.SHA1.hash(data: secret))) == sha1.lowercased() }
    guard let theirs = entry.secret, theirs.count >= 8, secret.count >= 8 else { return false }
    return theirs == secret || ByteSearch.contains(secret, theirs) || ByteSearch.contains(theirs, secret)
  }

  /// `./src/a.py` → `src/a.py`.
  static func normalized(_ path: String) -> String {
    var path = Substring(path)
    while path.hasPrefix("./") { path = path.dropFirst(2) }
    return String(path)
  }
}

/// The part of a gitleaks JSON report finding that is read.
private struct GitleaksFinding: Decodable {
  let ruleID: String
  let file: String
  let startLine: Int?
  let secret: String?

  enum CodingKeys: String, CodingKey {
    case ruleID = "RuleID"
    case file = "File"
    case startLine = "StartLine"
    case secret = "Secret"
  }

  var entry: ForeignBaseline.Entry {
    // `--redact` writes REDACTED (or a prefix and `...`): only the line is left to match.
    let plain = secret.flatMap { $0 == "REDACTED" || $0.hasSuffix("...") || $0.isEmpty ? nil : Array($0.utf8) }
    return ForeignBaseline.Entry(path: ForeignBaseline.normalized(file), line: startLine, secret: plain, kind: ruleID)
  }
}

/// The part of a detect-secrets baseline that is read.
private struct DetectSecretsBaseline: Decodable {
  struct Result: Decodable {
    let type: String
    let hashedSecret: String
    let lineNumber: Int?

    enum CodingKeys: String, CodingKey {
      case type
      case hashedSecret = "hashed_secret"
      case lineNumber = "line_number"
    }

    func entry(path: String) -> ForeignBaseline.Entry {
      ForeignBaseline.Entry(path: ForeignBaseline.normalized(path), line: lineNumber, sha1: hashedSecret, kind: type)
    }
  }
  let results: [String: [Result]]
}
