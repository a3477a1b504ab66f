/// "Did you mean …?" for mistyped commands and options.
public enum Suggestion {
  /// The candidate closest to `word`, when it is close enough to be a typo of it: at most two
  /// edits (a swap of neighbours counts as one), and fewer than a third of the word's letters.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { (candidate: $0, distance: distance(Array(word), Array($0))) }
    guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
    let limit = min(2, max(1, word.count / 3))
    return best.distance <= limit ? best.candidate : nil
  }

  /// The message for a first argument that names no command and no existing file (`hush
  /// histroy`), or nil when it is not such a typo: then it is a path to scan, as always.
  public static func unknownCommand(_ word: String, commands: [String]) -> String? {
    guard !word.hasPrefix("-"), !word.contains("/"), !commands.contains(word), access(word, F_OK) != 0,
      let match = closest(to: word, among: commands)
    else { return nil }
    return "unknown command '\(word)': did you mean '\(match)'?"
  }

  /// "did you mean '--format'?" for an option the parser rejected, given the option names that
  /// the command's help lists.
  public static func option(in message: String, help: String) -> String? {
    guard let unknown = quotedOption(in: message) else { return nil }
    let known = optionNames(in: help)
    guard !known.contains(unknown), let match = closest(to: unknown, among: known) else { return nil }
    return "did you mean '\(match)'?"
  }

  private static func quotedOption(in message: String) -> String? {
    guard let start = message.firstRange(of: "'--") else { return nil }
    let rest = message[start.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return "--" + rest[..<end].prefix { $0 != "=" && $0 != " " }
  }

  private static func optionNames(in help: String) -> [String] {
    var names: Set<String> = []
    var current = ""
    for character in help + " " {
      if character.isLetter || character.isNumber || character == "-" {
        current.append(character)
        continue
      }
      if current.hasPrefix("--"), current.count > 2 { names.insert(current) }
      current = ""
    }
    return names.sorted()
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
  /// neighbours each cost one.
  static func distance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
