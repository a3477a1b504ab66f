import Foundation
import Testing

/// A repository with a leak introduced, copied and removed, a secret still in HEAD, and a
/// `.env` whose name is markup: what `hush history --format html` is for.
struct LeakyRepository {
  let box: Sandbox
  let removedKey: String
  let keptKey: String
  static let hostileName = "<img src=x onerror=alert(1)>.env"

  init(seed: UInt64) throws {
    let fake = Fake(seed: seed)
    box = try Sandbox(git: true)
    removedKey = fake.stripeKey()
    keptKey = fake.stripeKey()
    try box.write("app.py", "x = 1\n")
    try box.commitAll("start", author: "Bob", day: 1)
    try box.write("config.py", "STRIPE_KEY = '\(removedKey)'\n")
    try box.commitAll("add billing", author: "Alice", day: 2)
    try box.write("backup/config.py", "STRIPE_KEY = '\(removedKey)'\n")
    try box.commitAll("back up the config", author: "Bob", day: 5)
    try box.write("config.py", "STRIPE_KEY = os.environ['STRIPE_KEY']\n")
    try FileManager.default.removeItem(at: box.url.appendingPathComponent("backup/config.py"))
    try box.commitAll("read the key from the environment", author: "Carol", day: 9)
    try box.write(Self.hostileName, "DEBUG=1\n")
    try box.write("settings.py", "PAYMENTS = '\(keptKey)'\n")
    try box.commitAll("fix \"quotes\" & <script>alert(2)</script>", author: "Mallory \"Co\" & Sons", day: 12)
  }

  func commit(_ subject: String) throws -> String {
    try box.git(["log", "--format=%H", "--fixed-strings", "--grep", subject]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// `hush history --format html`, run by the real binary on a real repository.
@Suite struct HTMLReportTests {
  static func count(_ needle: String, in page: String) -> Int { page.components(separatedBy: needle).count - 1 }

  @Test func theReportFileHoldsEachSecretsTimelineAndTheChecklistAndNoSecret() throws {
    let repo = try LeakyRepository(seed: 1703)
    let run = try hush(["history", "--format", "html", "-o", "report.html"], in: repo.box.url)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.isEmpty, "the page goes to the file")
    let page = try String(contentsOf: repo.box.url.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(!page.contains(repo.removedKey) && !page.contains(repo.keptKey))
    #expect(Self.count("<article class=\"secret\"", in: page) == 3)
    #expect(page.contains("<dl data-key=\"in-head\"><dt>Secrets still in HEAD</dt><dd>2</dd></dl>"))
    #expect(page.contains("<dt>Repository</dt><dd>\(repo.box.url.lastPathComponent)</dd>"))
    let removed = try #require(page.components(separatedBy: "<article").dropFirst().first)
    let copy = try repo.commit("back up the config")
    let removal = try repo.commit("read the key from the environment")
    #expect(removed.contains("<strong>Introduced</strong> at <code class=\"path\">config.py</code>"))
    #expect(
      removed.contains(
        "<strong>Copied</strong> at <code class=\"path\">backup/config.py</code> in <code class=\"commit\" title=\"\(copy)\">"
      ), "the copy, with the commit that made it")
    #expect(removed.contains("<strong>Removed from the tree</strong> in <code class=\"commit\" title=\"\(removal)\">"))
    #expect(removed.contains("by Carol, after 7 days"))
    #expect(removed.contains("so far (since 2024-01-02)"))
    #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;.env") && !page.contains("<img"))
    #expect(page.contains("Mallory &quot;Co&quot; &amp; Sons") && !page.contains("<script"))
    #expect(page.contains("<code>git filter-repo --sensitive-data-removal --invert-paths --path"))
    #expect(Self.count("<input type=\"checkbox\">", in: page) >= 6, "rotate and audit each secret, then purge")
  }

  @Test func theJSONPlanNamesTheSameRemoval() throws {
    let repo = try LeakyRepository(seed: 1707)
    let run = try hush(["history", "--format", "json"], in: repo.box.url)
    let plan = try #require(try run.json()["remediation"] as? [String: Any])
    let secrets = try #require(plan["secrets"] as? [[String: Any]])
    #expect(secrets.count == 3)
    #expect(secrets.first?["removedCommit"] as? String == (try repo.commit("read the key from the environment")))
    #expect(secrets.first?["removedDate"] as? String == "2024-01-09T12:00:00Z")
    #expect(secrets.dropFirst().allSatisfy { $0["removedCommit"] is NSNull }, "still in HEAD")
  }

  @Test func withoutOutputThePageGoesToStdout() throws {
    let repo = try LeakyRepository(seed: 1704)
    let run = try hush(["history", "--format", "html"], in: repo.box.url)
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("<!DOCTYPE html>") && run.stdout.hasSuffix("</html>\n"))
    #expect(!run.stdout.contains(repo.keptKey))
  }

  @Test func showSecretsAndOtherCommandsRefuseHTML() throws {
    let repo = try LeakyRepository(seed: 1705)
    let shown = try hush(["history", "--format", "html", "--show-secrets"], in: repo.box.url)
    #expect(shown.status == 2 && shown.stdout.isEmpty)
    #expect(shown.stderr.contains("--show-secrets is refused with --format html"))
    for command in ["scan", "staged", "audit"] {
      let run = try hush([command, "--format", "html"], in: repo.box.url)
      #expect(run.status == 2, "\(command)")
      #expect(run.stderr.contains("--format html is for hush history"), "\(command): \(run.stderr)")
    }
    let prePush = try hush(["pre-push", "--format", "html"], in: repo.box.url, input: "")
    #expect(prePush.status == 2)
  }
}

/// Debian's chromium, when installed: the browser test needs it. Under CI, where `make test`
/// installs it, a missing browser fails the test instead of skipping it.
enum Chromium {
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    for name in ["chromium", "chromium-browser"] {
      for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return "\(directory)/\(name)"
      }
    }
    return nil
  }()

  /// CI on a machine where `make test` can install it (apt-get).
  static let isRequired =
    !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get")

  static let isUsable = path != nil || isRequired

  /// Runs headless chromium on `page` with `arguments` (a screenshot, or the DOM on stdout).
  static func run(_ arguments: [String], page: URL, profile: URL) throws -> Run {
    let browser = try #require(path, "chromium is not installed: apt-get install chromium (make test does)")
    return try execute(
      URL(fileURLWithPath: browser),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--window-size=1280,2000",
      ] + arguments + [page.absoluteString], in: profile.deletingLastPathComponent())
  }
}

