import Foundation

/// Figures read straight from the repository's files, so that tests compare the code's
/// figures with ones derived without it.
enum SourceTree {
  /// The package root, from this file's path (Tests/HushCoreTests/Helpers/).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The text of every `patterns/*.toml`.
  static func patternFiles() throws -> [String] {
    let directory = root.appendingPathComponent("patterns")
    return try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".toml") }
      .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
  }

  /// How many `[[rule]]` tables the rule files hold.
  static func ruleTableCount() throws -> Int {
    try patternFiles().flatMap { $0.split(separator: "\n") }.filter {
      $0.trimmingCharacters(in: .whitespaces) == "[[rule]]"
    }
    .count
  }

  /// The distinct `provider = "..."` values of the rule files.
  static func providers() throws -> Set<String> {
    var found = Set<String>()
    for line in try patternFiles().flatMap({ $0.split(separator: "\n") }) {
      let fields = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 2, fields[0] == "provider" else { continue }
      found.insert(fields[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")))
    }
    return found
  }

  /// How many regular files a directory holds, at any depth.
  static func fileCount(under directory: URL) -> Int {
    let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    var count = 0
    while let url = walker?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { count += 1 }
    }
    return count
  }
}
