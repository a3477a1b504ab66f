/// A rule file or rule that cannot be used; the message starts with `file:line:`.
public enum RuleError: Error, Equatable, CustomStringConvertible {
  case syntax(String, file: String, line: Int, column: Int)
  case missingField(String, file: String, line: Int)
  case unknownField(String, file: String, line: Int)
  case wrongType(String, expected: String, file: String, line: Int)
  case invalidValue(String, reason: String, file: String, line: Int)
  case duplicateID(String, file: String, line: Int, firstSeen: String)

  /// The message, starting with `file:line:`.
  public var description: String {
    switch self {
    case .syntax(let message, let file, let line, let column):
      "\(file):\(line):\(column): invalid TOML: \(message)"
    case .missingField(let field, let file, let line):
      "\(file):\(line): rule is missing required field '\(field)'"
    case .unknownField(let field, let file, let line):
      "\(file):\(line): unknown field '\(field)' in rule"
    case .wrongType(let field, let expected, let file, let line):
      "\(file):\(line): field '\(field)' must be \(expected)"
    case .invalidValue(let field, let reason, let file, let line):
      "\(file):\(line): invalid '\(field)': \(reason)"
    case .duplicateID(let id, let file, let line, let first):
      "\(file):\(line): rule id '\(id)' is already defined (\(first))"
    }
  }
}
