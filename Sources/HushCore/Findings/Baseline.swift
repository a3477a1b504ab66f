import Crypto
import Foundation

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
/// never the secret and never a hash that can be checked against guesses without the salt.
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

  static let defaultName = ".hush-baseline.json"
  let salt: [UInt8]
  private(set) var entries: Set<Entry>

  /// A baseline of `findings` under `salt` (a fresh random one when nil).
  public init(findings: [Finding], salt: [UInt8]? = nil) {
    self.salt = salt ?? SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    let fingerprinter = Fingerprinter(salt: self.salt)
    entries = Set(findings.map { Self.entry(for: $0, fingerprinter) })
  }

  private static func entry(for finding: Finding, _ fingerprinter: Fingerprinter) -> Entry {
    Entry(
      rule: finding.rule.id, path: finding.stablePath,
      fingerprint: fingerprinter.fingerprint(rule: finding.rule.id, secret: finding.identity))
  }

  /// The findings this baseline does not know.
  public func newFindings(_ findings: [Finding]) -> [Finding] {
    let fingerprinter = Fingerprinter(salt: salt)
    return findings.filter { !entries.contains(Self.entry(for: $0, fingerprinter)) }
  }

  /// The file: a header, then one entry per line, each ending with a comma, then `null`, so
  /// that adding or removing an entry never touches a neighbouring line.
  public func render() -> String {
    let q = JSONWriter.quoted
    let lines = entries.sorted().map { entry in
      "    {\"path\": \(q(entry.path)), \"rule\": \(q(entry.rule)), \"fingerprint\": \(q(entry.fingerprint))},\n"
    }
    return "{\n  \"hushBaseline\": 1,\n  \"salt\": \(q(Self.hex(salt))),\n  \"entries\": [\n" + lines.joined()
      + "    null\n  ]\n}\n"
  }

  static func parse(_ data: Data, file: String) throws(BaselineError) -> Baseline {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw .invalid(file: file, line: 1, reason: "not a JSON object (a merge conflict left in it?)")
    }
    let text = String(decoding: data, as: UTF8.self)
    guard object["hushBaseline"] as? Int == 1 else {
      throw .invalid(file: file, line: 1, reason: "missing \"hushBaseline\": 1")
    }
    guard let saltText = object["salt"] as? String, let salt = bytes(fromHex: saltText), salt.count >= 16 else {
      throw .invalid(file: file, line: line(of: "\"salt\"", in: text), reason: "\"salt\" must be 32 or more hex digits")
    }
    guard let list = object["entries"] as? [Any] else {
      throw .invalid(file: file, line: line(of: "\"entries\"", in: text), reason: "\"entries\" must be an array")
    }
    var baseline = Baseline(findings: [], salt: salt)
    for item in list where !(item is NSNull) {
      guard let entry = item as? [String: Any], let rule = entry["rule"] as? String,
        let path = entry["path"] as? String,
        let fingerprint = entry["fingerprint"] as? String, fingerprint.count == 64
      else {
        throw .invalid(
          file: file, line: line(of: "\(item)".prefix(20).description, in: text),
          reason: "each entry needs rule, path and a 64-digit fingerprint")
      }
      baseline.entries.insert(Entry(rule: rule, path: path, fingerprint: fingerprint))
    }
    return baseline
  }

  private static func line(of needle: String, in text: String) -> Int {
    guard let range = text.range(of: needle) else { return 1 }
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
