import Foundation
import Testing

/// A repository setting that makes git run a command: what Hush must never trigger.
struct ConfigVector: CustomTestStringConvertible, Sendable {
  let name: String
  /// `git config` pairs; `CMD` in a value becomes a shell command that creates the marker,
  /// `SCRIPT` a program that does, `INCLUDE` a config file that sets core.fsmonitor to it,
  /// `HOOKS` a hooks directory whose hooks (all but pre-commit and pre-push) do.
  let config: [(String, String)]
  var attributes: String? = nil
  /// A git command that does fire it, proving the vector is armed (nil: Hush's commands are
  /// the only ones that could reach it, such as a transport program).
  var trigger: [String]? = nil
  var testDescription: String { name }

  static let all: [ConfigVector] = [
    ConfigVector(name: "core.fsmonitor", config: [("core.fsmonitor", "CMD; false")], trigger: ["status"]),
    ConfigVector(name: "include.path", config: [("include.path", "INCLUDE")], trigger: ["status"]),
    ConfigVector(name: "includeIf", config: [("includeIf.gitdir:/.path", "INCLUDE")], trigger: ["status"]),
    ConfigVector(name: "diff.external", config: [("diff.external", "CMD; true")], trigger: ["diff", "HEAD"]),
    ConfigVector(
      name: "diff driver command", config: [("diff.evil.command", "CMD; true")], attributes: "* diff=evil\n",
      trigger: ["diff", "HEAD"]),
    ConfigVector(
      name: "textconv", config: [("diff.evil.textconv", "CMD; cat")], attributes: "* diff=evil\n",
      trigger: ["diff", "HEAD"]),
    ConfigVector(
      name: "filter clean", config: [("filter.evil.clean", "CMD; cat")], attributes: "* filter=evil\n",
      trigger: ["hash-object", "a.txt"]),
    ConfigVector(
      name: "filter smudge", config: [("filter.evil.smudge", "CMD; cat")], attributes: "* filter=evil\n",
      trigger: ["cat-file", "--filters", "HEAD:a.txt"]),
    ConfigVector(
      name: "filter process", config: [("filter.evil.process", "CMD; false")], attributes: "* filter=evil\n",
      trigger: ["hash-object", "a.txt"]),
    ConfigVector(
      name: "signature check", config: [("log.showSignature", "true"), ("gpg.program", "SCRIPT")],
      trigger: ["log", "-1"]),
    ConfigVector(name: "core.pager", config: [("core.pager", "CMD; cat"), ("pager.log", "true")]),
    ConfigVector(name: "core.editor", config: [("core.editor", "CMD; true")]),
    ConfigVector(name: "core.sshCommand", config: [("core.sshCommand", "CMD; false")]),
    ConfigVector(name: "core.askPass", config: [("core.askPass", "SCRIPT")]),
    ConfigVector(name: "credential.helper", config: [("credential.helper", "!CMD; true")]),
    ConfigVector(name: "core.alternateRefsCommand", config: [("core.alternateRefsCommand", "CMD; true")]),
    ConfigVector(name: "uploadpack.packObjectsHook", config: [("uploadpack.packObjectsHook", "CMD; false")]),
    ConfigVector(
      name: "core.hooksPath", config: [("core.hooksPath", "HOOKS")],
      trigger: ["update-ref", "refs/heads/trigger", "HEAD"]),
  ]
}

/// Hush reads repositories it does not trust: no command of Hush may run a program that the
/// repository's config names.
@Suite struct GitSafetyTests {
  /// A repository with one commit (signed, as far as git can tell) and one staged file,
  /// armed with `vector`; the marker is the file the vector's command would create.
  static func armed(_ vector: ConfigVector) throws -> (box: Sandbox, outside: Sandbox, marker: URL) {
    let box = try Sandbox(git: true)
    let outside = try Sandbox()
    let marker = outside.url.appendingPathComponent("PWNED")
    let command = "touch '\(marker.path)'"
    try box.write(".gitattributes", vector.attributes ?? "")
    try box.write("a.txt", "hello\n")
    try box.commitAll("start", day: 1)
    try signHead(box)
    try box.write("b.txt", "TOKEN=" + Fake(seed: 1801).stripeKey() + "\n")
    try box.git(["add", "b.txt"])
    let include = outside.url.appendingPathComponent("included.config")
    try Data("[core]\n\tfsmonitor = \(command); false\n".utf8).write(to: include)
    let askpass = outside.url.appendingPathComponent("askpass")
    try Data("#!/bin/sh\n\(command)\n".utf8).write(to: askpass)
    let hooks = outside.url.appendingPathComponent("hooks")
    try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
    for name in ["post-index-change", "post-commit", "reference-transaction", "post-checkout", "pre-auto-gc"] {
      try Data("#!/bin/sh\n\(command)\n".utf8).write(to: hooks.appendingPathComponent(name))
    }
    for file in [askpass]
      + ((try? FileManager.default.contentsOfDirectory(at: hooks, includingPropertiesForKeys: nil)) ?? [])
    {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    }
    for (key, value) in vector.config {
      let resolved = value.replacingOccurrences(of: "CMD", with: command)
        .replacingOccurrences(of: "INCLUDE", with: include.path).replacingOccurrences(of: "SCRIPT", with: askpass.path)
        .replacingOccurrences(of: "HOOKS", with: hooks.path)
      try box.git(["config", key, resolved])
    }
    return (box, outside, marker)
  }