/// The report as a real browser renders it.
@Suite struct HTMLReportBrowserTests {
  @Test(
    .enabled(
      if: Chromium.isUsable,
      "not run: chromium is not installed (apt-get install chromium; make test installs it, CI requires it)"))
  func chromiumRendersTheSummaryTimelinesAndChecklist() throws {
    let repo = try LeakyRepository(seed: 1706)
    let report = repo.box.url.appendingPathComponent("report.html")
    #expect(try hush(["history", "--format", "html", "-o", report.path], in: repo.box.url).status == 1)
    let profile = repo.box.url.appendingPathComponent("chromium-profile")
    let dom = try Chromium.run(["--dump-dom"], page: report, profile: profile)
    #expect(dom.status == 0, "\(dom.stderr)")
    #expect(dom.stdout.contains("<dl data-key=\"secrets\"><dt>Unique secrets</dt><dd>3</dd></dl>"))
    #expect(dom.stdout.contains("<dl data-key=\"in-head\"><dt>Secrets still in HEAD</dt><dd>2</dd></dl>"))
    #expect(HTMLReportTests.count("<article class=\"secret\"", in: dom.stdout) == 3, "one timeline per secret")
    #expect(HTMLReportTests.count("<ol class=\"timeline\">", in: dom.stdout) == 3)
    #expect(HTMLReportTests.count("<li class=\"check rotate\">", in: dom.stdout) == 3)
    #expect(HTMLReportTests.count("<li class=\"check audit\">", in: dom.stdout) == 3)
    #expect(HTMLReportTests.count("<input type=\"checkbox\">", in: dom.stdout) >= 9, "each secret twice, then purge")
    #expect(!dom.stdout.contains("<img") && !dom.stdout.contains("<script"), "hostile names stayed text")
    #expect(!dom.stdout.contains(repo.removedKey) && !dom.stdout.contains(repo.keptKey))

    let screenshot = repo.box.url.appendingPathComponent("report.png")
    let shot = try Chromium.run(["--screenshot=\(screenshot.path)"], page: report, profile: profile)
    #expect(shot.status == 0, "\(shot.stderr)")
    let size = try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int ?? 0
    #expect(size > 50_000, "a rendered page, not a blank one (\(size) bytes)")
    let stats = Binary.packageRoot.appendingPathComponent("Tests/Browser/png_stats.py").path
    let facts = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", stats, screenshot.path], in: repo.box.url)
    let png = try #require(try JSONSerialization.jsonObject(with: Data(facts.stdout.utf8)) as? [String: Any])
    #expect(png["width"] as? Int == 1280 && png["height"] as? Int == 2000)
    #expect((png["colours"] as? Int ?? 0) > 50, "text, badges and cards in several colours")
    #expect((png["inked"] as? Double ?? 0) > 0.02, "more than 2% of the pixels are not background")
  }
}
