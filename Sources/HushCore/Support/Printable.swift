/// Text from outside (paths, author names, commit subjects) made safe to print: control
/// characters shown escaped, so a name cannot move the cursor, hide a line or reorder what
/// follows it; bytes of a file name that are not UTF-8 shown as `\xE9`.
public enum Printable {
  /// `text` as it can be shown on one line of a terminal or a report.
  public static func text(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if let byte = PathBytes.rawByte(scalar) {
        out += "\\x" + hex(UInt32(byte))
      } else if needsEscape(scalar) {
        out += escaped(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether a scalar is a control character: C0, DEL, C1 (a terminal may read U+009B as
  /// CSI), line and paragraph separators, and the bidirectional overrides and isolates
  /// that reorder what a terminal shows; or a raw byte of a file name.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: true
    default: PathBytes.isEscape(scalar)
    }
  }

  /// Two uppercase hex digits.
  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count < 2 ? "0" + digits : digits
  }

  private static func escaped(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    default:
      let digits = String(scalar.value, radix: 16)
      return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
  }
}
