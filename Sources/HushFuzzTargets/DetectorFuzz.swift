import HushCore

/// The detector with the whole built-in catalog over arbitrary bytes. The first byte picks the
/// path the bytes are scanned as, so that rules scoped to a file name (`.netrc`, `.env`,
/// kubeconfig, ...) run too; the rest is the file.
enum DetectorFuzz {
  /// Built once: the fuzzer calls `run` millions of times, and rules compile lazily.
  static let detector = Detector(catalog: RuleCatalog.bundled)

  /// Paths that select the path-scoped rules, and plain ones that select none.
  static let paths = [
    "-", "src/main.py", ".env", "deploy/.netrc", ".git-credentials", ".pgpass", ".npmrc", ".pypirc",
    "home/.docker/config.json", ".kube/config", "config/secrets.yml", "app/settings.py", "wp-config.php",
    "application.properties", "sitemanager.xml", "prod.tfvars", "dump.sql", "site.htpasswd", ".s3cfg",
    "sftp-config.json", "WinSCP.ini", ".gem/credentials", ".vscode/sftp.json", "keys/id_rsa", "export.reg",
    ".ftpconfig",
  ]

  static func run(_ input: [UInt8]) -> FuzzOutcome {
    guard let selector = input.first else { return .accepted }
    let path = paths[Int(selector) % paths.count]
    let bytes = Array(input.dropFirst())
    let findings: [Finding]
    do {
      findings = try detector.scan(bytes, path: path)
    } catch {
      return .rejected("\(error)")
    }
    for finding in findings {
      if let problem = problem(with: finding, in: bytes) { return .violated("\(finding.rule.id): \(problem)") }
    }
    return .accepted
  }

  /// What is wrong with a finding, if anything: its place, its bytes, its redaction.
  static func problem(with finding: Finding, in bytes: [UInt8]) -> String? {
    let range = finding.secretRange
    guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else {
      return "secret range \(range) outside the \(bytes.count) bytes, or empty"
    }
    guard finding.secret == Array(bytes[range]) else { return "secret bytes differ from its range" }
    let line = 1 + bytes[..<range.lowerBound].lazy.filter { $0 == 0x0A }.count
    guard finding.line == line, finding.endLine >= line, finding.column >= 1 else {
      return "at line \(finding.line)-\(finding.endLine) column \(finding.column), expected line \(line)"
    }
    let redacted = finding.redacted
    guard redacted.hasSuffix("********"), redacted.count <= 12 else { return "redaction shows too much" }
    return nil
  }
}