  /// Rewrites HEAD with a `gpgsig` header, so that a log showing signatures runs gpg.program.
  static func signHead(_ box: Sandbox) throws {
    let commit = try box.git(["cat-file", "commit", "HEAD"]).stdout
    let signature = "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n"
    let signed = commit.replacingOccurrences(of: "\n\n", with: "\n" + signature + "\n")
    let id = try execute(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "hash-object", "-t", "commit", "-w", "--stdin"], in: box.url,
      input: Data(signed.utf8)
    ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    try box.git(["update-ref", "HEAD", id])
  }

  /// Every command of Hush that touches a repository, in the order a user would run them.
  static func runEveryCommand(in box: Sandbox) throws -> [String: Int32] {
    let head = try box.head()
    let zero = String(repeating: "0", count: 40)
    var statuses: [String: Int32] = [:]
    let commands: [([String], String?)] = [
      (["scan"], nil), (["staged"], nil), (["history"], nil),
      (["pre-push", "origin", "url"], "refs/heads/main \(head) refs/heads/main \(zero)\n"),
      (["audit"], nil), (["baseline", "-o", "base.json"], nil), (["install", "--force"], nil), (["doctor"], nil),
    ]
    for (arguments, input) in commands {
      statuses[arguments[0]] = try hush(arguments, in: box.url, input: input).status
    }
    return statuses
  }

  @Test(arguments: ConfigVector.all)
  func noCommandRunsWhatTheRepositoryConfigNames(_ vector: ConfigVector) throws {
    let (box, outside, marker) = try Self.armed(vector)
    defer { withExtendedLifetime(outside) {} }
    if let trigger = vector.trigger {
      _ = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + trigger, in: box.url)
      #expect(FileManager.default.fileExists(atPath: marker.path), "the vector is armed: git \(trigger) fires it")
      try? FileManager.default.removeItem(at: marker)
    }
    let statuses = try Self.runEveryCommand(in: box)
    #expect(!FileManager.default.fileExists(atPath: marker.path), "a command ran: \(statuses)")
    #expect(statuses["staged"] == 1, "the staged secret is still found")
  }

  /// A blobless clone whose promisor remote would run a command on fetch: Hush must neither
  /// fetch nor pass; a blob it cannot read is an error that names it.
  @Test func partialCloneNeverFetches() throws {
    let origin = try Sandbox(git: true)
    try origin.write("a.txt", "TOKEN=" + Fake(seed: 1802).stripeKey() + "\n")
    try origin.commitAll("start", day: 1)
    try origin.git(["config", "uploadpack.allowFilter", "true"])
    let clone = try Sandbox()
    try clone.git(["clone", "-q", "--filter=blob:none", "--no-checkout", "file://" + origin.url.path, "."])
    let marker = clone.url.deletingLastPathComponent().appendingPathComponent("pwned-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: marker) }
    try clone.git(["config", "protocol.file.allow", "always"])
    try clone.git(["config", "remote.origin.uploadpack", "touch '\(marker.path)'; git-upload-pack"])
    let blob = try clone.git(["rev-parse", "HEAD:a.txt"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)

    let history = try hush(["history"], in: clone.url)
    #expect(history.status == 2, "\(history.stderr)")
    #expect(history.stderr.contains(blob), "\(history.stderr)")
    let statuses = try Self.runEveryCommand(in: clone)
    #expect(!FileManager.default.fileExists(atPath: marker.path), "a fetch ran: \(statuses)")

    _ = try execute(URL(fileURLWithPath: "/usr/bin/env"), ["git", "cat-file", "-p", blob], in: clone.url)
    #expect(FileManager.default.fileExists(atPath: marker.path), "the vector is armed: plain git fetches")
  }

  @Test(arguments: [["staged"], ["history"], ["scan"], ["install"], ["audit"]])
  func aRepositoryOfAnotherUserShowsGitsReason(_ arguments: [String]) throws {
    let box = try Sandbox(git: true)
    try box.write("a.txt", "hello\n")
    try box.git(["add", "a.txt"])
    let run = try hush(arguments, in: box.url, environment: ["GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("dubious ownership"), "\(run.stderr)")
    #expect(!run.stderr.contains("unknown option"))
  }
}
