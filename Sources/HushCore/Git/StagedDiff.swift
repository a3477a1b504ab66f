/// One file whose index version differs from HEAD, as `git diff --cached` reports it.
public struct StagedFile: Sendable, Equatable {
  /// Repository-relative path.
  public let path: String
  /// The index version's object id.
  public let blob: String
  /// The index version's mode (`100644`, `100755`, `120000`, `160000`).
  public let mode: String
  /// git's status letter: A (added), M (modified), R (renamed) or T (type changed).
  public let status: Character
  /// HEAD's version's object id (all zeros for an added file).
  public var oldBlob = ""
  /// HEAD's version's mode (`000000` for an added file).
  public var oldMode = ""
  /// The path HEAD had it at, when it was renamed.
  public var oldPath: String?
  /// Lines of the index version that the change adds (1-based, inclusive).
  public var addedLines: [ClosedRange<Int>] = []
  /// Every line counts as added, none listed: git printed "Binary files differ" instead of
  /// hunks (a NUL, or a `binary` attribute), or a version too large to hold was not counted.
  public var everyLineAdded = false

  /// A regular file: symlinks hold a path and gitlinks a commit, neither is content.
  public var isRegularFile: Bool { Self.isRegular(mode) }

  /// Whether HEAD held this file's content as a file, so that its added lines are a diff of
  /// the two versions (otherwise every line is added).
  public var hasOldText: Bool { Self.isRegular(oldMode) && oldBlob.contains { $0 != "0" } }

  static func isRegular(_ mode: String) -> Bool { mode == "100644" || mode == "100755" }

  /// Whether a finding spanning `lines` touches a line the change adds.
  public func touchesAddedLine(_ lines: ClosedRange<Int>) -> Bool {
    addedLines.contains { $0.overlaps(lines) }
  }
}

/// Parses the output of `git diff --cached --raw -z -p -U0`: NUL-terminated raw records, an
/// empty record, then the zero-context patch.
public enum StagedDiff {
  /// The command whose output `parse` reads. Prefixes, renames and the rest are pinned so
  /// that user config (diff.noprefix, diff.renames, diff.relative, diff.external) cannot
  /// change the format. Renames are detected so that moving a file adds no lines: its
  /// content is already committed, and only the lines edited on the way are new.
  public static let arguments = [
    "diff", "--cached", "--raw", "-z", "-p", "--unified=0", "--no-abbrev", "--find-renames",
    "--no-ext-diff", "--no-textconv", "--no-color", "--no-relative", "--src-prefix=a/",
    "--dst-prefix=b/", "--diff-filter=ACMRT", "--ignore-submodules=all",
  ]

  /// The same diff without its patch: what is staged, with both versions' object ids, at half
  /// the cost of the patch (`LineDiff` computes the added lines).
  public static let rawArguments = arguments.filter { !patchOnly.contains($0) }

  private static let patchOnly = ["-p", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/"]

  /// The patch of the files at `paths` only (both paths of a rename, so that it is seen),
  /// for the changes `LineDiff` leaves to git.
  public static func arguments(paths: [String]) -> [String] {
    arguments + ["--"] + paths.map { ":(literal)" + $0 }
  }

  /// The staged files of `git diff` output run with `rawArguments`: no added lines yet.
  public static func parseRaw(_ output: [UInt8]) throws(GitError) -> [StagedFile] {
    var position = 0
    return try rawRecords(output, &position)
  }

  /// The staged files of `git diff` output run with `arguments`, with their added lines.
  public static func parse(_ output: [UInt8]) throws(GitError) -> [StagedFile] {
    var position = 0
    var files = try rawRecords(output, &position)
    // The empty record that ends the raw part.
    while position < output.count, output[position] == 0 { position += 1 }
    let hunks = patchHunks(output[position...])
    for index in files.indices {
      guard let section = hunks[files[index].path] else { continue }
      files[index].addedLines = section.added
      files[index].everyLineAdded = section.binary
    }
    return files
  }

  private static func rawRecords(_ output: [UInt8], _ position: inout Int) throws(GitError) -> [StagedFile] {
    var files: [StagedFile] = []
    while position < output.count, output[position] == UInt8(ascii: ":") {
      guard let file = rawRecord(output, &position) else { throw malformed("raw record") }
      files.append(file)
    }
    return files
  }

  private static func malformed(_ what: String) -> GitError {
    .failed(command: "diff --cached", status: 0, message: "unexpected output (\(what))")
  }

  /// `:oldmode newmode oldsha newsha status NUL path NUL`, with `oldpath NUL` before the
  /// path for renames and copies.
  private static func rawRecord(_ bytes: [UInt8], _ position: inout Int) -> StagedFile? {
    guard let fieldsEnd = bytes[position...].firstIndex(of: 0),
      let pathEnd = bytes[(fieldsEnd + 1)...].firstIndex(of: 0)
    else { return nil }
    let fields = bytes[(position + 1)..<fieldsEnd].split(separator: UInt8(ascii: " "))
    guard fields.count == 5, let status = fields[4].first else { return nil }
    var pathStart = fieldsEnd + 1
    var end = pathEnd
    var oldPath: String?
    if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") {
      guard let newEnd = bytes[(pathEnd + 1)...].firstIndex(of: 0) else { return nil }
      oldPath = PathBytes.decode(bytes[pathStart..<pathEnd])
      pathStart = pathEnd + 1
      end = newEnd
    }
    position = end + 1
    let text = { (field: ArraySlice<UInt8>) in String(decoding: field, as: UTF8.self) }
    var file = StagedFile(
      path: PathBytes.decode(bytes[pathStart..<end]), blob: text(fields[3]), mode: text(fields[1]),
      status: Character(UnicodeScalar(status)))
    file.oldBlob = text(fields[2])
    file.oldMode = text(fields[0])
    file.oldPath = oldPath
    return file
  }

