/// Human-readable accounts of hook changes.
enum HookReport {
  static func lines(_ plan: [HookChange]) -> [String] {
    plan.map { change in
      switch change {
      case .write(let path, _, let previous): previous == nil ? "installed \(path)" : "updated \(path)"
      case .keepPrevious(let from, let to): "kept the existing \(from) as \(to); it runs first, then Hush"
      case .restore(let from, let to): "removed Hush's hook and put back \(to) (from \(from))"
      case .remove(let path): "removed \(path)"
      case .unchanged(let path, let reason): "\(path): \(reason)"
      }
    }
  }

  static func isConflict(_ change: HookChange) -> Bool {
    if case .unchanged(_, let reason) = change { return reason != "already installed" }
    return false
  }

  /// The plan as a unified diff of whole files.
  static func diff(_ plan: [HookChange]) -> String {
    plan.map { change in
      switch change {
      case .write(let path, let content, let previous):
        let old = previous.map { lines($0, "-") } ?? ""
        return "--- \(previous == nil ? "/dev/null" : path)\n+++ \(path)\n\(old)\(lines(content, "+"))"
      case .keepPrevious(let from, let to), .restore(let from, let to): return "rename from \(from)\nrename to \(to)\n"
      case .remove(let path): return "deleted file \(path)\n"
      case .unchanged(let path, let reason): return "# \(path): \(reason)\n"
      }
    }.joined()
  }

  private static func lines(_ text: String, _ sign: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { sign + $0 + "\n" }.joined()
  }
}
