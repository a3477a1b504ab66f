import Foundation
import HushCore

/// What one fuzz target made of one input. `violated` is a bug: the fuzzer traps on it, and
/// the regression tests fail on it.
public enum FuzzOutcome: Equatable, Sendable {
  /// The input parsed (or scanned) and the result is consistent.
  case accepted
  /// The input was refused with an error that says what and where.
  case rejected(String)
  /// A property that must hold for every input did not.
  case violated(String)
}

/// The inputs Hush parses from files and processes anyone can write, one fuzz target each:
/// `make fuzz` drives them under libFuzzer, and the regression tests replay the committed
/// corpus and crash inputs through the same function.
public enum FuzzTarget: String, CaseIterable, Sendable {
  case config
  case baseline
  case rules
  case stagedDiff = "staged-diff"
  case prePush = "pre-push"
  case detector

  /// The file name errors are reported against.
  static let file = "fuzz.toml"

  /// Feeds `bytes` to the target's parser and checks what must hold of its result.
  public func run(_ bytes: [UInt8]) -> FuzzOutcome {
    switch self {
    case .config: Self.config(bytes)
    case .baseline: Self.baseline(bytes)
    case .rules: Self.rules(bytes)
    case .stagedDiff: Self.stagedDiff(bytes)
    case .prePush: Self.prePush(bytes)
    case .detector: DetectorFuzz.run(bytes)
    }
  }

  /// A config error names the file and a real line, whatever the input.
  static func config(_ bytes: [UInt8]) -> FuzzOutcome {
    do {
      _ = try HushConfig.parse(String(decoding: bytes, as: UTF8.self), file: file)
      return .accepted
    } catch {
      return located("\(error)", in: file, lineCount: lineCount(bytes))
    }
  }

  /// A rule file's error names the file and a real line, whatever the input.
  static func rules(_ bytes: [UInt8]) -> FuzzOutcome {
    do {
      _ = try RuleCatalog.parse(file: file, text: String(decoding: bytes, as: UTF8.self))
      return .accepted
    } catch {
      return located(error.description, in: file, lineCount: lineCount(bytes))
    }
  }

  /// A baseline parses, or is refused with its file and line; one that parses survives being
  /// written and read back.
  static func baseline(_ bytes: [UInt8]) -> FuzzOutcome {
    let baseline: Baseline
    do {
      baseline = try Baseline.parse(Data(bytes), file: "fuzz.json")
    } catch {
      return located(error.description, in: "fuzz.json", lineCount: lineCount(bytes))
    }
    guard let reread = try? Baseline.parse(Data(baseline.render().utf8), file: "fuzz.json"), reread == baseline
    else { return .violated("a parsed baseline does not read back as itself once rendered") }
    return .accepted
  }

  /// Staged-diff output from git: every added range is a range of real (1-based) lines.
  static func stagedDiff(_ bytes: [UInt8]) -> FuzzOutcome {
    let files: [StagedFile]
    do {
      files = try StagedDiff.parse(bytes)
    } catch {
      return .rejected(error.description)
    }
    for file in files {
      if let bad = file.addedLines.first(where: { $0.lowerBound < 0 }) {
        return .violated("\(file.path): added lines \(bad) start before the file")
      }
    }
    return .accepted
  }

  /// Pre-push lines: each accepted update reads back as the line it came from.
  static func prePush(_ bytes: [UInt8]) -> FuzzOutcome {
    let text = String(decoding: bytes, as: UTF8.self)
    let updates: [PushUpdate]
    do {
      updates = try PushUpdates.parse(text)
    } catch {
      return .rejected(error.description)
    }
    let revisions = PushUpdates.revisions(for: updates) { _ in true }
    guard revisions.isEmpty || revisions.suffix(2) == ["--not", "--remotes"] else {
      return .violated("revisions do not end with --not --remotes: \(revisions)")
    }
    return .accepted
  }

  /// An error message must start `file:LINE` with LINE a line of the input (the empty line
  /// after a final newline counts: parsers report the end of the file there).
  static func located(_ message: String, in file: String, lineCount: Int) -> FuzzOutcome {
    let prefix = file + ":"
    guard message.hasPrefix(prefix) else { return .violated("error without its file: \(message)") }
    let digits = message.dropFirst(prefix.count).prefix(while: \.isNumber)
    guard let line = Int(digits), line >= 1, line <= lineCount else {
      return .violated("error without a line of the input (\(lineCount) lines): \(message)")
    }
    return .rejected(message)
  }

  /// Lines of the input, counting the (possibly empty) one after the last newline.
  static func lineCount(_ bytes: [UInt8]) -> Int { 1 + bytes.lazy.filter { $0 == 0x0A }.count }
}

extension FuzzTarget {
  /// libFuzzer's `LLVMFuzzerTestOneInput` for this target: a violated property traps, so
  /// that libFuzzer saves the input; refusals are the parser doing its job.
  public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .violated(let problem) = run(bytes) { fatalError("fuzz-\(rawValue): \(problem)") }
    return 0
  }
}