  /// Added line ranges per path. A type change prints two sections for one path (the old
  /// kind deleted, the new one added), so sections are keyed by path, not by order.
  static func patchHunks(_ patch: ArraySlice<UInt8>) -> [String: (added: [ClosedRange<Int>], binary: Bool)] {
    var sections: [String: (added: [ClosedRange<Int>], binary: Bool)] = [:]
    var current: String?
    for line in patch.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      if line.starts(with: diffHeader) {
        current = headerPath(line.dropFirst(diffHeader.count))
        if let current, sections[current] == nil { sections[current] = ([], false) }
      } else if current == nil || line.starts(with: renameTarget) || line.starts(with: copyTarget) {
        // A rename's header names two paths; its "rename to" line names the one we key on.
        guard let target = movedPath(line) else { continue }
        current = target
        if sections[target] == nil { sections[target] = ([], false) }
      } else if let path = current, line.starts(with: hunkHeader) {
        if let range = addedRange(line) { sections[path]?.added.append(range) }
      } else if let path = current, line.starts(with: binaryNotice) {
        sections[path]?.binary = true
      }
    }
    return sections
  }

  private static let diffHeader = Array("diff --git ".utf8)
  private static let hunkHeader = Array("@@ -".utf8)
  private static let binaryNotice = Array("Binary files ".utf8)
  private static let renameTarget = Array("rename to ".utf8)
  private static let copyTarget = Array("copy to ".utf8)

  /// The path of a `rename to P` or `copy to P` line, unquoted.
  private static func movedPath(_ line: ArraySlice<UInt8>) -> String? {
    let prefix = line.starts(with: renameTarget) ? renameTarget : line.starts(with: copyTarget) ? copyTarget : nil
    guard let prefix else { return nil }
    let rest = line.dropFirst(prefix.count)
    guard rest.first == UInt8(ascii: "\"") else { return PathBytes.decode(rest) }
    return CQuote.unquote(rest).map { PathBytes.decode($0) }
  }

  /// The path of `a/P b/P` (the same P twice: a renamed or copied file's new path comes from
  /// its `rename to` / `copy to` line instead), or of `"a/P" "b/P"` when git quoted it.
  static func headerPath(_ rest: ArraySlice<UInt8>) -> String? {
    if rest.first == UInt8(ascii: "\"") {
      guard let unquoted = CQuote.unquote(rest), unquoted.starts(with: Array("a/".utf8)) else { return nil }
      return PathBytes.decode(unquoted.dropFirst(2))
    }
    let length = (rest.count - 5) / 2
    guard length > 0, rest.count == 2 * length + 5 else { return nil }
    let start = rest.startIndex + 2
    return PathBytes.decode(rest[start..<(start + length)])
  }

  /// The new side of `@@ -a[,b] +c[,d] @@`: lines c ..< c + d (d defaults to 1). Digits only,
  /// and no range past `Int.max`: a sign or an overflowing sum would trap, or mark lines
  /// before the file.
  static func addedRange(_ line: ArraySlice<UInt8>) -> ClosedRange<Int>? {
    guard let plus = line.firstIndex(of: UInt8(ascii: "+")) else { return nil }
    let fields = line[(plus + 1)...].prefix { $0 != UInt8(ascii: " ") }.split(separator: UInt8(ascii: ","))
    guard let first = fields.first, let start = number(first) else { return nil }
    let count = fields.count > 1 ? number(fields[1]) ?? 0 : 1
    guard count > 0, start <= Int.max - (count - 1) else { return nil }
    return start...(start + (count - 1))
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
    return Int(String(decoding: digits, as: UTF8.self))
  }
}

/// git's C-style quoting of unusual paths: `"a\tb\303\251"`.
enum CQuote {
  /// The bytes of the first quoted string in `text`, or nil when it is not one.
  static func unquote(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    guard text.first == UInt8(ascii: "\"") else { return nil }
    var result: [UInt8] = []
    var index = text.startIndex + 1
    let escapes: [UInt8: UInt8] = [
      UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "t"): 9, UInt8(ascii: "n"): 10,
      UInt8(ascii: "v"): 11, UInt8(ascii: "f"): 12, UInt8(ascii: "r"): 13,
      UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"),
    ]
    while index < text.endIndex {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") { return result }
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        index += 1
        continue
      }
      guard index + 1 < text.endIndex else { return nil }
      let next = text[index + 1]
      if let escaped = escapes[next] {
        result.append(escaped)
        index += 2
      } else if index + 3 < text.endIndex,
        let octal = UInt8(String(decoding: text[(index + 1)...(index + 3)], as: UTF8.self), radix: 8)
      {
        result.append(octal)
        index += 4
      } else {
        return nil
      }
    }
    return nil
  }
}
