import TOMLKit

/// A `.hush.toml` that cannot be used; the message starts with `file:line:`.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
  case syntax(String, file: String, line: Int, column: Int)
  case unknownKey(String, file: String, line: Int)
  case wrongType(String, expected: String, file: String, line: Int)
  case unreadable(String, reason: String)

  public var description: String {
    switch self {
    case .syntax(let message, let file, let line, let column):
      "\(file):\(line):\(column): invalid TOML: \(message)"
    case .unknownKey(let key, let file, let line):
      "\(file):\(line): unknown key '\(key)'"
    case .wrongType(let key, let expected, let file, let line):
      "\(file):\(line): '\(key)' must be \(expected)"
    case .unreadable(let file, let reason):
      "\(file): cannot read config: \(reason)"
    }
  }
}

/// Team settings from `.hush.toml`. This version knows the path allowlist and the audit's
/// extra patterns; every other key is rejected so that a config never silently does nothing.
public struct HushConfig: Sendable, Equatable {
  /// Globs of repository-relative paths never scanned (e.g. `patterns/*` for rule fixtures).
  public var allowlistedPaths: [String] = []
  /// More `.gitignore` lines `hush audit` requires (`[audit] sensitive = [...]`).
  public var auditPatterns: [String] = []

  public init(allowlistedPaths: [String] = [], auditPatterns: [String] = []) {
    self.allowlistedPaths = allowlistedPaths
    self.auditPatterns = auditPatterns
  }

  /// Whether `relativePath` is excluded from scanning.
  public func isAllowlisted(_ relativePath: String) -> Bool {
    Glob.matchesAny(allowlistedPaths, path: relativePath)
  }

  /// Hush's own config and baseline are never scanned: a baseline is full of keyed hashes,
  /// and must never report itself.
  public static func isOwnFile(_ relativePath: String) -> Bool {
    Glob.matchesAny([".hush.toml", Baseline.defaultName], path: relativePath)
  }

  public static func parse(_ text: String, file: String) throws(ConfigError) -> HushConfig {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw .syntax(
        error.description, file: file, line: error.source.begin.line, column: error.source.begin.column)
    } catch {
      throw .syntax("\(error)", file: file, line: 1, column: 1)
    }
    let lines = SourceLines(text: text)
    let sections = ["allowlist": ["paths"], "audit": ["sensitive"]]
    for key in table.keys.sorted() where sections[key] == nil {
      throw .unknownKey(key, file: file, line: lines.line(ofKey: key, after: 0))
    }
    var config = HushConfig()
    config.allowlistedPaths = try stringArray(table, "allowlist", "paths", lines: lines, file: file)
    config.auditPatterns = try stringArray(table, "audit", "sensitive", lines: lines, file: file)
    for (name, keys) in sections {
      guard let section = table[name]?.table else { continue }
      for key in section.keys.sorted() where !keys.contains(key) {
        throw .unknownKey("\(name).\(key)", file: file, line: lines.line(ofKey: key, after: lines.line(ofSection: name)))
      }
    }
    return config
  }

  /// `[section] key = ["...", ...]`, or empty when absent; wrong types name their line.
  private static func stringArray(
    _ table: TOMLTable, _ section: String, _ key: String, lines: SourceLines, file: String
  ) throws(ConfigError) -> [String] {
    guard let value = table[section] else { return [] }
    let sectionLine = lines.line(ofSection: section)
    guard let sectionTable = value.table else {
      throw .wrongType(section, expected: "a table ([\(section)])", file: file, line: sectionLine)
    }
    guard let entry = sectionTable[key] else { return [] }
    let line = lines.line(ofKey: key, after: sectionLine)
    guard let array = entry.array else {
      throw .wrongType("\(section).\(key)", expected: "an array of strings", file: file, line: line)
    }
    var strings: [String] = []
    for element in array {
      guard let string = element.string else {
        throw .wrongType("\(section).\(key)", expected: "an array of strings", file: file, line: line)
      }
      strings.append(string)
    }
    return strings
  }
}

extension SourceLines {
  /// The 1-based line of `[name]`, or 0 when absent.
  func line(ofSection name: String) -> Int {
    for (index, line) in lines.enumerated()
    where line.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix("[\(name)]") {
      return index + 1
    }
    return 0
  }
}
