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

/// Team settings from `.hush.toml`. This version knows the path allowlist; every other key is
/// rejected so that a config never silently does nothing.
public struct HushConfig: Sendable, Equatable {
  /// Globs of repository-relative paths never scanned (e.g. `patterns/*` for rule fixtures).
  public var allowlistedPaths: [String] = []

  public init(allowlistedPaths: [String] = []) { self.allowlistedPaths = allowlistedPaths }

  /// Whether `relativePath` is excluded from scanning.
  public func isAllowlisted(_ relativePath: String) -> Bool {
    Glob.matchesAny(allowlistedPaths, path: relativePath)
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
    for key in table.keys.sorted() where key != "allowlist" {
      throw .unknownKey(key, file: file, line: lines.line(ofKey: key, after: 0))
    }
    guard let allowlist = table["allowlist"] else { return HushConfig() }
    let section = lines.line(ofSection: "allowlist")
    guard let allowTable = allowlist.table else {
      throw .wrongType("allowlist", expected: "a table ([allowlist])", file: file, line: section)
    }
    for key in allowTable.keys.sorted() where key != "paths" {
      throw .unknownKey("allowlist.\(key)", file: file, line: lines.line(ofKey: key, after: section))
    }
    var config = HushConfig()
    if let paths = allowTable["paths"] {
      let line = lines.line(ofKey: "paths", after: section)
      guard let array = paths.array else {
        throw .wrongType("allowlist.paths", expected: "an array of glob strings", file: file, line: line)
      }
      for element in array {
        guard let glob = element.string else {
          throw .wrongType("allowlist.paths", expected: "an array of glob strings", file: file, line: line)
        }
        config.allowlistedPaths.append(glob)
      }
    }
    return config
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
