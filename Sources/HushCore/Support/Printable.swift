/// Text from outside (paths, author names, commit subjects) made safe to print: control
/// characters shown escaped, so a name cannot move the cursor or hide a line.
public enum Printable {
  /// `text` as it can be shown on one line of a terminal or a report.
  public static func text(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
    return String(JSONWriter.quoted(text).dropFirst().dropLast())
  }
}
