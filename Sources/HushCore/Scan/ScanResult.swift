/// Counts of what a scan read and what it left out.
public struct ScanSummary: Sendable, Equatable {
  var files = 0
  var bytes = 0
  var findings = 0
  var skippedBinary = 0
  var skippedTooLarge = 0
  var skippedSpecial = 0
  var skippedAllowlisted = 0
  /// Findings dropped because the baseline knows them.
  public var baselined = 0
  var unreadable = 0
  /// Submodules and nested repositories under a scanned directory (scanned on their own).
  var skippedRepositories = 0
  /// Windows a regex abandoned at PCRE2's match limit (parts of files not searched).
  var incomplete = 0
  var rules = 0
  var duration: Duration = .zero
  /// Nothing read, nothing skipped.
  public init() {}

  /// Counts one file or finding left out for `reason`; reasons about single matches are
  /// not counted here (only `--explain` lists them).
  mutating func count(_ reason: DropReason) {
    switch reason {
    case .binary: skippedBinary += 1
    case .tooLarge: skippedTooLarge += 1
    case .notRegularFile: skippedSpecial += 1
    case .allowlistedPath: skippedAllowlisted += 1
    case .baselined: baselined += 1
    case .unreadable: unreadable += 1
    case .nestedRepository: skippedRepositories += 1
    case .matchLimit: incomplete += 1
    default: break
    }
  }
}

/// The outcome of a scan: findings in a stable order, the summary, and per-file problems
/// (never secret values).
public struct ScanResult: Sendable {
  var findings: [Finding]
  var summary: ScanSummary
  var warnings: [String]
  /// Why matches and files were not reported (`--explain`), never a secret.
  public var explanations: [Explanation] = []
  /// Parts of the input that could hold a secret and were not scanned (a regex abandoned at
  /// PCRE2's match limit): always warned about, and a hook that has any fails.
  public var incomplete: [Explanation] = []

  /// A result with nothing in it yet.
  public init(findings: [Finding] = [], summary: ScanSummary = ScanSummary(), warnings: [String] = []) {
    self.findings = findings
    self.summary = summary
    self.warnings = warnings
  }
}

/// What happened to one file.
enum FileOutcome: Sendable {
  case scanned(bytes: Int, findings: [Finding])
  case skipped(DropReason)
  /// Nothing to scan and nothing to say: Hush's own config and baseline, a file git lists
  /// but the work tree no longer has.
  case ignored
}

extension ScanResult {
  mutating func add(_ outcome: FileOutcome, target: ScanTarget) {
    switch outcome {
    case .scanned(let bytes, let found):
      summary.files += 1
      summary.bytes += bytes
      findings += found.map { finding in
        var finding = finding
        finding.path = target.displayPath
        if target.relativePath != target.displayPath { finding.relativePath = target.relativePath }
        return finding
      }
    case .skipped(let reason):
      summary.count(reason)
      if case .unreadable(let why) = reason {
        warnings.append("\(Printable.text(target.displayPath)): skipped, cannot read: \(why)")
      } else if reason == .nestedRepository {
        warnings.append(
          "\(Printable.text(target.displayPath)): skipped, a submodule or nested repository (scan it on its own: hush scan \(Shell.quoted(target.displayPath)))"
        )
      } else if reason != .notRegularFile {
        explanations.append(Explanation(path: target.displayPath, reason: reason))
      }
    case .ignored: break
    }
  }

  /// The filter chain's last step: drops the findings the baseline knows, counting and
  /// explaining them.
  public mutating func applyBaseline(of filters: FilterChain) {
    let (kept, known) = filters.applyBaseline(to: findings)
    for (finding, reason) in known {
      summary.count(reason)
      explanations.append(
        Explanation(
          path: finding.path, line: finding.line, column: finding.column, rule: finding.rule.id, reason: reason))
    }
    findings = kept
    summary.findings = findings.count
  }

  mutating func finish(rules: Int, duration: Duration) {
    findings.sort {
      ($0.path, $0.line, $0.column, $0.rule.id) < ($1.path, $1.line, $1.column, $1.rule.id)
    }
    explanations.sort()
    incomplete.sort()
    summary.incomplete = incomplete.filter { $0.reason == .matchLimit }.count
    for part in incomplete { warnings.append(part.warning) }
    summary.findings = findings.count
    summary.rules = rules
    summary.duration = duration
  }
}
