/// Reads the secret files a developer keeps beside the code (`.env*`, agent configs) into a
/// `LocalSecrets` matcher.
public enum LocalSecretFiles {
  /// The local secrets of the work tree holding `path` (a file or directory), if any.
  public static func load(near path: String) -> LocalSecrets? {
    let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    let directory = FileKind(path) == .directory ? path : parent
    guard let tree = Git(directory: directory.isEmpty ? "/" : directory).workTree() else { return nil }
    return load(workTree: tree.root)
  }

  /// Reads the `.env*` files and agent configs at the root of the work tree.
  public static func load(workTree root: String) -> LocalSecrets {
    var values: [String: Set<String>] = [:]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    // A name that matches no local-secret entry cannot be one: most of a root's names are
    // ruled out by these few entries before the whole catalog decides (its first match).
    let local = SensitiveFiles.catalog.filter(\.holdsLocalSecrets)
    let candidates =
      names.filter { name in
        local.contains { $0.matches(name) } && SensitiveFiles.pattern(for: name)?.holdsLocalSecrets == true
      }
      + SensitiveFiles.catalog.filter { $0.holdsLocalSecrets && $0.probe.contains("/") }.map(\.probe)
    for name in candidates {
      let path = PathName.join(root, name)
      guard let data = FileManager.default.contents(atPath: path), data.count < 1 << 20 else { continue }
      let text = String(decoding: data, as: UTF8.self)
      let found = AgentConfigs.file(for: name).map { agentValues(data, $0) } ?? dotenvValues(text)
      for value in found where isWorthMatching(value) { values[value, default: []].insert(name) }
    }
    return LocalSecrets(values: values)
  }

  /// `KEY=value` lines whose key names a credential.
  static func dotenvValues(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      var entry = line.trimmingBlanks()
      if entry.hasPrefix("export ") { entry = String(entry.dropFirst(7)) }
      guard !entry.hasPrefix("#"), let equals = entry.firstIndex(of: "=") else { return nil }
      let key = entry[..<equals].trimmingBlanks()
      var value = entry[entry.index(after: equals)...].trimmingBlanks()
      if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
        value = String(value.dropFirst().dropLast())
      }
      return CredentialWords.namesCredential(key) || CredentialWords.namesURL(key) ? value : nil
    }
  }

  /// The literal secrets of an agent config, parsed in its syntax.
  static func agentValues(_ data: Data, _ file: AgentConfigFile) -> [String] {
    guard let tree = AgentConfig.parse(data, syntax: file.syntax) else { return [] }
    return AgentConfig.literals(in: tree).map(\.secret)
  }

  /// Long enough, and not an obvious non-secret (a flag, a number, a reference, a URL
  /// without credentials).
  static func isWorthMatching(_ value: String) -> Bool {
    guard value.utf8.count >= 8, !value.contains("${"), !value.hasPrefix("$") else { return false }
    let lowered = value.lowercased()
    if ["true", "false", "enabled", "disabled"].contains(lowered) { return false }
    if value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) { return false }
    if let scheme = value.firstRange(of: "://") {
      let rest = value[scheme.upperBound...]
      let authority = rest.prefix { $0 != "/" }
      return authority.contains("@") && authority.prefix { $0 != "@" }.contains(":")
    }
    return !Placeholder.isPlaceholder(Array(value.utf8))
  }
}
