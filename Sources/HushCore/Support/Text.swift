/// The few string operations Hush took from full Foundation, which FoundationEssentials lacks
/// (full Foundation links ICU's 34 MB of data into the static binary).
extension StringProtocol {
  /// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
  func trimmingBlanks() -> String { trimming { $0 == " " || $0 == "\t" } }

  /// Without leading and trailing line breaks (Foundation's `.newlines`).
  func trimmingNewlines() -> String { trimming(\.isNewline) }

  /// Without leading and trailing whitespace and line breaks.
  func trimmingWhitespace() -> String { trimming(\.isWhitespace) }

  /// Without the leading and trailing characters `isTrimmed` accepts.
  func trimming(_ isTrimmed: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// Padded with spaces on the right to `width` characters (longer strings are cut there).
  func padded(to width: Int) -> String {
    count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
  }
}
