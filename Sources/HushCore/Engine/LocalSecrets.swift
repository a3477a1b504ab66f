/// The values of the secret files a developer keeps beside the code (`.env*`, agent
/// configs), so that a line elsewhere holding one verbatim is caught whatever its entropy:
/// the low-entropy password no pattern can recognise. The values stay in memory; findings
/// show them redacted even with `--show-secrets`.
public struct LocalSecrets: Sendable {
  static let rule = Rule(
    id: "known-local-secret",
    description: "A value from your local secret file (.env, agent config) appears here verbatim",
    provider: "local", severity: .high, keywords: [], regex: "",
    rotate:
      "Use the variable instead of its value (read it from the environment), and rotate the value if it was shared.",
    location: "built-in local secret check")

  /// Repository-relative paths the values came from (their own lines are not findings).
  public let sources: Set<String>
  private let values: [[UInt8]]
  private let index: KeywordIndex

  var isEmpty: Bool { values.isEmpty }

  /// A matcher for `values`, each with the files it came from.
  public init(values: [String: Set<String>]) {
    let sorted = values.keys.sorted()
    self.values = sorted.map { Array($0.utf8) }
    sources = Set(values.values.flatMap { $0 })
    index = KeywordIndex(keywords: sorted)
  }

  /// Findings where a known value appears verbatim in `bytes` (not in its own file).
  public func findings(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [Finding] {
    guard !values.isEmpty, !sources.contains(path) else { return [] }
    var found: [Finding] = []
    var cursor = LineIndex.Cursor(bytes)
    index.forEachHit(in: bytes) { keyword, end in
      let value = values[keyword]
      let start = end - value.count
      // The index folds case; a secret is matched exactly.
      guard start >= 0, UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(value) else { return }
      let position = cursor.position(of: start)
      let endLine = cursor.position(of: max(start, end - 1)).line
      var finding = Finding(
        rule: Self.rule, path: path, line: position.line, column: position.column, endLine: endLine, secret: value,
        secretRange: start..<end, entropy: Entropy.shannon(value))
      finding.excerpt = LineExcerpt(around: start..<end, in: bytes)
      found.append(finding)
    }
    return found
  }
}
