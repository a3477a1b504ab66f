import Crypto

/// A baseline that cannot be used.
public enum BaselineError: HushError, Equatable {
  case invalid(file: String, line: Int, reason: String)
  case exists(String)

  /// The message, naming the baseline file.
  public var description: String {
    switch self {
    case .invalid(let file, let line, let reason): "\(file):\(line): invalid baseline: \(reason)"
    case .exists(let file):
      "\(file) exists: run hush baseline --update to refresh it (it keeps its salt, so branches still merge), or delete it first"
    }
  }
}

/// Findings accepted as known: rule, path and a keyed fingerprint of the secret per entry,
/// never the secret. Format 2 (written today) fingerprints with scrypt under a per-entry salt
/// (`BaselineKDF`), so a weak password costs a guesser a slow KDF per guess and per entry;
/// format 1 (HMAC under the file's salt) is still read, and `hush baseline --update` upgrades it.
/// No line numbers and no dates, one entry per line, sorted: moving a secret keeps it known,
/// and two branches' baselines merge line by line (with `merge=union`, cleanly).
public struct Baseline: Sendable, Equatable {
  struct Entry: Hashable, Sendable, Comparable {
    let rule: String
    let path: String
    let fingerprint: String

    /// Entries sort by path, then rule, then fingerprint, as the file lists them.
    static func < (a: Entry, b: Entry) -> Bool {
      (a.path, a.rule, a.fingerprint) < (b.path, b.rule, b.fingerprint)
    }
  }

  /// A finding's place as entries key it: only findings with an entry at the same place
  /// pay for a KDF.
  private struct Place: Hashable {
    let rule: String
    let path: String
  }

  static let defaultName = ".hush-baseline.json"
  /// The format written: 2, scrypt fingerprints.
  static let currentVersion = 2
  let salt: [UInt8]
  /// 1: HMAC fingerprints (read only); 2: scrypt fingerprints.
  let version: Int
  private(set) var entries: Set<Entry>
  /// This machine's memo of scrypt results (`BaselineMemo`), when the command uses one.
  var memoFile: String?

