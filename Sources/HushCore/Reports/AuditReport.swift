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
    let problems = result.problems.map { problem in
      var members = [
        ("kind", q(problem.kind.rawValue)), ("path", q(problem.path)), ("pattern", q(problem.pattern.line)),
        ("description", q(problem.pattern.description)),
      ]
      if let source = problem.source { members.append(("ignoredBy", q(source))) }
      if problem.kind == .tracked {
        members.append(("fix", q("git rm --cached " + Shell.quoted(problem.path))))
      }
      return JSONWriter.object(members, indent: "    ")
    }
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
}
