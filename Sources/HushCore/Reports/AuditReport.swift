/// Reports of `hush audit`.
public enum AuditReport {
  static func text(_ result: AuditResult, options: ReportOptions) -> String {
    var lines: [String] = []
    for problem in result.problems {
      let path = Printable.text(problem.path)
      switch problem.kind {
      case .tracked:
        lines.append(
          "tracked: \(path) (\(problem.pattern.description)) is committed. Fix: git rm --cached \(Shell.quoted(problem.path)), add `\(problem.pattern.line)` to .gitignore, rotate what it holds; hush history shows since when it leaked."
        )
      case .notIgnored:
        lines.append(
          "not ignored: \(path) (\(problem.pattern.description)) would be committed by git add. Fix: add `\(problem.pattern.line)` to .gitignore."
        )
      case .personalOnly:
        lines.append(
          "protected for you, not for your teammates: \(path) is ignored only by \(problem.source ?? "?"). Fix: add `\(problem.pattern.line)` to the shared .gitignore."
        )
      }
    }
    if !result.missingLines.isEmpty && result.addedLines.isEmpty {
      lines.append(
        "missing in .gitignore: " + result.missingLines.map { "`\($0)`" }.joined(separator: ", ")
          + " (hush audit --fix adds them)")
    }
    for finding in result.findings {
      lines.append(
        "literal secret: \(Printable.text(finding.path)):\(finding.line):\(finding.column) \(options.secret(of: finding)) in an agent config. Fix: \(finding.rule.rotate)"
      )
    }
    if !result.addedLines.isEmpty {
      lines.append("added to .gitignore: " + result.addedLines.joined(separator: ", "))
    }
    return lines.map { $0 + "\n" }.joined()
  }

  static func json(_ result: AuditResult, options: ReportOptions) -> String {
    let q = JSONWriter.quoted
    let problems = result.problems.map { JSONWriter.object(members(of: $0), indent: "    ") }
    return JSONWriter.object([
      ("problems", JSONWriter.array(problems, indent: "  ")),
      ("missingLines", "[" + result.missingLines.map(q).joined(separator: ", ") + "]"),
      (
        "findings",
        JSONWriter.array(result.findings.map { JSONReport.finding(for: $0, options: options) }, indent: "  ")
      ),
      ("addedLines", "[" + result.addedLines.map(q).joined(separator: ", ") + "]"),
      ("needsFixing", String(result.needsFixing)),
    ]) + "\n"
  }

  /// One JSON object per problem, then one per literal-secret finding, one a line.
  static func jsonLines(_ result: AuditResult, options: ReportOptions) -> String {
    result.problems.map { JSONWriter.compact([("type", "\"problem\"")] + members(of: $0)) + "\n" }.joined()
      + JSONReport.lines(result.findings, options: options)
  }

  /// SARIF: each problem a result on its file, under one rule per kind, beside the findings.
  static func sarif(_ result: AuditResult, options: ReportOptions, version: String) -> String {
    let kinds = [AuditResult.Problem.Kind.tracked, .notIgnored, .personalOnly].filter { kind in
      result.problems.contains { $0.kind == kind }
    }
    let rules = kinds.map { kind in
      JSONWriter.object(
        [
          ("id", JSONWriter.quoted(ruleID(kind))), ("name", JSONWriter.quoted(ruleID(kind))),
          ("shortDescription", JSONWriter.compact([("text", JSONWriter.quoted(summary(kind)))])),
          ("defaultConfiguration", JSONWriter.compact([("level", kind == .tracked ? "\"error\"" : "\"warning\"")])),
        ], indent: "            ")
    }
    // SARIF lists the findings' distinct rules first.
    let offset = Set(result.findings.map(\.rule.id)).count
    let results = result.problems.map { problem in
      sarifResult(problem, index: offset + (kinds.firstIndex(of: problem.kind) ?? 0))
    }
    return SARIFReport.render(
      result.findings, options: options, version: version, extraRules: rules, extraResults: results)
  }

  private static func sarifResult(_ problem: AuditResult.Problem, index: Int) -> String {
    let q = JSONWriter.quoted
    let location =
      "{ \"physicalLocation\": { \"artifactLocation\": { \"uri\": \(q(SARIFReport.uri(problem.path))), \"uriBaseId\": \"%SRCROOT%\" } } }"
    var fix = "add `\(problem.pattern.line)` to the shared .gitignore"
    if problem.kind == .tracked { fix = "git rm --cached \(Shell.quoted(problem.path)), then " + fix }
    let text = "\(summary(problem.kind)): \(problem.path) (\(problem.pattern.description)). Fix: \(fix)."
    return JSONWriter.object(
      [
        ("ruleId", q(ruleID(problem.kind))), ("ruleIndex", String(index)),
        ("level", q(problem.kind == .tracked ? "error" : "warning")),
        ("message", JSONWriter.compact([("text", q(text))])), ("locations", "[\(location)]"),
      ], indent: "        ")
  }

  private static func ruleID(_ kind: AuditResult.Problem.Kind) -> String {
    switch kind {
    case .tracked: "hush-audit-tracked"
    case .notIgnored: "hush-audit-not-ignored"
    case .personalOnly: "hush-audit-personal-only"
    }
  }

  private static func summary(_ kind: AuditResult.Problem.Kind) -> String {
    switch kind {
    case .tracked: "Sensitive file committed"
    case .notIgnored: "Sensitive file not ignored"
    case .personalOnly: "Sensitive file ignored only by a personal excludes file"
    }
  }

  /// A problem's members, shared by the JSON and JSONL reports.
  private static func members(of problem: AuditResult.Problem) -> [(String, String)] {
    let q = JSONWriter.quoted
    var members = [
      ("kind", q(problem.kind.rawValue)), ("path", q(problem.path)), ("pattern", q(problem.pattern.line)),
      ("description", q(problem.pattern.description)),
    ]
    if let source = problem.source { members.append(("ignoredBy", q(source))) }
    if problem.kind == .tracked { members.append(("fix", q("git rm --cached " + Shell.quoted(problem.path)))) }
    return members
  }
}
