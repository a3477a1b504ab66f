/// The config's allowlists, compiled: global ones, and each rule's own.
public struct Allowlists: Sendable {
  struct Compiled: Sendable {
    let paths: [String]
    let secrets: [PCRE2Regex]
    let lines: [PCRE2Regex]
    let stopwords: [[UInt8]]
    let name: String

    init(_ spec: AllowlistSpec, name: String) throws(RegexError) {
      paths = spec.paths
      var secrets: [PCRE2Regex] = []
      for pattern in spec.secrets { secrets.append(try PCRE2Regex(pattern, name: name + ".secrets")) }
      var lines: [PCRE2Regex] = []
      for pattern in spec.lines { lines.append(try PCRE2Regex(pattern, name: name + ".lines")) }
      self.secrets = secrets
      self.lines = lines
      stopwords = spec.stopwords.map { Array($0.lowercased().utf8) }
      self.name = name
    }
  }

  let global: Compiled
  let perRule: [String: Compiled]

  init(config: HushConfig) throws(RegexError) {
    global = try Compiled(config.allowlist, name: "allowlist")
    var perRule: [String: Compiled] = [:]
    for (id, override) in config.overrides where !override.allowlist.isEmpty {
      perRule[id] = try Compiled(override.allowlist, name: "rules.\(id).allowlist")
    }
    self.perRule = perRule
  }

  /// Why `finding` is allowed (which entry), or nil when it is reported.
  func reason(for finding: Finding, in bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> String? {
    for list in [global] + (perRule[finding.rule.id].map { [$0] } ?? []) {
      if let reason = list.reason(for: finding, in: bytes, scratch: scratch) { return reason }
    }
    return nil
  }
}

extension Allowlists.Compiled {
  func reason(for finding: Finding, in bytes: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> String? {
    if let glob = paths.first(where: { Glob.matches($0, path: finding.path) }) { return "\(name).paths \"\(glob)\"" }
    let lowered = finding.secret.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    if let word = stopwords.first(where: { ByteSearch.contains(lowered, $0) }) {
      return "\(name).stopwords \"\(String(decoding: word, as: UTF8.self))\""
    }
    if !secrets.isEmpty,
      let regex = finding.secret.withUnsafeBufferPointer({ secret in
        secrets.first { (try? $0.firstMatch(in: secret, from: 0, to: secret.count, scratch: scratch)) != nil }
      })
    {
      return "\(name).secrets '\(regex.pattern)'"
    }
    guard !lines.isEmpty, !finding.secretRange.isEmpty, finding.secretRange.upperBound <= bytes.count else {
      return nil
    }
    let line = LineIndex.lines(around: finding.secretRange, in: bytes, limit: Detector.lookBehind)
    if let regex = lines.first(where: {
      (try? $0.firstMatch(in: bytes, from: line.lowerBound, to: line.upperBound, scratch: scratch)) != nil
    }) {
      return "\(name).lines '\(regex.pattern)'"
    }
    return nil
  }
}
