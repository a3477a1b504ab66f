internal import CPCRE2

/// What went wrong compiling or running a rule's regex; names the rule.
public enum RegexError: HushError, Equatable {
  case compile(rule: String, message: String, offset: Int)
  case jit(rule: String, message: String)
  case match(rule: String, message: String)
  case outOfMemory(rule: String)

  /// The message, naming the pattern.
  public var description: String {
    switch self {
    case .compile(let rule, let message, let offset):
      "rule '\(rule)': invalid regex at offset \(offset): \(message)"
    case .jit(let rule, let message):
      "rule '\(rule)': JIT compilation failed: \(message)"
    case .match(let rule, let message):
      "rule '\(rule)': match failed: \(message)"
    case .outOfMemory(let rule):
      "rule '\(rule)': out of memory"
    }
  }

  /// True when matching gave up on a resource limit (a pathological input, not a bug).
  public var isResourceLimit: Bool {
    if case .match = self { return true }
    return false
  }
}

/// One match: the byte range of the whole match and of each capture group (nil if unset).
public struct RegexMatch: Sendable, Equatable {
  let groups: [Range<Int>?]
  var range: Range<Int> { groups[0] ?? 0..<0 }
  func group(_ index: Int) -> Range<Int>? { index < groups.count ? groups[index] : nil }
}

/// Per-thread matching state: PCRE2 match data, a match context with limits, and a JIT stack.
/// Reused across every match of one thread, so the hot path allocates nothing.
public final class MatchScratch {
  fileprivate let data: OpaquePointer
  fileprivate let context: OpaquePointer
  private let jitStack: OpaquePointer?
  /// Enough pairs for any rule; PCRE2 fills fewer when a pattern has fewer groups.
  fileprivate static let ovectorPairs: UInt32 = 32

  init() {
    // Allocation failures here mean the process is out of memory: nothing sensible to do.
    guard let data = pcre2_match_data_create_8(Self.ovectorPairs, nil),
      let context = pcre2_match_context_create_8(nil)
    else { fatalError("libpcre2: out of memory creating match data") }
    self.data = data
    self.context = context
    // Bound backtracking so a hostile input cannot hang a commit hook.
    pcre2_set_match_limit_8(context, 2_000_000)
    pcre2_set_depth_limit_8(context, 10_000)
    jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
    if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
  }

  deinit {
    if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    pcre2_match_context_free_8(context)
    pcre2_match_data_free_8(data)
  }
}

/// A compiled, JIT-optimised pattern: the only type that touches libpcre2.
// PCRE2 never mutates compiled code while matching and all per-match state lives in the
// caller's MatchScratch, so one instance is safe to share across threads.
final class PCRE2Regex: @unchecked Sendable {
  /// The rule (or other owner) named in errors.
  public let name: String
  let pattern: String
  let isJITCompiled: Bool
  /// Number of capture groups in the pattern.
  public let captureCount: Int
  private let code: OpaquePointer

  /// Compiles `pattern` (PCRE2 syntax, bytes not UTF) and, unless `jit` is false, JIT-compiles it.
  /// With `lineAnchors`, `^` and `$` also match at line boundaries: rules run on windows cut
  /// from the middle of a file, where a token at the start of a line must still match `^`.
  public init(_ pattern: String, name: String, jit: Bool = true, lineAnchors: Bool = true)
    throws(RegexError)
  {
    let options = lineAnchors ? UInt32(PCRE2_MULTILINE) : 0
    var errorCode: Int32 = 0
    var errorOffset = 0
    let bytes = Array(pattern.utf8)
    let compiled = bytes.withUnsafeBufferPointer {
      pcre2_compile_8($0.baseAddress, $0.count, options, &errorCode, &errorOffset, nil)
    }
    guard let compiled else {
      throw .compile(rule: name, message: Self.message(for: errorCode), offset: errorOffset)
    }
    var captures: UInt32 = 0
    pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
    guard captures < MatchScratch.ovectorPairs else {
      pcre2_code_free_8(compiled)
      throw .compile(rule: name, message: "too many capture groups (\(captures))", offset: 0)
    }
    if jit {
      let status = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
      guard status == 0 else {
        pcre2_code_free_8(compiled)
        throw .jit(rule: name, message: Self.message(for: status))
      }
    }
    self.name = name
    self.pattern = pattern
    self.isJITCompiled = jit
    self.captureCount = Int(captures)
    self.code = compiled
  }

  deinit { pcre2_code_free_8(code) }

  /// The first match starting at or after `start` in `subject[..<end]`. Bytes before `start`
  /// are visible to lookbehinds and `\b`; nothing at or after `end` is read.
  public func firstMatch(
    in subject: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scratch: MatchScratch
  ) throws(RegexError) -> RegexMatch? {
    precondition(start >= 0 && start <= end && end <= subject.count, "match window out of bounds")
    // An empty buffer has no base address; PCRE2 still needs a valid pointer.
    let empty: [UInt8] = [0]
    let status = empty.withUnsafeBufferPointer { fallback in
      pcre2_match_8(
        code, subject.baseAddress ?? fallback.baseAddress, end, start, 0, scratch.data,
        scratch.context)
    }
    if status == PCRE2_ERROR_NOMATCH { return nil }
    guard status >= 0 else { throw .match(rule: name, message: Self.message(for: status)) }
    let ovector = pcre2_get_ovector_pointer_8(scratch.data)
    guard let ovector else { throw .outOfMemory(rule: name) }
    var groups: [Range<Int>?] = []
    groups.reserveCapacity(captureCount + 1)
    for index in 0...captureCount {
      let lower = ovector[2 * index]
      let upper = ovector[2 * index + 1]
      // PCRE2_UNSET (all ones) marks a group that did not take part in the match.
      groups.append(lower >= 0 && lower <= upper && upper <= end ? lower..<upper : nil)
    }
    return RegexMatch(groups: groups)
  }

  /// Every non-overlapping match in `subject[start..<end]`.
  public func allMatches(
    in subject: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scratch: MatchScratch
  ) throws(RegexError) -> [RegexMatch] {
    var matches: [RegexMatch] = []
    var position = start
    while position <= end,
      let match = try firstMatch(in: subject, from: position, to: end, scratch: scratch)
    {
      matches.append(match)
      // An empty match must still advance, or the loop would never end.
      position = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
    }
    return matches
  }

  /// Convenience for tests and rule checks: matches in a Swift string's UTF-8 bytes.
  public func allMatches(in text: String, scratch: MatchScratch = MatchScratch()) throws(RegexError)
    -> [RegexMatch]
  {
    let bytes = Array(text.utf8)
    do {
      return try bytes.withUnsafeBufferPointer { buffer in
        try allMatches(in: buffer, from: 0, to: buffer.count, scratch: scratch)
      }
    } catch let error as RegexError {
      throw error
    } catch {
      throw .match(rule: name, message: "\(error)")
    }
  }

  private static func message(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
    guard length > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[..<Int(length)], as: UTF8.self)
  }
}
