/// SARIF 2.1.0, for code-scanning upload (GitHub, GitLab, Azure DevOps).
public enum SARIFReport {
  static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  /// The findings as results; `extraRules`/`extraResults` add results that are not findings
  /// (an audit's problems), whose rule indices follow those of the findings' distinct rules.
  static func render(
    _ findings: [Finding], options: ReportOptions, version: String, extraRules: [String] = [],
    extraResults: [String] = []
  ) -> String {
    let q = JSONWriter.quoted
    var ruleIndex: [String: Int] = [:]
    var rules: [Rule] = []
    for finding in findings where ruleIndex[finding.rule.id] == nil {
      ruleIndex[finding.rule.id] = rules.count
      rules.append(finding.rule)
    }
    let driver = JSONWriter.object(
      [
        ("name", q("hush")),
        ("version", q(version)),
        ("semanticVersion", q(version)),
        (
          "rules",
          JSONWriter.array(rules.map { descriptor($0, indent: "            ") } + extraRules, indent: "          ")
        ),
      ], indent: "        ")
    let results =
      findings.map { finding in
        result(finding, index: ruleIndex[finding.rule.id] ?? 0, options: options, indent: "        ")
      } + extraResults
    let run = JSONWriter.object(
      [
        ("tool", JSONWriter.object([("driver", driver)], indent: "      ")),
        ("columnKind", q("unicodeCodePoints")),
        ("results", JSONWriter.array(results, indent: "      ")),
      ], indent: "    ")
    return JSONWriter.object([
      ("$schema", q(schema)),
      ("version", q("2.1.0")),
      ("runs", JSONWriter.array([run], indent: "  ")),
    ]) + "\n"
  }

  private static func descriptor(_ rule: Rule, indent: String) -> String {
    let q = JSONWriter.quoted
    var properties: [(String, String)] = [
      ("tags", #"["security", "secret", "external/cwe/cwe-798"]"#),
      ("security-severity", q(securitySeverity(rule.severity))),
      ("precision", q(rule.isGeneric ? "medium" : "high")),
    ]
    properties.append(("provider", q(rule.provider)))
    var members: [(String, String)] = [
      ("id", q(rule.id)),
      ("name", q(rule.id)),
      ("shortDescription", JSONWriter.compact([("text", q(rule.description))])),
      ("fullDescription", JSONWriter.compact([("text", q(rule.description))])),
      ("help", JSONWriter.compact([("text", q(rule.rotate))])),
    ]
    if let reference = rule.reference { members.append(("helpUri", q(reference))) }
    members += [
      ("defaultConfiguration", JSONWriter.compact([("level", q(level(rule.severity)))])),
      ("properties", JSONWriter.compact(properties)),
    ]
    return JSONWriter.object(members, indent: indent)
  }

  private static func result(_ finding: Finding, index: Int, options: ReportOptions, indent: String) -> String {
    let q = JSONWriter.quoted
    let region = JSONWriter.compact([
      ("startLine", String(finding.line)), ("startColumn", String(finding.column)),
      ("endLine", String(finding.endLine)),
    ])
    let location =
      "{ \"physicalLocation\": { \"artifactLocation\": { \"uri\": \(q(uri(finding.path))), \"uriBaseId\": \"%SRCROOT%\" }, \"region\": \(region) } }"
    let shown = finding.isWholeFile ? "the whole file" : options.secret(of: finding)
    var members: [(String, String)] = [
      ("ruleId", q(finding.rule.id)),
      ("ruleIndex", String(index)),
      ("level", q(level(finding.rule.severity))),
      // SARIF's rank (0-100): how confident Hush is that the result is real.
      ("rank", String(finding.rank)),
      ("message", JSONWriter.compact([("text", q("\(finding.rule.description): \(shown)"))])),
      ("locations", "[\(location)]"),
      (
        "partialFingerprints",
        JSONWriter.compact([
          (
            "hushSecretAtPath/v2",
            q(options.fingerprinter.fingerprint(rule: finding.rule.id, path: finding.path, secret: finding.identity))
          )
        ])
      ),
    ]
    var properties = [
      ("validated", String(finding.isValidated)), ("confidence", JSONWriter.number(finding.confidence, decimals: 4)),
    ]
    if let origin = finding.origin {
      properties += [
        ("commit", q(origin.commit.id)), ("author", q(origin.commit.author)), ("email", q(origin.commit.email)),
        ("date", q(HistoryReport.date(origin.commit.time))),
      ]
    }
    members.append(("properties", JSONWriter.compact(properties)))
    return JSONWriter.object(members, indent: indent)
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .critical, .high: "error"
    case .medium: "warning"
    case .low: "note"
    }
  }

  /// GitHub code scanning ranks by this 0.0–10.0 score.
  static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .critical: "9.5"
    case .high: "8.0"
    case .medium: "5.5"
    case .low: "3.0"
    }
  }

  /// A relative URI reference: unreserved characters and `/` as they are, the rest
  /// percent-encoded byte by byte (spaces, unicode, `#`, `?`, newlines).
  static func uri(_ path: String) -> String {
    var out = ""
    for byte in PathBytes.bytes(of: path) {
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(UnicodeScalar(byte))
      default:
        out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}
