import ArgumentParser
import Foundation
import HushCore

struct BaselineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baseline",
    abstract: "Record today's findings as known, so that later scans report only new ones.",
    discussion: """
      Scans PATH like hush scan and writes each finding's rule, path and a keyed fingerprint \
      of its secret (never the secret) to the baseline, by default .hush-baseline.json at the \
      repository root, which scan, staged, history and pre-push then read. --update rescans \
      and rewrites it with the same salt, dropping entries that no longer occur. The \
      repository's .gitattributes gets '.hush-baseline.json merge=union' so that branches \
      that each add entries merge cleanly.
      """)

  @Argument(help: "What to scan (default: the current directory).")
  var path = "."

  @Option(name: .shortAndLong, help: ArgumentHelp("Baseline file to write.", valueName: "file"))
  var output: String?

  @Flag(help: "Refresh an existing baseline, keeping its salt.")
  var update = false

  @Option(help: ArgumentHelp("Skip files larger than this (bytes, or with K, M, G units).", valueName: "size"))
  var maxFileSize: String?

  @Option(help: ArgumentHelp("Config file (default: .hush.toml at the repository root).", valueName: "file"))
  var config: String?

  func run() throws {
    guard let file = output ?? BaselineFile.defaultPath(near: path) else {
      throw ValidationError("outside a repository, name the baseline file with --output")
    }
    let existing = FileManager.default.contents(atPath: file)
    if existing != nil && !update { throw BaselineError.exists(file) }
    let salt = try existing.map { try Baseline.parse($0, file: file).salt }
    let scanner = try ScannerSetup(maxFileSize: maxFileSize, config: config).scanner(near: path)
    let lister = TargetLister(includeIgnored: false) { _ in }
    let result = try scanner.scan(try lister.targets(for: [path]))
    let baseline = Baseline(findings: result.findings, salt: salt)
    try AtomicFile.write(Array(baseline.render().utf8), to: file, mode: 0o644)
    Terminal.error(
      "hush: \(update ? "updated" : "wrote") \(file): \(baseline.entries.count) known finding\(baseline.entries.count == 1 ? "" : "s")"
    )
    if let note = try BaselineFile.ensureUnionMerge(for: file) { Terminal.error("hush: \(note)") }
  }
}

/// Where the default baseline lives, and the merge attribute that keeps it merge-friendly.
enum BaselineFile {
  /// `.hush-baseline.json` at the root of the work tree holding `path`.
  static func defaultPath(near path: String) -> String? {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    let directory = exists && isDirectory.boolValue ? path : PathName.parent(of: path)
    guard let tree = Git(directory: directory.isEmpty ? "." : directory).workTree() else { return nil }
    return PathName.join(tree.root, Baseline.defaultName)
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
