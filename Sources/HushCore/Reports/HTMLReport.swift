/// What a history report says besides its results: which repository, which part of its
/// history, and when (the same `now` the remediation plan counted exposure to).
public struct HistoryScope: Sendable {
  /// The repository's name (its work tree's folder name), never a full local path.
  let repository: String
  let revisions: [String]
  let since: String?
  let now: Int

  /// The scope of one run of `hush history`.
  public init(repository: String, revisions: [String], since: String?, now: Int) {
    self.repository = repository
    self.revisions = revisions
    self.since = since
    self.now = now
  }

  /// The range as the user gave it, e.g. `every ref` or `v1.0..HEAD since 2024-01-01`.
  var range: String {
    let refs = revisions.isEmpty ? "every ref (--all)" : revisions.joined(separator: " ")
    return since.map { "\(refs), commits since \($0)" } ?? refs
  }
}

/// `hush history --format html`: one self-contained page to hand on after a leak: the
/// summary, each secret's timeline, and the remediation checklist. Inline CSS, no script,
/// no external asset (its Content-Security-Policy forbids loading any); every value from the
/// repository is escaped; secrets appear only redacted, as in every other format.
public enum HTMLReport {
  /// The whole page.
  public static func render(
    _ result: HistoryResult, remediation: Remediation, scope: HistoryScope, version: String
  ) -> String {
    let title = "Hush leak report: \(scope.repository)"
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(escaped(title))</title>
      <style>\(style)</style>
      </head>
      <body>
      <header>
      <h1>\(escaped(title))</h1>
      <p class="meta">Made by hush \(escaped(version)) on \(escaped(made(scope.now))). \
      Secrets are redacted: this page holds none of them.</p>
      </header>
      <main>
      \(summary(result, remediation, scope))
      \(timelines(remediation, now: scope.now))
      \(checklist(remediation))
      </main>
      </body>
      </html>

      """
  }

  // MARK: Summary

  static func summary(_ result: HistoryResult, _ remediation: Remediation, _ scope: HistoryScope) -> String {
    let inHead = remediation.secrets.filter(\.isInHead).count
    let facts: [(String, String, String)] = [
      ("repository", "Repository", escaped(scope.repository)),
      ("range", "Range scanned", escaped(scope.range)),
      ("commits", "Commits scanned", String(result.commits)),
      ("blobs", "Unique blobs scanned", String(result.blobs)),
      ("findings", "Findings", String(result.scan.findings.count)),
      ("secrets", "Unique secrets", String(remediation.secrets.count)),
      ("in-head", "Secrets still in HEAD", String(inHead)),
    ]
    let items = facts.map { key, label, value in
      "<dl data-key=\"\(key)\"><dt>\(label)</dt><dd>\(value)</dd></dl>"
    }
    var notes: [String] = []
    if result.isShallow {
      notes.append(
        "<p class=\"note\">A shallow clone: history before its oldest commits was not scanned.</p>")
    }
    if remediation.secrets.isEmpty { notes.append("<p class=\"clean\">No secret found in the scanned history.</p>") }
    return """
      <section id="summary">
      <h2>Summary</h2>
      <div class="facts">
      \(items.joined(separator: "\n"))
      </div>
      \(severityTable(result, remediation))
      \(notes.joined(separator: "\n"))
      </section>
      """
  }

  static func severityTable(_ result: HistoryResult, _ remediation: Remediation) -> String {
    let rows = Severity.allCases.map { severity in
      let findings = result.scan.findings.filter { $0.rule.severity == severity }.count
      let secrets = remediation.secrets.filter { $0.rule.severity == severity }.count
      return
        "<tr data-severity=\"\(severity.rawValue)\"><th scope=\"row\">\(badge(severity))</th><td>\(secrets)</td><td>\(findings)</td></tr>"
    }
    return """
      <table class="severities">
      <caption>By severity</caption>
      <thead><tr><th scope="col">Severity</th><th scope="col">Secrets</th><th scope="col">Findings</th></tr></thead>
      <tbody>
      \(rows.joined(separator: "\n"))
      </tbody>
      </table>
      """
  }

  // MARK: Timelines

  static func timelines(_ remediation: Remediation, now: Int) -> String {
    guard !remediation.secrets.isEmpty else { return "" }
    let articles = remediation.secrets.enumerated().map { timeline(of: $0.element, number: $0.offset + 1, now: now) }
    return """
      <section id="timelines">
      <h2>Timeline of each secret</h2>
      \(articles.joined(separator: "\n"))
      </section>
      """
  }

  static func timeline(of secret: LeakedSecret, number: Int, now: Int) -> String {
    let events = secret.places.enumerated().map { index, place in
      event(place, first: index == 0)
    }
    return """
      <article class="secret" id="secret-\(number)" data-rule="\(escaped(secret.rule.id))" data-severity="\(secret.rule.severity.rawValue)">
      <h3><span class="number">\(number).</span> \(escaped(secret.rule.id)) \(badge(secret.rule.severity)) \
      <code class="redacted">\(escaped(shown(secret)))</code></h3>
      <p class="description">\(escaped(secret.rule.description))</p>
      <ol class="timeline">
      \(events.joined(separator: "\n"))
      \(status(secret))
      \(item("now", at: now, "<strong>\(exposure(secret))</strong>"))
      </ol>
      </article>
      """
  }

  /// One place the secret was added at: who, when, where, and what became of it there.
  static func event(_ place: LeakedSecret.Place, first: Bool) -> String {
    let commit = place.commit
    let what = first ? "Introduced" : "Copied"
    let fate = fate(of: place).map { "<div class=\"fate\">\($0)</div>" } ?? ""
    return item(
      first ? "introduced" : "copy", at: commit.time,
      "<strong>\(what)</strong> at <code class=\"path\">\(escaped(place.path))</code> in \(commitID(commit)) by "
        + "<span class=\"author\">\(escaped(commit.author)) &lt;\(escaped(commit.email))&gt;</span>: "
        + "<q class=\"subject\">\(escaped(commit.subject))</q>\(fate)")
  }

  /// One line of a timeline: its date (none for a state), then what happened.
  static func item(_ kind: String, at time: Int?, _ html: String) -> String {
    let when = time.map { "<time datetime=\"\(HistoryReport.date($0))\">\(day($0))</time>" } ?? ""
    return "<li class=\"event \(kind)\">\(when)<div>\(html)</div></li>"
  }

  /// What became of the secret at a place: later commits, HEAD, removal.
  static func fate(of place: LeakedSecret.Place) -> String? {
    guard let origin = place.fate else { return place.copyInHead.map { $0 ? "still in HEAD" : "not in HEAD" } }
    var parts: [String] = []
    if origin.laterCommits > 0 {
      parts.append("\(origin.laterCommits) later commit\(origin.laterCommits == 1 ? " carries" : "s carry") it")
    }
    parts.append(origin.isInHead ? "still in HEAD" : "not in HEAD")
    return parts.joined(separator: "; ")
  }

  /// Whether HEAD still holds the secret, or when it left.
  static func status(_ secret: LeakedSecret) -> String {
    if secret.isInHead { return item("in-head", at: nil, "<strong>Still in HEAD</strong>: the current tree holds it.") }
    guard let removal = secret.removal, let days = secret.daysUntilRemoved else {
      return item("removed", at: nil, "<strong>Not in HEAD</strong> (removed outside the scanned history).")
    }
    return item(
      "removed", at: removal.time,
      "<strong>Removed from the tree</strong> in \(commitID(removal)) by \(escaped(removal.author)), "
        + "after \(days) day\(days == 1 ? "" : "s"); it is still in the history until purged.")
  }

  static func exposure(_ secret: LeakedSecret) -> String {
    let days = secret.exposedDays
    return "Exposed \(days) day\(days == 1 ? "" : "s") so far (since \(day(secret.firstCommit.time)))"
  }

  // MARK: Checklist

  static func checklist(_ remediation: Remediation) -> String {
    guard !remediation.secrets.isEmpty else { return "" }
    var items: [String] = []
    for (number, secret) in remediation.secrets.enumerated() {
      let name = "\(number + 1). \(escaped(secret.rule.id)) <code>\(escaped(shown(secret)))</code>"
      items.append(
        check(
          "rotate",
          "<strong>Rotate</strong> \(name)\(provider(secret.rule)): \(escaped(secret.rule.rotate))"))
      items.append(
        check(
          "audit",
          "<strong>Audit</strong> the use of \(name) since \(day(secret.firstCommit.time)) (\(secret.exposedDays) days): "
            + "the provider's access logs, billing, and anything it could create or read."))
    }
    let purge = remediation.purgeSteps.map { step in
      step == Remediation.recloneStep
        ? check("reclone", escaped(step)) : check("purge", "<code>\(escaped(step))</code>")
    }
    return """
      <section id="checklist">
      <h2>Remediation checklist</h2>
      <h3>First, for each secret</h3>
      <ul class="checklist">
      \(items.joined(separator: "\n"))
      </ul>
      <h3>Then purge the history (only after rotating)</h3>
      <ul class="checklist">
      \(purge.joined(separator: "\n"))
      </ul>
      <p class="warning">\(escaped(Remediation.warning))</p>
      </section>
      """
  }

  /// ` at stripe`; nothing for the rules of no one provider (generic ones, whole files).
  static func provider(_ rule: Rule) -> String {
    ["generic", "file"].contains(rule.provider) ? "" : " at \(escaped(rule.provider))"
  }

  static func check(_ kind: String, _ html: String) -> String {
    "<li class=\"check \(kind)\"><label><input type=\"checkbox\"> <span>\(html)</span></label></li>"
  }

  // MARK: Pieces

  /// What a report shows of a secret: redacted, or "whole file" for a `.env` and the like.
  static func shown(_ secret: LeakedSecret) -> String { secret.isWholeFile ? "whole file" : secret.redacted }

  static func badge(_ severity: Severity) -> String {
    "<span class=\"badge \(severity.rawValue)\">\(severity.rawValue)</span>"
  }

  static func commitID(_ commit: Commit) -> String {
    "<code class=\"commit\" title=\"\(escaped(commit.id))\">\(escaped(String(commit.id.prefix(12))))</code>"
  }

  /// `2024-05-01 12:00 UTC`.
  static func made(_ seconds: Int) -> String {
    let date = HistoryReport.date(seconds)
    return "\(date.prefix(10)) \(date.dropFirst(11).prefix(5)) UTC"
  }

  /// `2024-05-01`, UTC.
  static func day(_ seconds: Int) -> String { String(HistoryReport.date(seconds).prefix(10)) }

  /// Text from the repository as HTML text or attribute value: control characters and
  /// direction overrides shown escaped (as on a terminal), then `& < > " '` as entities.
  static func escaped(_ text: String) -> String {
    var out = ""
    for character in Printable.text(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  // Light by default, dark when the reader's system is; printing drops the colours.
  static let style = """

    :root { color-scheme: light dark; --bg: #fff; --fg: #1d1f23; --muted: #5b616b; --line: #d8dce2;
      --card: #f6f7f9; --critical: #b3261e; --high: #c2410c; --medium: #a16207; --low: #2563eb; }
    @media (prefers-color-scheme: dark) { :root { --bg: #16181c; --fg: #e6e8eb; --muted: #a0a6b0;
      --line: #30343b; --card: #1f2227; --critical: #f2857d; --high: #f5a065; --medium: #e5c25a; --low: #86a9f7; } }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 2rem 3rem; background: var(--bg); color: var(--fg);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin: 2rem 0 .75rem;
      border-bottom: 1px solid var(--line); padding-bottom: .25rem; } h3 { font-size: 1.05rem; margin: 0 0 .25rem; }
    code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
    .meta, .description, .fate { color: var(--muted); }
    .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; margin: 0; }
    .facts dl { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
    .facts dt { color: var(--muted); font-size: .85rem; } .facts dd { margin: 0; font-size: 1.2rem; font-weight: 600;
      overflow-wrap: anywhere; }
    table { border-collapse: collapse; margin-top: 1rem; } caption { text-align: left; color: var(--muted); }
    th, td { border: 1px solid var(--line); padding: .3rem .9rem; text-align: left; } td { text-align: right; }
    .badge { display: inline-block; border-radius: 4px; padding: 0 .45rem; font-size: .8rem; font-weight: 600;
      color: #fff; vertical-align: middle; text-transform: uppercase; letter-spacing: .03em; }
    .badge.critical { background: var(--critical); } .badge.high { background: var(--high); }
    .badge.medium { background: var(--medium); } .badge.low { background: var(--low); }
    @media (prefers-color-scheme: dark) { .badge { color: #16181c; } }
    .secret { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--muted);
      border-radius: 6px; padding: .9rem 1.1rem; margin: 0 0 1rem; break-inside: avoid; }
    .secret[data-severity=critical] { border-left-color: var(--critical); }
    .secret[data-severity=high] { border-left-color: var(--high); }
    .secret[data-severity=medium] { border-left-color: var(--medium); }
    .secret[data-severity=low] { border-left-color: var(--low); }
    .timeline { list-style: none; margin: .5rem 0 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }
    .timeline li { position: relative; margin: 0 0 .5rem; padding-left: .5rem; display: grid;
      grid-template-columns: 6.5rem 1fr; gap: .5rem; }
    .timeline li::before { content: ""; position: absolute; left: -1.45rem; top: .45rem; width: .7rem; height: .7rem;
      border-radius: 50%; background: var(--muted); border: 2px solid var(--card); }
    .timeline .introduced::before, .timeline .in-head::before { background: var(--critical); }
    .timeline .removed::before { background: var(--low); }
    .timeline li > div:first-child { grid-column: 2; }
    .timeline time { font-variant-numeric: tabular-nums; color: var(--muted); }
    .checklist { list-style: none; padding: 0; } .checklist li { margin: 0 0 .45rem; }
    .checklist label { display: flex; gap: .5rem; align-items: baseline; }
    .warning { border-left: 4px solid var(--high); padding: .5rem .9rem; background: var(--card); }
    .note { color: var(--high); } .clean { font-weight: 600; }
    @media print { :root { --bg: #fff; --fg: #000; --card: #fff; --muted: #444; }
      body { max-width: none; padding: 0; font-size: 11pt; } .secret { border-color: #999; }
      .badge { color: #000 !important; background: none !important; border: 1px solid #000; } }

    """
}
