import Synchronization

/// A rule's regex, compiled on first use and JIT-compiled once it has earned it. A pre-commit
/// run touches a handful of rules on a few windows each, where PCRE2's JIT compiler costs
/// more than the interpreter spends matching (a sixth of the hook's work after git answers);
/// a scan of a tree or of history runs a rule thousands of times, almost all of them JIT-ed.
final class LazyRegex: Sendable {
  /// Windows a rule is interpreted on before it is JIT-compiled.
  static let interpretedWindows = 24

  let pattern: String
  let name: String
  let isJIT: Bool
  private let state = Mutex<State>(State())

  init(pattern: String, name: String, jit: Bool) {
    self.pattern = pattern
    self.name = name
    self.isJIT = jit
  }

  /// Every match in `subject[start..<end]`, as the JIT-compiled regex finds them. The
  /// interpreter finds the same, except that it can give up on a window (its depth limit) where
  /// the JIT would not: such a window is searched again, JIT-compiled.
  func allMatches(
    in subject: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, scratch: MatchScratch
  ) throws(RegexError) -> [RegexMatch] {
    let regex = try regex()
    do {
      return try regex.allMatches(in: subject, from: start, to: end, scratch: scratch)
    } catch  where error.isResourceLimit && isJIT && !regex.isJITCompiled {
      return try jitCompiled().allMatches(in: subject, from: start, to: end, scratch: scratch)
    }
  }

  /// Compiles now, JIT included, so that a rule that cannot compile is reported up front
  /// (`rules check`, a config's own rules).
  func compileNow() throws(RegexError) {
    _ = isJIT ? try jitCompiled() : try regex()
  }

  /// The compiled regex; the caller that makes it JIT-worthy compiles it again with the JIT.
  /// Callers still matching with the interpreted one keep it until they are done.
  func regex() throws(RegexError) -> PCRE2Regex {
    try state.withLock { state in
      state.uses += 1
      let jit = isJIT && state.uses >= Self.interpretedWindows
      return state.compiled(jit: jit, pattern: pattern, name: name)
    }.get()
  }

  private func jitCompiled() throws(RegexError) -> PCRE2Regex {
    try state.withLock { state in
      state.uses = max(state.uses, Self.interpretedWindows)
      return state.compiled(jit: true, pattern: pattern, name: name)
    }.get()
  }

  private struct State {
    var current: Result<PCRE2Regex, RegexError>?
    var uses = 0
    var jitFailed = false

    /// The regex compiled as asked, once. A JIT that fails where the interpreter succeeded
    /// (no executable memory, say) leaves the interpreted regex in place: the same matches,
    /// slower.
    mutating func compiled(jit: Bool, pattern: String, name: String) -> Result<PCRE2Regex, RegexError> {
      if let current, !jit || jitFailed || (try? current.get())?.isJITCompiled != false { return current }
      let fresh: Result<PCRE2Regex, RegexError>
      do throws(RegexError) {
        fresh = .success(try PCRE2Regex(pattern, name: name, jit: jit))
      } catch {
        fresh = .failure(error)
      }
      if case .failure = fresh, let current, case .success = current {
        jitFailed = true
        return current
      }
      current = fresh
      return fresh
    }
  }
}
