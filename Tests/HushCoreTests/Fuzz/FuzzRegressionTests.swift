import Foundation
import Testing

@testable import HushFuzzTargets

/// Every input `make fuzz` committed (its corpus, Fuzz/corpus/TARGET, and the inputs that once
/// crashed a target, Fuzz/regressions/TARGET) replayed through the same target code, without
/// sanitizers: each must parse or be refused with a clean error (for configs, rule files and
/// baselines one that names file:line), never trap, never break a target's property.
@Suite struct FuzzRegressionTests {
  static let fuzz = SourceTree.root.appendingPathComponent("Fuzz")

  /// The committed inputs of a target, as (name, bytes).
  static func inputs(_ target: FuzzTarget) throws -> [(name: String, bytes: [UInt8])] {
    try ["corpus", "regressions"].flatMap { folder in
      let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return try names.sorted().filter { !$0.hasPrefix(".") }.map { name in
        (folder + "/" + name, Array(try Data(contentsOf: directory.appendingPathComponent(name))))
      }
    }
  }

  @Test(arguments: FuzzTarget.allCases)
  func committedInputsParseOrFailCleanly(_ target: FuzzTarget) throws {
    let inputs = try Self.inputs(target)
    #expect(inputs.count >= 4, "Fuzz/corpus/\(target.rawValue) holds its seed corpus")
    for input in inputs {
      if case .violated(let problem) = target.run(input.bytes) {
        Issue.record("\(target.rawValue)/\(input.name): \(problem)")
      }
    }
  }

  /// The seeds reach both outcomes, so the corpus exercises the error paths as well as parsing.
  @Test(arguments: [FuzzTarget.config, .rules, .baseline, .stagedDiff, .prePush])
  func seedsIncludeValidAndInvalidInputs(_ target: FuzzTarget) throws {
    let outcomes = try Self.inputs(target).map { target.run($0.bytes) }
    #expect(outcomes.contains(.accepted))
    #expect(outcomes.contains { if case .rejected = $0 { true } else { false } } || target == .stagedDiff)
  }

  /// An error that does not point at a line of the input is a violation, not a refusal.
  @Test func anErrorWithoutItsLineIsAViolation() {
    let lines = FuzzTarget.lineCount(Array("a = 1\nb = 2\n".utf8))
    #expect(lines == 3)
    let located = "fuzz.toml:2: unknown key 'b'"
    #expect(FuzzTarget.located(located, in: "fuzz.toml", lineCount: lines) == .rejected(located))
    for message in ["fuzz.toml:0: x", "fuzz.toml:4: x", "fuzz.toml: x", "other.toml:1: x", "x"] {
      guard case .violated = FuzzTarget.located(message, in: "fuzz.toml", lineCount: lines) else {
        Issue.record("\(message) was accepted as located")
        continue
      }
    }
  }
}
