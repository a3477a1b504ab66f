/// Text for command lines that Hush prints for the user to run.
public enum Shell {
  /// `text` as one shell word: bare when it is plainly safe, else single-quoted.
  public static func quoted(_ text: String) -> String {
    // Only ASCII letters and digits stay bare: quoting a word that needs none is harmless.
    let safe = text.unicodeScalars.allSatisfy {
      ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)
    }
    return safe && !text.isEmpty ? text : "'" + text.replacing("'", with: "'\\''") + "'"
  }
}
