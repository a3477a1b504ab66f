/// An input that cannot be scanned at all (as opposed to one file skipped during a scan).
public enum InputError: HushError, Equatable {
  case noSuchPath(String)
  case unreadable(String, reason: String)
  case invalidSize(String)
  case malformedPushLine(String)

  /// The message, naming the input.
  public var description: String {
    switch self {
    case .noSuchPath(let path): "\(path): no such file or directory"
    case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
    case .malformedPushLine(let line):
      "pre-push: expected '<local ref> <local id> <remote ref> <remote id>' lines on stdin (as git gives its pre-push hook), got '\(line)'"
    case .invalidSize(let text):
      "invalid size '\(text)': use bytes or a unit, e.g. 10MiB, 512K, 1048576"
    }
  }
}

/// Parses sizes such as `10MiB`, `10M`, `512k`, `1048576`.
public enum ByteSize {
  static func parse(_ text: String) throws(InputError) -> Int {
    let trimmed = text.trimmingPrefix(while: \.isWhitespace).lowercased()
    let digits = trimmed.prefix(while: \.isNumber)
    let unit = trimmed.dropFirst(digits.count).filter { !$0.isWhitespace }
    let multipliers: [String: Int] = [
      "": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
      "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
    ]
    guard let value = Int(digits), let multiplier = multipliers[String(unit)], value > 0,
      value <= Int.max / multiplier
    else { throw .invalidSize(text) }
    return value * multiplier
  }
}
