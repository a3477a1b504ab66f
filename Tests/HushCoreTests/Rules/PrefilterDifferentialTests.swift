import HushTestSupport
import Testing

@testable import HushCore

/// The keyword prefilter must never change what a rule finds: each built-in example is
/// rewritten with other separators, cases and quotes in the setting's name, and the detector
/// must find the same secrets with the prefilter on as with it off.
@Suite struct PrefilterDifferentialTests {
  static let separators = ["_", "-", ".", " ", ""]
  static let quotes = ["'", "\"", ""]

  @Test(arguments: RuleCatalog.bundled.rules)
  func prefilterFindsWhatTheRegexFinds(_ rule: Rule) throws {
    let mismatches = try Self.mismatches(rule)
    #expect(mismatches.isEmpty, "\(rule.id): \(mismatches.count) variants differ; first: \(mismatches.first ?? "")")
  }

  /// The variants of `rule`'s examples on which the prefilter changes what is found.
  static func mismatches(_ rule: Rule) throws -> [String] {
    let catalog = RuleCatalog(rules: [rule])
    let filtered = Detector(catalog: catalog)
    let unfiltered = Detector(catalog: catalog, options: DetectorOptions(usePrefilter: false))
    let path = RuleChecker.samplePath(for: rule)
    var generator = SeededGenerator(seed: 18_005)
    var mismatches: [String] = []
    for (index, example) in rule.examples.enumerated() {
      let split = split(example, secrets: index < rule.exampleSecrets.count ? rule.exampleSecrets[index] : [])
      for variant in variants(of: split, generator: &generator) {
        let bytes = Array(variant.utf8)
        let on = try filtered.scan(bytes, path: path).map(\.secretRange)
        let off = try unfiltered.scan(bytes, path: path).map(\.secretRange)
        if on != off {
          mismatches.append("example \(index + 1): \(off.count) found without the prefilter, \(on.count) with it")
        }
      }
    }
    return mismatches
  }

  /// The example before its first secret (the setting's name and operator), and the rest.
  static func split(_ example: String, secrets: [Range<Int>]) -> (name: String, rest: String) {
    let bytes = Array(example.utf8)
    let cut = secrets.first?.lowerBound ?? 0
    return (String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self))
  }

  /// Every separator × case × quote rewrite of the name, and a few seeded mixes of them.
  static func variants(of split: (name: String, rest: String), generator: inout SeededGenerator) -> [String] {
    var lines: [String] = []
    for separator in separators {
      for casing in Casing.allCases {
        for quote in quotes {
          let name = casing.apply(replacingSeparators(in: split.name) { _ in separator })
          lines.append(quoted(name: name, rest: split.rest, quote: quote))
        }
      }
    }
    for _ in 0..<8 {
      let name = replacingSeparators(in: split.name) { _ in generator.element(of: separators) }
      let mixed = String(
        name.map { generator.next() & 1 == 0 ? Character($0.lowercased()) : Character($0.uppercased()) })
      lines.append(quoted(name: mixed, rest: split.rest, quote: generator.element(of: quotes)))
    }
    return lines
  }

  /// `name` with each separator between two letters or digits replaced.
  static func replacingSeparators(in name: String, with choose: (Character) -> String) -> String {
    let characters = Array(name)
    var result = ""
    for (index, character) in characters.enumerated() {
      let isInner =
        index > 0 && index + 1 < characters.count && characters[index - 1].isLetterOrDigit
        && characters[index + 1].isLetterOrDigit
      result += isInner && "_-. ".contains(character) ? choose(character) : String(character)
    }
    return result
  }

  /// The value put in `quote`s: after the name's own quote, if it ends with one, or added.
  static func quoted(name: String, rest: String, quote: String) -> String {
    guard !quote.isEmpty, let last = name.last, !"'\"".contains(last) else { return name + rest }
    let valueEnd = rest.firstIndex { $0 == " " || $0 == ";" || $0 == "," || $0 == "\"" || $0 == "'" } ?? rest.endIndex
    return name + quote + rest[..<valueEnd] + quote + rest[valueEnd...]
  }

  enum Casing: CaseIterable {
    case lower, upper, title

    func apply(_ text: String) -> String {
      switch self {
      case .lower: return text.lowercased()
      case .upper: return text.uppercased()
      case .title:
        var result = ""
        var previous: Character = " "
        for character in text {
          result += previous.isLetterOrDigit ? character.lowercased() : character.uppercased()
          previous = character
        }
        return result
      }
    }
  }
}

extension Character {
  fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
