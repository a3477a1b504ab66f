/// Reports of `hush history`: attributed findings, then the remediation plan.
public enum HistoryReport {
  /// `{"findings": [...], "remediation": {...}, "summary": {...}}`.
  public static func json(_ result: HistoryResult, remediation: Remediation, options: ReportOptions) -> String {
    let q = JSONWriter.quoted
    let findings = result.scan.findings.map { JSONReport.finding(for: $0, options: options) }
    let secrets = remediation.secrets.map { secret in
      JSONWriter.object(
        [
          ("rule", q(secret.rule.id)),
          ("severity", q(secret.rule.severity.rawValue)),
          ("secret", q(secret.redacted)),
          ("fingerprint", q(secret.fingerprint)),
          ("firstCommit", q(secret.firstCommit.id)),
          ("author", q(secret.firstCommit.author)),
          ("email", q(secret.firstCommit.email)),
          ("date", q(date(secret.firstCommit.time))),
          ("exposedDays", String(secret.exposedDays)),
          ("paths", "[" + secret.paths.map(q).joined(separator: ", ") + "]"),
          ("occurrences", String(secret.occurrences)),
          ("inHead", String(secret.isInHead)),
          ("removedCommit", secret.removal.map { q($0.id) } ?? "null"),
          ("removedDate", secret.removal.map { q(date($0.time)) } ?? "null"),
          ("rotate", q(secret.rule.rotate)),
          ("purge", q(secret.isWholeFile ? "invert-paths" : "replace-text")),
        ], indent: "      ")
    }
    let plan = JSONWriter.object(
      [
        ("secrets", JSONWriter.array(secrets, indent: "    ")),
        ("purge", JSONWriter.array(remediation.purgeSteps.map(q), indent: "    ")),
        ("warning", q(Remediation.warning)),
      ], indent: "  ")
    var summary = JSONReport.summaryMembers(result.scan.summary)
    summary.insert(contentsOf: [("commits", String(result.commits)), ("blobs", String(result.blobs))], at: 1)
    summary.append(("shallow", String(result.isShallow)))
    return JSONWriter.object([
      ("findings", JSONWriter.array(findings, indent: "  ")),
      ("remediation", plan),
      ("summary", JSONWriter.object(summary, indent: "  ")),
    ]) + "\n"
  }

  /// Findings as `scan` prints them, each with its commit, then the plan.
  public static func text(_ result: HistoryResult, remediation: Remediation, options: ReportOptions) -> String {
    // The plan says how to rotate each secret: the findings above it do not say it again.
    var text = TextReport.render(result.scan, options: options, withFixes: remediation.secrets.isEmpty)
    guard !remediation.secrets.isEmpty else { return text }
    text += "\n"
    let count = remediation.secrets.count
    text += "Remediation plan: \(count) secret\(count == 1 ? "" : "s") to rotate, then purge\n\n"
    // Secrets of one provider share its rotation steps: said once, above them.
    var number = 0
    for (rule, secrets) in groupedByRule(remediation.secrets) {
      text += "rotate \(rule.id): \(rule.rotate)\n"
      for secret in secrets {
        number += 1
        text += planEntry(secret, number: number)
      }
      text += "\n"
    }
    text += "Purge (only after rotating):\n"
    text += remediation.purgeSteps.map { "   \($0)\n" }.joined()
    text += "\n\(Remediation.warning)\n"
    return text
  }

  /// The plan's secrets by rule, rules in the order of their first secret.
  static func groupedByRule(_ secrets: [LeakedSecret]) -> [(rule: Rule, secrets: [LeakedSecret])] {
    var groups: [(rule: Rule, secrets: [LeakedSecret])] = []
    var index: [String: Int] = [:]
    for secret in secrets {
      if let at = index[secret.rule.id] {
        groups[at].secrets.append(secret)
      } else {
        index[secret.rule.id] = groups.count
        groups.append((secret.rule, [secret]))
      }
    }
    return groups
  }

  /// `  1. sk_l********: exposed 30 days, since … by …` and where it is.
  static func planEntry(_ secret: LeakedSecret, number: Int) -> String {
    let commit = secret.firstCommit
    let shown = secret.isWholeFile ? "whole file" : secret.redacted
    let occurrences = "\(secret.occurrences) occurrence\(secret.occurrences == 1 ? "" : "s")"
    return """
        \(number). \(shown): exposed \(secret.exposedDays) days, since \(commit.id.prefix(12)) on \(date(commit.time)) by \(Printable.text(commit.author)) <\(Printable.text(commit.email))>
           where: \(secret.paths.map(Printable.text).joined(separator: ", ")) (\(occurrences)); \(secret.isInHead ? "still in HEAD" : "not in HEAD")

      """
  }

  /// One line for stderr.
  public static func summaryLine(_ result: HistoryResult) -> String {
    let line = TextReport.summaryLine(result.scan.summary)
    let shape =
      "\(result.commits) commit\(result.commits == 1 ? "" : "s"), \(result.blobs) unique blob\(result.blobs == 1 ? "" : "s")"
    return line.replacing("(scanned ", with: "(\(shape); scanned ")
  }

  /// ISO 8601 in UTC, e.g. `2024-05-01T12:00:00Z`.
  static func date(_ seconds: Int) -> String {
    Date(timeIntervalSince1970: TimeInterval(seconds)).ISO8601Format()
  }
}

extension TextReport {
  static func originLines(_ origin: Origin) -> String {
    let commit = origin.commit
    let carried =
      origin.laterCommits == 0
      ? "" : "; \(origin.laterCommits) later commit\(origin.laterCommits == 1 ? " carries" : "s carry") it"
    return
      "commit: \(commit.id.prefix(12)) \(HistoryReport.date(commit.time)) \(Printable.text(commit.author)) <\(Printable.text(commit.email))>: \(Printable.text(commit.subject))\n"
      + "    \(origin.isInHead ? "still in HEAD" : "not in HEAD")\(carried)\n"
  }
}
