/// `hush audit --agents`: the user-level agent configs under the home directory, where most
/// agent tokens really live, each literal secret reported with the fix its agent calls for.
public struct AgentHomeAudit: Sendable {
  let home: String
  let detector: Detector?

  /// Audits the configs under `home` (`$HOME`); `detector` adds the provider rules.
  public init(home: String, detector: Detector?) {
    self.home = home
    self.detector = detector
  }

  /// The configs that exist, as `~/`-relative paths with their catalog entry.
  public func configs() -> [(path: String, file: AgentConfigFile)] {
    var seen = Set<String>()
    return AgentConfigs.user.flatMap { file in
      file.globs.flatMap(expand).compactMap { path -> (path: String, file: AgentConfigFile)? in
        guard seen.insert(path).inserted else { return nil }
        return (path, file.withSyntax(of: path))
      }
    }
  }

  /// Every literal secret in them; paths are shown as `~/…`, never the secret.
  public func run() -> AuditResult {
    var result = AuditResult()
    for (path, file) in configs() {
      let full = PathName.join(home, path)
      guard FileKind(full) == .other, let data = FileManager.default.contents(atPath: full),
        data.count < 4 << 20
      else { continue }
      result.findings += [UInt8](data).withUnsafeBufferPointer { bytes in
        AgentConfig.findings(in: bytes, path: "~/" + path, file: file, detector: detector)
      }
    }
    return result
  }

  /// The home-relative paths a glob names: itself, or the matching names of its folder when
  /// its last part has a `*`.
  private func expand(_ glob: String) -> [String] {
    guard glob.contains("*") else { return [glob] }
    let folder = glob.split(separator: "/").dropLast().joined(separator: "/")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: PathName.join(home, folder))) ?? []
    return names.sorted().map { folder + "/" + $0 }.filter { Glob.matches(glob, path: $0) }
  }
}
