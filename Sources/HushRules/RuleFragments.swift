/// Named pieces of regex that many rules share, written `{{name}}` in a rule's `regex` and
/// pasted in as-is when the rule is parsed (the built-in catalog at build time, a user's rules
/// when their file is read). A fragment holds no capture group, so `secret-group` counts the
/// same with or without it, and no literal space or `#`, so it reads the same in `(?x)` mode.
/// Pasted text is not wrapped: write `(?:{{name}})` to put a quantifier after one.
public enum RuleFragments {
  /// Every fragment by name.
  public static let all: [String: String] = [
    // The end of a setting's name and its assignment operator, up to the value: a closing
    // quote or bracket (`"key": `, `['key'] = `), then `:=`, `=>`, `=`, `:`, `>` (XML) or
    // `value=` (XML attributes), spaces, and the value's opening quote if any.
    "assign": #"["']?\]?[ \t]*(?::=|=>|=|:|>|value=)[ \t]*["']?"#,
    // The same with at most five spaces on each side of the operator, for rules whose name is
    // loose enough that a long run of spaces would join unrelated words.
    "assign-near": #"["']?\]?[ \t]{0,5}(?::=|=>|=|:|>|value=)[ \t]{0,5}["']?"#,
    // The operator alone, for rules that put their own text around it.
    "assign-op": #"(?::=|=>|=|:|>|value=)"#,
    // What may follow the provider word in a setting's name before the assignment
    // (`_API_KEY_ID`, `.secret-v2`): up to ten name characters, as few as possible.
    "name-tail": #"[\w.-]{0,10}?"#,
    // A token starts here: not preceded by a letter, digit, `_` or `-`.
    "token-start": #"(?<![A-Za-z0-9_-])"#,
    // A token ends here: not followed by a letter, digit, `_` or `-`.
    "token-end": #"(?![A-Za-z0-9_-])"#,
  ]

  /// `regex` with every `{{name}}` replaced by its fragment; throws the first unknown name.
  /// A name is lower-case letters, digits and `-`; `\{{` (an escaped brace) is left alone.
  public static func expand(_ regex: String) throws(UnknownFragment) -> String {
    var output = ""
    var rest = regex[...]
    while let open = rest.firstRange(of: "{{") {
      let isEscaped = open.lowerBound > rest.startIndex && rest[rest.index(before: open.lowerBound)] == "\\"
      let afterOpen = rest[open.upperBound...]
      guard !isEscaped, let close = afterOpen.firstRange(of: "}}"), isName(afterOpen[..<close.lowerBound]) else {
        output += rest[..<open.upperBound]
        rest = afterOpen
        continue
      }
      let name = String(afterOpen[..<close.lowerBound])
      guard let text = all[name] else { throw UnknownFragment(name: name) }
      output += rest[..<open.lowerBound] + text
      rest = afterOpen[close.upperBound...]
    }
    return output + rest
  }

  /// Only names like `assign-near` count: `{{1,3}}` or `{{ x }}` in a regex stay as written.
  private static func isName(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLowercase else { return false }
    return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
  }

  /// A `{{name}}` that names no fragment.
  public struct UnknownFragment: Error, Equatable {
    /// The name as written between the braces.
    public let name: String
  }
}
