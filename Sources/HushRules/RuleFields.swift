import TOMLKit

/// Reads and validates the fields of one `[[rule]]` table.
struct RuleFields {
  let table: TOMLTable
  let file: String
  let headerLine: Int
  let lines: SourceLines
  let requireExamples: Bool

  static let known: Set<String> = [
    "id", "description", "provider", "severity", "keywords", "regex", "secret-group",
    "min-entropy", "validate", "multiline", "scored", "reference", "rotate", "examples",
    "counter-examples", "paths",
  ]

  func rule() throws(RuleError) -> Rule {
    for key in table.keys.sorted() where !Self.known.contains(key) {
      throw .unknownField(key, file: file, line: line(of: key))
    }
    let id = try string("id")
    guard id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil else {
      throw .invalidValue("id", reason: "'\(id)' is not kebab-case", file: file, line: line(of: "id"))
    }
    let severityName = try string("severity")
    guard let severity = Severity(rawValue: severityName) else {
      throw invalid("severity", "'\(severityName)' is not one of critical, high, medium, low")
    }
    let examples = try markedExamples()
    return Rule(
      id: id, description: try string("description"), provider: try string("provider"),
      severity: severity, keywords: try keywords(), regex: try regex(),
      secretGroup: try secretGroup(), minEntropy: try minEntropy(), validator: try validator(),
      isMultiline: try optionalBool("multiline") ?? false, isScored: try optionalBool("scored") ?? false,
      reference: try optionalString("reference"), rotate: try string("rotate"),
      examples: examples.map(\.text), exampleSecrets: examples.map(\.secrets),
      counterExamples: try counterExamples(),
      paths: try optionalStrings("paths") ?? [], location: "\(file):\(headerLine)")
  }

  private func keywords() throws(RuleError) -> [String] {
    let keywords = try optionalStrings("keywords") ?? []
    guard !keywords.isEmpty else { throw missing("keywords") }
    for keyword in keywords {
      guard keyword == keyword.lowercased() else {
        throw invalid("keywords", "'\(keyword)' must be lower-case")
      }
      guard keyword.utf8.count >= 3 else {
        throw invalid("keywords", "'\(keyword)' is shorter than 3 bytes and would slow every scan")
      }
    }
    return keywords
  }

  private func secretGroup() throws(RuleError) -> Int {
    guard table.contains(key: "secret-group") else { return 1 }
    guard let group = table["secret-group"]?.int else {
      throw .wrongType("secret-group", expected: "an integer", file: file, line: line(of: "secret-group"))
    }
    guard group >= 0 else { throw invalid("secret-group", "must be 0 or more") }
    return group
  }

  private func minEntropy() throws(RuleError) -> Double? {
    guard let value = table["min-entropy"] else { return nil }
    guard let entropy = value.double ?? value.int.map(Double.init) else {
      throw .wrongType("min-entropy", expected: "a number", file: file, line: line(of: "min-entropy"))
    }
    guard (0...8).contains(entropy) else { throw invalid("min-entropy", "must be between 0 and 8") }
    return entropy
  }

  private func validator() throws(RuleError) -> Validator? {
    guard let name = try optionalString("validate") else { return nil }
    guard let validator = Validator(rawValue: name) else {
      let known = Validator.allCases.map(\.rawValue).joined(separator: ", ")
      throw invalid("validate", "'\(name)' is not one of \(known)")
    }
    return validator
  }

  /// The regex with its `{{fragments}}` expanded.
  private func regex() throws(RuleError) -> String {
    let written = try string("regex")
    do {
      return try RuleFragments.expand(written)
    } catch {
      let known = RuleFragments.all.keys.sorted().joined(separator: ", ")
      // The fragment's own line, which may be below the key in a multi-line regex.
      let line = lines.line(containing: "{{\(error.name)}}", after: line(of: "regex"))
      throw .invalidValue(
        "regex", reason: "unknown fragment '{{\(error.name)}}' (known: \(known))", file: file, line: line)
    }
  }

  private func markedExamples() throws(RuleError) -> [MarkedExample] {
    var marked: [MarkedExample] = []
    for (index, written) in try examples("examples").enumerated() {
      do {
        marked.append(try MarkedExample(written))
      } catch {
        throw invalid("examples", "example \(index + 1): \(error)")
      }
    }
    return marked
  }

  /// Counter-examples report nothing, so a marker in one is a mistake.
  private func counterExamples() throws(RuleError) -> [String] {
    let texts = try examples("counter-examples")
    for (index, text) in texts.enumerated()
    where text.contains(MarkedExample.open) || text.contains(MarkedExample.close) {
      throw invalid("counter-examples", "counter-example \(index + 1) marks a secret; only examples do")
    }
    return texts
  }

  private func examples(_ key: String) throws(RuleError) -> [String] {
    let values = try optionalStrings(key) ?? []
    if requireExamples && values.isEmpty { throw missing(key) }
    return values
  }

  private func string(_ key: String) throws(RuleError) -> String {
    guard let value = try optionalString(key) else { throw missing(key) }
    guard !value.isEmpty else { throw invalid(key, "must not be empty") }
    return value
  }

  private func optionalString(_ key: String) throws(RuleError) -> String? {
    guard let value = table[key] else { return nil }
    guard let string = value.string else {
      throw .wrongType(key, expected: "a string", file: file, line: line(of: key))
    }
    return string
  }

  private func optionalBool(_ key: String) throws(RuleError) -> Bool? {
    guard let value = table[key] else { return nil }
    guard let bool = value.bool else {
      throw .wrongType(key, expected: "true or false", file: file, line: line(of: key))
    }
    return bool
  }

  private func optionalStrings(_ key: String) throws(RuleError) -> [String]? {
    guard let value = table[key] else { return nil }
    guard let array = value.array else {
      throw .wrongType(key, expected: "an array of strings", file: file, line: line(of: key))
    }
    var strings: [String] = []
    for element in array {
      guard let string = element.string else {
        throw .wrongType(key, expected: "an array of strings", file: file, line: line(of: key))
      }
      strings.append(string)
    }
    return strings
  }

  private func line(of key: String) -> Int { lines.line(ofKey: key, after: headerLine) }
  private func missing(_ key: String) -> RuleError {
    .missingField(key, file: file, line: headerLine)
  }
  private func invalid(_ key: String, _ reason: String) -> RuleError {
    .invalidValue(key, reason: reason, file: file, line: line(of: key))
  }
}