  /// A baseline of `findings` under `salt` (a fresh random one when nil), in today's format.
  /// With `environment`, the fingerprints also seed this machine's memo, so the scan that
  /// follows pays no KDF.
  public init(findings: [Finding], salt: [UInt8]? = nil, memoEnvironment environment: [String: String]? = nil) {
    self.init(salt: salt ?? SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }, version: Self.currentVersion)
    let unique = Array(Set(findings.map(Self.key)))
    let fingerprints = fingerprints(of: unique)
    entries = Set(zip(unique, fingerprints).map { Entry(rule: $0.rule, path: $0.path, fingerprint: $1) })
    guard let environment, let file = BaselineMemo.file(salt: self.salt, environment: environment) else { return }
    memoFile = file
    var memo = BaselineMemo(file: file)
    for (key, fingerprint) in zip(unique, fingerprints) { memo.remember(tag(key, memo), fingerprint) }
    memo.saveIfChanged()
  }

  /// Uses this machine's memo from now on (the user's cache directory in `environment`).
  public mutating func useMemo(environment: [String: String]) {
    guard version >= 2 else { return }
    memoFile = BaselineMemo.file(salt: salt, environment: environment)
  }

  private init(salt: [UInt8], version: Int) {
    self.salt = salt
    self.version = version
    entries = []
  }

  /// What an entry records of a finding, before its fingerprint.
  private struct Key: Hashable, Sendable {
    let rule: String
    let path: String
    let secret: [UInt8]
  }

  private static func key(_ finding: Finding) -> Key {
    Key(rule: finding.rule.id, path: finding.stablePath, secret: finding.identity)
  }

  /// Each key's fingerprint in this baseline's format, the slow ones on all cores.
  private func fingerprints(of keys: [Key]) -> [String] {
    switch version {
    case 1:
      let fingerprinter = Fingerprinter(salt: salt)
      return keys.map { fingerprinter.fingerprint(rule: $0.rule, secret: $0.secret) }
    default:
      let kdf = BaselineKDF(salt: salt)
      return BaselineKDF.concurrentMap(keys.count) {
        kdf.fingerprint(rule: keys[$0].rule, path: keys[$0].path, secret: keys[$0].secret)
      }
    }
  }

  /// The findings this baseline does not know. Only a finding with an entry of the same rule
  /// and path is fingerprinted, once per distinct secret there.
  public func newFindings(_ findings: [Finding]) -> [Finding] {
    let places = Set(entries.map { Place(rule: $0.rule, path: $0.path) })
    let candidates = Array(Set(findings.map(Self.key).filter { places.contains(Place(rule: $0.rule, path: $0.path)) }))
    let known = Set(
      zip(candidates, memoizedFingerprints(of: candidates)).filter {
        entries.contains(Entry(rule: $0.rule, path: $0.path, fingerprint: $1))
      }.map(\.0))
    return findings.filter { !known.contains(Self.key($0)) }
  }

  /// `fingerprints(of:)`, taking what this machine's memo remembers and remembering the new
  /// ones that match an entry (the others would only grow the memo).
  private func memoizedFingerprints(of keys: [Key]) -> [String] {
    guard let memoFile else { return fingerprints(of: keys) }
    var memo = BaselineMemo(file: memoFile)
    let tags = keys.map { tag($0, memo) }
    var result = tags.map { memo[$0] }
    let missing = result.indices.filter { result[$0] == nil }
    for (index, fingerprint) in zip(missing, fingerprints(of: missing.map { keys[$0] })) {
      result[index] = fingerprint
      let key = keys[index]
      if entries.contains(Entry(rule: key.rule, path: key.path, fingerprint: fingerprint)) {
        memo.remember(tags[index], fingerprint)
      }
    }
    memo.saveIfChanged()
    return result.map { $0 ?? "" }
  }

  private func tag(_ key: Key, _ memo: BaselineMemo) -> String {
    memo.tag(salt: salt, rule: key.rule, path: key.path, secret: key.secret)
  }

  /// The file: a header, then one entry per line, each ending with a comma, then `null`, so
  /// that adding or removing an entry never touches a neighbouring line.
  public func render() -> String {
    let q = JSONWriter.quoted
    let lines = entries.sorted().map { entry in
      "    {\"path\": \(q(entry.path)), \"rule\": \(q(entry.rule)), \"fingerprint\": \(q(entry.fingerprint))},\n"
    }
    return "{\n  \"hushBaseline\": \(version),\n  \"salt\": \(q(Self.hex(salt))),\n  \"entries\": [\n"
      + lines.joined() + "    null\n  ]\n}\n"
  }

  /// Reads a baseline file; errors start with `file:line:`.
  public static func parse(_ data: Data, file: String) throws(BaselineError) -> Baseline {
    let text = String(decoding: data, as: UTF8.self)
    guard let object = JSONTree.object(data) else {
      if let marker = conflictMarkerLine(in: text) {
        throw .invalid(
          file: file, line: marker, reason: "merge conflict markers: resolve them, or run hush baseline --update")
      }
      throw .invalid(file: file, line: 1, reason: "not a JSON object (a merge conflict left in it?)")
    }
    guard let version = object["hushBaseline"] as? Int, (1...currentVersion).contains(version) else {
      throw .invalid(file: file, line: 1, reason: "missing \"hushBaseline\": 1 or 2")
    }
    guard let saltText = object["salt"] as? String, let salt = bytes(fromHex: saltText), salt.count >= 16 else {
      throw .invalid(file: file, line: line(of: "\"salt\"", in: text), reason: "\"salt\" must be 32 or more hex digits")
    }
    guard let list = object["entries"] as? [Any] else {
      throw .invalid(file: file, line: line(of: "\"entries\"", in: text), reason: "\"entries\" must be an array")
    }
    var baseline = Baseline(salt: salt, version: version)
    for (index, item) in list.enumerated() where !(item is JSONTree.Null) {
      guard let entry = item as? [String: Any], let rule = entry["rule"] as? String,
        let path = entry["path"] as? String,
        let fingerprint = entry["fingerprint"] as? String, fingerprint.count == 64
      else {
        throw .invalid(
          file: file, line: elementLine(index, in: text),
          reason: "each entry needs rule, path and a 64-digit fingerprint")
      }
      baseline.entries.insert(Entry(rule: rule, path: path, fingerprint: fingerprint))
    }
    return baseline
  }

  /// The line of the first conflict marker git leaves (`<<<<<<<`, `=======`, `>>>>>>>`).
  private static func conflictMarkerLine(in text: String) -> Int? {
    let markers = ["<<<<<<<", "=======", ">>>>>>>"]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { line in markers.contains { line.hasPrefix($0) } }.map { $0 + 1 }
  }

  /// The line of the `index`th element of `"entries"`, as the file is written (one element a
  /// line); the `"entries"` line when the file is laid out otherwise.
  private static func elementLine(_ index: Int, in text: String) -> Int {
    let start = line(of: "\"entries\"", in: text)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(start)
    let elements = lines.indices.filter { number in
      let trimmed = lines[number].trimmingBlanks()
      return !trimmed.isEmpty && !trimmed.hasPrefix("]") && !trimmed.hasPrefix("}")
    }
    return index < elements.count ? elements[index] + 1 : start
  }

  private static func line(of needle: String, in text: String) -> Int {
    guard let range = text.firstRange(of: needle) else { return 1 }
    return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
  }

  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  static func bytes(fromHex text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
