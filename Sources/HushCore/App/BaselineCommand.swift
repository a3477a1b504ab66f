/// `hush baseline`: records today's findings as known.
public struct BaselineCommand: Sendable {
  var path: String
  var output: String?
  var update: Bool
  /// Another tool's baseline or report: only the findings it vouches for are recorded.
  var importing: String?
  var input: ScannerSetup

  /// The command with its arguments (the input's baseline option is ignored: this writes one).
  public init(path: String, output: String?, update: Bool, importing: String? = nil, input: ScannerSetup) {
    self.path = path
    self.output = output
    self.update = update
    self.importing = importing
    self.input = input
  }

  /// Scans `path` and writes the baseline of what it found.
  public func run() throws -> ExitStatus {
    guard let file = output ?? BaselineFile.defaultPath(near: path) else {
      throw UsageError("outside a repository, name the baseline file with --output")
    }
    let existing = FileManager.default.contents(atPath: file)
    if existing != nil && !update { throw BaselineError.exists(file) }
    let previous = try existing.map { try Baseline.parse($0, file: file) }
    let foreign = try importing.map(Self.readForeign)
    // With the local secret files, as `hush scan` runs: a scan right after must be clean.
    let scanner = try input.scanner(near: path, localSecrets: true, baselined: false)
    let lister = TargetLister(includeIgnored: false) { _ in }
    let result = try scanner.scan(try lister.targets(for: [path]))
    var recorded = result.findings
    if let foreign, let importing {
      let match = foreign.match(result.findings)
      Self.report(match, of: foreign, file: importing)
      // --update keeps what the existing baseline already knew, beside what the import adds.
      let known = previous.map { baseline in
        let unknown = Set(baseline.newFindings(result.findings).map(Place.init))
        return result.findings.filter { !unknown.contains(Place($0)) }
      }
      recorded = match.findings + (known ?? [])
    }
    let baseline = Baseline(
      findings: recorded, salt: previous?.salt, memoEnvironment: ProcessInfo.processInfo.environment)
    try AtomicFile.write(Array(baseline.render().utf8), to: file, mode: 0o644)
    let count = baseline.entries.count
    Console.error("hush: \(update ? "updated" : "wrote") \(file): \(count) known finding\(count == 1 ? "" : "s")")
    if let note = try BaselineFile.ensureUnionMerge(for: file) { Console.error("hush: \(note)") }
    return .clean
  }
}

extension BaselineCommand {
  /// Where a finding is, to tell findings apart.
  private struct Place: Hashable {
    let path: String
    let rule: String
    let range: Range<Int>
    init(_ finding: Finding) {
      (path, rule, range) = (finding.stablePath, finding.rule.id, finding.secretRange)
    }
  }

  static func readForeign(_ file: String) throws -> ForeignBaseline {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ForeignBaseline.ImportError(description: "cannot read \(file): no such file, or not readable")
    }
    return try ForeignBaseline.parse(data, file: file)
  }

  /// How the entries matched, on stderr: counts, then each unmatched entry's place.
  static func report(_ match: ForeignBaseline.Match, of foreign: ForeignBaseline, file: String) {
    let total = match.bySecret + match.byLine + match.unmatchedPlaces.count
    Console.error(
      "hush: \(file) (\(foreign.format.rawValue)): \(match.bySecret + match.byLine) of \(total) "
        + "entr\(total == 1 ? "y" : "ies") matched today's findings (\(match.bySecret) by secret, "
        + "\(match.byLine) by line only); \(match.findings.count) finding\(match.findings.count == 1 ? "" : "s") imported"
    )
    for place in match.unmatchedPlaces {
      Console.error("hush: not imported: \(Printable.text(place)): Hush finds no secret there today")
    }
  }
}

/// Where the default baseline lives, and the merge attribute that keeps it merge-friendly.
enum BaselineFile {
  /// `.hush-baseline.json` at the root of the work tree holding `path`.
  static func defaultPath(near path: String) -> String? {
    let directory = ScanCommand.directory(of: path)
    guard let tree = Git(directory: directory.isEmpty ? "." : directory).workTree() else { return nil }
    return PathName.join(tree.root, Baseline.defaultName)
  }

  /// `.gitleaksignore` beside the default baseline (`defaultPath`), at the work tree's root.
  static func gitleaksIgnore(besideBaseline base: String) -> GitleaksIgnore? {
    let file = PathName.join(PathName.parent(of: base), GitleaksIgnore.fileName)
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    return GitleaksIgnore(text: String(decoding: data, as: UTF8.self), file: GitleaksIgnore.fileName)
  }

  /// Adds `<baseline> merge=union` to the work tree's `.gitattributes` when missing.
  static func ensureUnionMerge(for file: String) throws -> String? {
    let directory = PathName.parent(of: file)
    guard let tree = Git(directory: directory.isEmpty ? "." : directory).workTree(),
      let resolved = realpath(directory.isEmpty ? "." : directory, nil)
    else { return nil }
    defer { free(resolved) }
    let relativeDirectory = String(String(cString: resolved).dropFirst(tree.root.count)).drop { $0 == "/" }
    let name =
      (relativeDirectory.isEmpty ? "" : relativeDirectory + "/")
      + (file.split(separator: "/").last.map(String.init) ?? file)
    let attributes = PathName.join(tree.root, ".gitattributes")
    let current = FileManager.default.contents(atPath: attributes).map { String(decoding: $0, as: UTF8.self) } ?? ""
    let line = "/\(name) merge=union"
    guard !current.split(separator: "\n").contains(where: { $0.hasPrefix("/\(name) ") || $0.hasPrefix("\(name) ") })
    else { return nil }
    let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
    try AtomicFile.write(Array((current + separator + line + "\n").utf8), to: attributes, mode: 0o644)
    return "added '\(line)' to .gitattributes, so that branches adding baseline entries merge cleanly"
  }
}
