import Foundation
import HushCore

/// One secret planted in a file of some format, for the rule that should find it.
public struct Planting: Sendable {
  /// The rule whose example was planted.
  public let rule: Rule
  /// The file format it was planted in.
  public let format: String
  /// The file name the planting is scanned as.
  public let path: String
  /// The file's text, the example inside it.
  public let text: [UInt8]
  /// Byte offsets of the planted secret in `text`.
  public let secret: Range<Int>
  /// Byte offsets of the whole value holding it (a connection string around its password).
  public let value: Range<Int>
}

/// Positives built from the catalog itself: each rule's examples yield a secret and the name
/// it was assigned to, which are written again in the syntax of a dozen file formats.
public enum Plantings {
  static let asWritten = "as written"

  /// Every planting of every example of `rules`.
  public static func all(for catalog: RuleCatalog) throws -> [Planting] {
    try catalog.rules.flatMap { rule in try plantings(for: rule) }
  }

  static func plantings(for rule: Rule) throws -> [Planting] {
    let detector = Detector(catalog: RuleCatalog(rules: [rule]))
    let path = RuleChecker.samplePath(for: rule)
    var plantings: [Planting] = []
    for (index, example) in rule.examples.enumerated() {
      let bytes = Array(example.utf8)
      guard let finding = try detector.scan(bytes, path: path).first else {
        // An example its own rule misses is a miss of the harness, not one planting fewer:
        // planted as written, at its marked secret, it is counted and not found.
        let marked = index < rule.exampleSecrets.count ? rule.exampleSecrets[index].first : nil
        plantings.append(
          Planting(
            rule: rule, format: asWritten, path: path, text: bytes, secret: marked ?? bytes.indices,
            value: bytes.indices))
        continue
      }
      let secret = String(decoding: finding.secret, as: UTF8.self)
      if !rule.paths.isEmpty {
        // A credential file's format is its own: planted as written, where it lives.
        plantings.append(
          Planting(
            rule: rule, format: asWritten, path: path, text: bytes, secret: finding.secretRange, value: bytes.indices))
      } else if rule.isMultiline || secret.contains("\n") {
        // The block as the example writes it (header fields and all), in three containers.
        let block = example.trimmingCharacters(in: .newlines)
        plantings += FileFormats.multiline(block: block, secret: secret).compactMap {
          plant(rule, $0.file, secret: $0.secret, value: $0.block)
        }
      } else {
        // The value is the whole token holding the secret: a URI's password travels with its URI.
        let value = FileFormats.valueRange(around: finding.secretRange, in: bytes)
        let lead = String(decoding: bytes[..<value.lowerBound], as: UTF8.self)
        let name = FileFormats.name(in: lead, value: String(decoding: bytes[value], as: UTF8.self), rule: rule)
        let text = String(decoding: bytes[value], as: UTF8.self)
        plantings += FileFormats.assignments(name: name, value: text).compactMap {
          plant(rule, $0, secret: secret, value: text)
        }
      }
    }
    return plantings
  }

  private static func plant(_ rule: Rule, _ file: FileFormats.File, secret: String, value: String) -> Planting? {
    let text = Array(file.text.utf8)
    let planted = Array(value.utf8)
    guard let valueStart = FileFormats.firstOffset(of: planted, in: text) else { return nil }
    let needle = Array(secret.utf8)
    guard let offset = FileFormats.firstOffset(of: needle, in: Array(text[valueStart...])) else { return nil }
    let start = valueStart + offset
    return Planting(
      rule: rule, format: file.format, path: file.path, text: text, secret: start..<(start + needle.count),
      value: valueStart..<(valueStart + planted.count))
  }
}
