import Synchronization

/// A rule's regex, compiled and JIT-ed on first use: a pre-commit run touches a handful of
/// rules, so compiling all of them up front would cost more than the scan.
final class LazyRegex: Sendable {
  let pattern: String
  let name: String
  let isJIT: Bool
  private let compiled = Mutex<Result<PCRE2Regex, RegexError>?>(nil)

  init(pattern: String, name: String, jit: Bool) {
    self.pattern = pattern
    self.name = name
    self.isJIT = jit
  }

  /// The compiled regex; the first caller compiles it, later ones get the same instance.
  func regex() throws(RegexError) -> PCRE2Regex {
    let result = compiled.withLock { state in
      if let state { return state }
      let result: Result<PCRE2Regex, RegexError>
      do throws(RegexError) {
        result = .success(try PCRE2Regex(pattern, name: name, jit: isJIT))
      } catch {
        result = .failure(error)
      }
      state = result
      return result
    }
    return try result.get()
  }
}
