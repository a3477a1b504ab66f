import Foundation

/// Text for command lines that Hush prints for the user to run.
public enum Shell {
  /// `text` as one shell word: bare when it is plainly safe, else single-quoted.
  public static func quoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_./".unicodeScalars.contains($0)
    }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
