import Foundation

/// `hush baseline`: records today's findings as known.
public struct BaselineCommand: Sendable {
  var path: String
  var output: String?
  var update: Bool
  var input: ScannerSetup

  /// The command with its arguments (the input's baseline option is ignored: this writes one).
  public init(path: String, output: String?, update: Bool, input: ScannerSetup) {
    self.path = path
    self.output = output
    self.update = update
    self.input = input
  }

  /// Scans `path` and writes the baseline of what it found.
  public func run() throws -> ExitStatus {
    guard let file = output ?? BaselineFile.defaultPath(near: path) else {
      throw UsageError("outside a repository, name the baseline file with --output")
    }
    let existing = FileManager.default.contents(atPath: file)
    if existing != nil && !update { throw BaselineError.exists(file) }
    let salt = try existing.map { try Baseline.parse($0, file: file).salt }
    // With the local secret files, as `hush scan` runs: a scan right after must be clean.
    let scanner = try input.scanner(near: path, localSecrets: true, baselined: false)
    let lister = TargetLister(includeIgnored: false) { _ in }
    let result = try scanner.scan(try lister.targets(for: [path]))
    let baseline = Baseline(
      findings: result.findings, salt: salt, memoEnvironment: ProcessInfo.processInfo.environment)
    try AtomicFile.write(Array(baseline.render().utf8), to: file, mode: 0o644)
    let count = baseline.entries.count
    Console.error("hush: \(update ? "updated" : "wrote") \(file): \(count) known finding\(count == 1 ? "" : "s")")
    if let note = try BaselineFile.ensureUnionMerge(for: file) { Console.error("hush: \(note)") }
    return .clean
  }
}

/// Where the default baseline lives, and the merge attribute that keeps it merge-friendly.
enum BaselineFile {
  /// `.hush-baseline.json` at the root of the work tree holding `path`.
  static func defaultPath(near path: String) -> String? {
    let directory = ScanCommand.directory(of: path)
    guard let tree = Git(directory: directory.isEmpty ? "." : directory).workTree() else { return nil }
    return PathName.join(tree.root, Baseline.defaultName)
  }

  /// `.gitleaksignore` beside the default baseline (`defaultPath`), at the work tree's root.
  static func gitleaksIgnore(besideBaseline base: String) -> GitleaksIgnore? {
    let file = PathName.join(PathName.parent(of: base), GitleaksIgnore.fileName)
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    return GitleaksIgnore(text: String(decoding: data, as: UTF8.self), file: GitleaksIgnore.fileName)
  }

  /// Adds `<baseline> merge=union` to the work tree's `.gitattributes` when missing.
  static func ensureUnionMerge(for file: String) throws -> String? {
    let directory = PathName.parent(of: file)
    guard let tree = Git(directory: directory.isEmpty ? "." : directory).workTree(),
      let resolved = realpath(directory.isEmpty ? "." : directory, nil)
    else { return nil }
    defer { free(resolved) }
    let relativeDirectory = String(String(cString: resolved).dropFirst(tree.root.count)).drop { $0 == "/" }
    let name =
      (relativeDirectory.isEmpty ? "" : relativeDirectory + "/")
      + (file.split(separator: "/").last.map(String.init) ?? file)
    let attributes = PathName.join(tree.root, ".gitattributes")
    let current = FileManager.default.contents(atPath: attributes).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let line = "/\(name) merge=union"
    guard !current.split(separator: "\n").contains(where: { $0.hasPrefix("/\(name) ") || $0.hasPrefix("\(name) ") })
    else { return nil }
    let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
    try AtomicFile.write(Array((current + separator + line + "\n").utf8), to: attributes, mode: 0o644)
    return "added '\(line)' to .gitattributes, so that branches adding baseline entries merge cleanly"
  }
}
