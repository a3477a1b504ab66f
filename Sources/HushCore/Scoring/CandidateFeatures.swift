/// The first of the detector's filters that would have dropped a scored candidate: a feature,
/// not a verdict (the model decides).
public enum FilterFeature: Sendable, Equatable {
  case placeholder, singleClass, wordLike, codeReference, hashInContext
}

/// What the features of one candidate are computed from: the bytes the detector holds.
public struct CandidateInput {
  /// The rule's id (`cand-assign`, or a provider rule's).
  public var rule: String
  /// The secret's bytes.
  public var value: UnsafeBufferPointer<UInt8>
  /// The line the secret starts on, without its `\n`.
  public var line: UnsafeBufferPointer<UInt8>
  /// The secret's 0-based byte offset in `line`.
  public var column: Int
  /// The file's path as the scan names it.
  public var path: [UInt8]
  /// The first filter that would have dropped the value.
  public var filter: FilterFeature?
  /// How many candidates (of any rule) start on the line.
  public var lineCandidates: Int
  /// How many candidates (of any rule, this one included) of the file hold the same value.
  public var fileRepeats: Int

  /// An input from its parts.
  public init(
    rule: String, value: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>, column: Int,
    path: [UInt8], filter: FilterFeature?, lineCandidates: Int, fileRepeats: Int
  ) {
    self.rule = rule
    self.value = value
    self.line = line
    self.column = column
    self.path = path
    self.filter = filter
    self.lineCandidates = lineCandidates
    self.fileRepeats = fileRepeats
  }
}

/// The feature vector of a candidate: a port, one to one, of `training/features.py` (the
/// spec; its README defines each feature in words). ASCII case folding, bytes, no locale.
public enum CandidateFeatures {
  static let words = [
    "pass", "pwd", "secret", "token", "key", "auth", "cred", "salt", "nonce", "seed", "otp", "session", "cookie",
    "sign", "appid", "app_id", "ticket", "client", "private", "api", "access",
  ]
  static let notValueWords = [
    "id", "name", "type", "file", "path", "url", "uri", "len", "size", "max", "min", "count", "hash", "field",
    "header", "label", "format", "policy", "public", "enable", "length", "expire", "timeout", "mode", "prefix",
    "user", "email", "host", "port", "method", "class", "param",
  ]
  static let markers = [
    "example", "xxx", "your", "change", "dummy", "placeholder", "redacted", "sample", "insert", "replace", "fake",
    "test", "demo", "secret", "password", "passwd", "token", "null", "none", "todo", "foo", "bar", "abc", "123",
    "***", "...",
  ]
  static let hashPrefixes = [
    "$2a$", "$2b$", "$2y$", "$argon2", "$6$", "$5$", "$1$", "{crypt}", "{ssha}", "{sha", "sha256:", "sha1:", "md5:",
    "pbkdf2",
  ]
  static let knownPrefixes = [
    "sk_", "pk_", "ghp_", "gho_", "github_pat_", "AKIA", "eyJ", "xox", "AIza", "ya29.", "glpat-", "SG.", "npm_",
  ]
  static let rules = [
    "cand-assign", "cand-call", "cand-flag", "cand-short-flag", "cand-sql-password", "cand-auth-header",
    "cand-url-userinfo", "cand-xml-element", "cand-spaced-config", "cand-uuid", "cand-private-key",
    "cand-symbol-argument", "cand-cloud-id",
  ]
  static let extensionGroups: [(String, [String])] = [
    (
      "code",
      "py js ts jsx tsx go java kt kts scala rb php cs c h cc cpp hpp m mm swift rs hs ex exs erl clj groovy dart lua pl pm r jl vb fs ml coffee vue svelte"
        .split(separator: " ").map(String.init)
    ),
    (
      "config",
      "yml yaml json toml ini cfg conf properties xml env config plist tf hcl tfvars cnf gradle sbt lock j2 tpl template dist example sample"
        .split(separator: " ").map(String.init)
    ),
    ("doc", "md rst txt html htm adoc asciidoc tex org textile".split(separator: " ").map(String.init)),
    ("shell", "sh bash zsh ps1 psm1 bat cmd bats fish".split(separator: " ").map(String.init)),
    ("data", "sql csv har log dump".split(separator: " ").map(String.init)),
  ]
  static let topExtensions = [
    "md", "json", "yml", "yaml", "py", "js", "ts", "go", "java", "rb", "cs", "php", "xml", "sh", "properties", "txt",
    "html", "scala", "kt", "idl",
  ]
  static let pathWords: [(String, [String])] = [
    ("test", ["test", "spec"]), ("example", ["example", "sample", "demo"]), ("doc", ["doc"]),
    ("fixture", ["fixture", "mock", "fake", "stub"]), ("conf", ["conf", "setting"]),
    ("vendor", ["vendor", "third", "node_modules", "dist"]),
  ]

  // The lists as bytes, once: converting a String per comparison cost most of a candidate's time.
  static let wordBytes = bytes(words)
  static let notValueBytes = bytes(notValueWords)
  static let markerBytes = bytes(markers)
  static let hashPrefixBytes = bytes(hashPrefixes)
  static let knownPrefixBytes = bytes(knownPrefixes)
  static let nameTestBytes = bytes(["test", "example", "dummy", "fake", "mock", "sample"])
  static let templateBytes = bytes(["{{", "${", "%(", "%s", "<%"])
  static let environmentBytes = bytes(["getenv", "environ", "process.env", "env[", "env.", "${"])
  static let exampleBytes = bytes(["example", "sample", "dummy", "fake", "placeholder"])
  static let userBytes = bytes(["user", "login", "account", "email"])
  static let commentBytes = bytes(["#", "//", "*", "/*", "--", "<!--", ";", "%", "rem ", "REM "])
  static let pathWordBytes = pathWords.map { bytes($0.1) }
  static func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }

  /// Every feature's name, in the vector's order (the model's `features` must be this list).
  public static let names: [String] = {
    var names = [
      "len_log2", "entropy", "entropy_per_len", "frac_lower", "frac_upper", "frac_digit", "frac_other", "classes",
      "is_hex", "is_b64", "is_digits", "is_uuid", "has_space", "starts_ref", "has_template", "is_identifier", "dots",
      "has_paren", "has_url", "has_slash", "vowel_frac", "case_changes", "marker", "hash_prefix", "repeat_max",
      "value_in_name", "name_in_value", "name_len", "name_none",
    ]
    names += words.map { "name_" + $0 }
    names += [
      "name_not_value", "name_upper", "op_compare", "op_arrow", "op_assign", "op_colon", "op_call", "op_comma",
      "quoted", "wrapper", "comment", "line_env", "line_len_log2", "line_example", "line_user", "line_candidates",
      "file_repeats", "name_quoted", "name_test", "value_word", "value_known_prefix",
    ]
    names += (extensionGroups.map(\.0) + ["other"]).map { "ext_" + $0 }
    names += topExtensions.map { "ext_is_" + $0 }
    names += pathWords.map { "path_" + $0.0 }
    names += rules.map { "rule_" + $0 } + ["rule_provider"]
    // features.py names the drops by their first word, so "reads as words" and "reads as
    // code" share `drop_reads`, and the later (code) wins: four features, not five.
    names += ["drop_placeholder", "drop_single", "drop_reads", "drop_digest"]
    return names
  }()

  /// What features say about a whole line: computed once per line, however many candidates
  /// it holds (a minified line is megabytes long).
  public struct LineContext {
    let isComment: Bool
    let readsEnvironment: Bool
    let lengthLog2: Double
    let saysExample: Bool
    let namesUser: Bool

    /// The context of `line` (without its `\n`), read in place (ASCII case folded as compared).
    public init(_ line: UnsafeBufferPointer<UInt8>) {
      let stripped = line.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
      isComment = CandidateFeatures.commentBytes.contains { stripped.starts(with: $0) }
      let words = CandidateFeatures.withLowered(line) { line in
        (
          environment: CandidateFeatures.containsAny(line, CandidateFeatures.environmentBytes),
          example: CandidateFeatures.containsAny(line, CandidateFeatures.exampleBytes),
          user: CandidateFeatures.containsAny(line, CandidateFeatures.userBytes)
        )
      }
      readsEnvironment = words.environment
      lengthLog2 = log2(Double(line.count + 1))
      saysExample = words.example
      namesUser = words.user
    }
  }

  /// The vector of `input`, in the order of `names`; `context` is `LineContext(input.line)`,
  /// passed in when the caller scores several candidates of one line, and `path` is
  /// `pathFeatures(input.path)`, passed in when it scores several of one file.
  public static func vector(_ input: CandidateInput, context: LineContext? = nil, path: [Double]? = nil) -> [Double] {
    var out = [Double](repeating: 0, count: names.count)
    out.withUnsafeMutableBufferPointer { out in
      fill(out, input, context: context ?? LineContext(input.line), path: path ?? pathFeatures(input.path))
    }
    return out
  }

  /// Writes the vector of `input` into `out` (`names.count` doubles, the caller's to reuse):
  /// no allocation per candidate, every byte read where the detector holds it.
  public static func fill(
    _ out: UnsafeMutableBufferPointer<Double>, _ input: CandidateInput, context: LineContext, path: [Double]
  ) {
    precondition(out.count == names.count, "a vector of every feature")
    var writer = Writer(out: out)
    let line = input.line
    let (nameRange, betweenStart) = keyName(line, before: input.column)
    let name = UnsafeBufferPointer(rebasing: line[nameRange])
    let between = UnsafeBufferPointer(rebasing: line[betweenStart..<input.column])
    withLowered(input.value) { lowerValue in
      withLowered(name) { lowerName in
        appendValue(input.value, lowerValue, lowerName, to: &writer)
        appendName(name, lowerName, to: &writer)
        appendLine(input, between, context, to: &writer)
        let quotedName = !name.isEmpty && nameRange.lowerBound > 0 && isQuote(line[nameRange.lowerBound - 1])
        writer.append(quotedName)
        writer.append(containsAny(lowerName, nameTestBytes))
        writer.append(containsAny(lowerValue, credentialValueBytes))
      }
    }
    writer.append(knownPrefixBytes.contains { input.value.starts(with: $0) })
    for feature in path { writer.append(feature) }
    appendRule(input, to: &writer)
    precondition(writer.count == names.count, "every feature written")
  }

  /// Appends to the caller's buffer, in order.
  struct Writer {
    let out: UnsafeMutableBufferPointer<Double>
    var count = 0

    mutating func append(_ value: Double) {
      out[count] = value
      count += 1
    }

    mutating func append(_ condition: Bool) { append(condition ? 1.0 : 0.0) }
  }

  /// The first seven credential words: `value_word`.
  static let credentialValueBytes = Array(wordBytes.prefix(7))

  /// The value's features; `lowerValue` and `lowerName` are the value and the name folded.
  private static func appendValue(
    _ value: UnsafeBufferPointer<UInt8>, _ lowerValue: UnsafeBufferPointer<UInt8>,
    _ lowerName: UnsafeBufferPointer<UInt8>, to out: inout Writer
  ) {
    let count = value.count
    var lower = 0
    var upper = 0
    var digits = 0
    var vowels = 0
    var dots = 0
    var allHex = true
    var allBase64 = true
    var allWord = true
    for byte in value {
      if isLower(byte) { lower += 1 } else if isUpper(byte) { upper += 1 } else if isDigit(byte) { digits += 1 }
      if isVowel(byte) { vowels += 1 }
      if byte == 0x2E { dots += 1 }
      allHex = allHex && isHex(byte)
      allBase64 = allBase64 && isBase64(byte)
      allWord = allWord && isWordByte(byte)
    }
    let other = count - lower - upper - digits
    let denominator = Double(max(count, 1))
    let entropy = shannon(value)
    out.append(log2(Double(count + 1)))
    out.append(entropy)
    out.append(count > 0 ? entropy / log2(Double(count + 1)) : 0)
    out.append(Double(lower) / denominator)
    out.append(Double(upper) / denominator)
    out.append(Double(digits) / denominator)
    out.append(Double(other) / denominator)
    out.append(Double((lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (other > 0 ? 1 : 0)))
    out.append(count >= 8 && allHex)
    out.append(count >= 16 && allBase64)
    out.append(count > 0 && digits == count)
    out.append(count == 36 && value[8] == 0x2D && value[13] == 0x2D && value[18] == 0x2D && value[23] == 0x2D)
    out.append(value.contains(0x20))
    out.append(count > 0 && referenceStarts.contains(value[0]))
    out.append(containsAny(value, templateBytes))
    out.append(count > 0 && !isDigit(value[0]) && allWord)
    out.append(Double(dots))
    out.append(value.contains(0x28) || value.contains(0x29))
    out.append(occurs(value, urlBytes))
    out.append(value.contains(0x2F))
    out.append(Double(vowels) / Double(max(lower + upper, 1)))
    out.append(Double(caseChanges(value)) / denominator)
    out.append(containsAny(lowerValue, markerBytes))
    out.append(hashPrefixBytes.contains { lowerValue.starts(with: $0) })
    out.append(Double(longestRun(value)) / denominator)
    out.append(count >= 3 && occurs(lowerName, lowerValue))
    out.append(lowerName.count >= 3 && occurs(lowerValue, lowerName))
  }

  static let referenceStarts = Array("$%{<@&".utf8)
  static let urlBytes = Array("://".utf8)

  private static func appendName(
    _ name: UnsafeBufferPointer<UInt8>, _ lowerName: UnsafeBufferPointer<UInt8>, to out: inout Writer
  ) {
    out.append(Double(name.count))
    out.append(name.isEmpty)
    for word in wordBytes { out.append(occurs(lowerName, word)) }
    out.append(Double(notValueBytes.count { occurs(lowerName, $0) }))
    out.append(!name.contains(where: isLower) && name.contains(where: isUpper))
  }

  private static func appendLine(
    _ input: CandidateInput, _ between: UnsafeBufferPointer<UInt8>, _ context: LineContext, to out: inout Writer
  ) {
    let compare = containsPair(between, 0x3D, 0x3D) || containsPair(between, 0x21, 0x3D)
    let arrow = containsPair(between, 0x3D, 0x3E) || containsPair(between, 0x2D, 0x3E)
    out.append(compare)
    out.append(arrow)
    out.append(between.contains(0x3D) && !compare && !arrow)
    out.append(between.contains(0x3A))
    out.append(between.contains(0x28))
    out.append(between.contains(0x2C))
    let column = input.column
    out.append(column > 0 && isQuote(input.line[column - 1]))
    out.append(column > 0 && (between.contains(0x28) || between.contains(0x5B) || between.contains(0x7B)))
    out.append(context.isComment)
    out.append(context.readsEnvironment)
    out.append(context.lengthLog2)
    out.append(context.saysExample)
    out.append(context.namesUser)
    out.append(Double(input.lineCandidates))
    out.append(Double(input.fileRepeats))
  }

  /// The features of the file's path (its extension, its directories' words): the same for
  /// every candidate of a file.
  public static func pathFeatures(_ path: [UInt8]) -> [Double] {
    var out: [Double] = []
    appendPath(lowered(path), to: &out)
    return out
  }

  private static func appendPath(_ path: [UInt8], to out: inout [Double]) {
    let base = path.lastIndex(of: 0x2F).map { Array(path[($0 + 1)...]) } ?? path
    let ext = base.lastIndex(of: 0x2E).map { String(decoding: base[($0 + 1)...], as: UTF8.self) } ?? ""
    let group = extensionGroups.first { $0.1.contains(ext) }?.0 ?? "other"
    for name in extensionGroups.map(\.0) + ["other"] { out.append(group == name ? 1 : 0) }
    for top in topExtensions { out.append(ext == top ? 1 : 0) }
    let directories = path.lastIndex(of: 0x2F).map { Array(path[..<$0]) } ?? path
    for words in pathWordBytes { out.append(words.contains { contains(directories, $0) } ? 1 : 0) }
  }

  private static func appendRule(_ input: CandidateInput, to out: inout Writer) {
    let rule = rules.firstIndex(of: input.rule)
    for index in rules.indices { out.append(rule == index) }
    out.append(!input.rule.hasPrefix("cand-"))
    let filter = input.filter
    out.append(filter == .placeholder)
    out.append(filter == .singleClass)
    out.append(filter == .codeReference)
    out.append(filter == .hashInContext)
  }

  /// The name a value is given to: skip back over bytes that are not `[A-Za-z0-9_.-]`, then
  /// take the run of such bytes that ends there. Returns the name's range and where the
  /// bytes between the name and the value start.
  static func keyName(_ line: UnsafeBufferPointer<UInt8>, before column: Int) -> (name: Range<Int>, between: Int) {
    var end = column
    while end > 0 && !ByteSearch.isNameByte(line[end - 1]) { end -= 1 }
    var start = end
    while start > 0 && ByteSearch.isNameByte(line[start - 1]) { start -= 1 }
    return (start..<end, end)
  }

  /// Shannon entropy in bits per byte, summed in the order bytes first appear (as the
  /// reference does, so the float is the same to the last bit). Counts live on the stack.
  static func shannon(_ value: UnsafeBufferPointer<UInt8>) -> Double {
    guard !value.isEmpty else { return 0 }
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
      counts.initialize(repeating: 0)
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { order in
        var distinct = 0
        for byte in value {
          if counts[Int(byte)] == 0 {
            order[distinct] = byte
            distinct += 1
          }
          counts[Int(byte)] += 1
        }
        let total = Double(value.count)
        var sum = 0.0
        for index in 0..<distinct {
          let share = Double(counts[Int(order[index])]) / total
          sum += share * log2(share)
        }
        return -sum
      }
    }
  }

  private static func caseChanges(_ value: UnsafeBufferPointer<UInt8>) -> Int {
    guard value.count > 1 else { return 0 }
    var changes = 0
    for index in 1..<value.count where isLower(value[index - 1]) && isUpper(value[index]) { changes += 1 }
    return changes
  }

  private static func longestRun(_ value: UnsafeBufferPointer<UInt8>) -> Int {
    var longest = 0
    var run = 0
    for index in value.indices {
      run = index > 0 && value[index - 1] == value[index] ? run + 1 : 1
      longest = max(longest, run)
    }
    return longest
  }

  static func lowered(_ bytes: [UInt8]) -> [UInt8] { bytes.map(fold) }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { occurs($0, needle) }
  }

  /// Whether `haystack` holds one of `needles` (both as they are: fold the haystack first
  /// with `withLowered` to compare case-insensitively, the lists are lower case).
  static func containsAny(_ haystack: UnsafeBufferPointer<UInt8>, _ needles: [[UInt8]]) -> Bool {
    needles.contains { occurs(haystack, $0) }
  }

  /// `body` given `bytes` ASCII case folded, in a temporary buffer (on the stack when short):
  /// one pass, after which every case-insensitive search is an exact one.
  static func withLowered<Result>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
      for index in bytes.indices { buffer[index] = fold(bytes[index]) }
      return body(UnsafeBufferPointer(rebasing: buffer[..<bytes.count]))
    }
  }

  static func occurs(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    needle.withUnsafeBufferPointer { occurs(haystack, $0) }
  }

  /// Whether `needle` occurs in `haystack`, byte for byte: memchr finds each candidate start.
  static func occurs(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let needleBase = needle.baseAddress, !needle.isEmpty else { return true }
    guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
    let last = haystack.count - needle.count
    var offset = 0
    while offset <= last, let found = memchr(base + offset, Int32(needle[0]), last - offset + 1) {
      let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + start, needleBase, needle.count) == 0 { return true }
      offset = start + 1
    }
    return false
  }

  /// Whether `first` is directly followed by `second` somewhere in `bytes`.
  private static func containsPair(_ bytes: UnsafeBufferPointer<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
    guard bytes.count >= 2 else { return false }
    for index in 1..<bytes.count where bytes[index - 1] == first && bytes[index] == second { return true }
    return false
  }

  private static func fold(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

  static func isQuote(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x22, 0x27, 0x60: true
    default: false
    }
  }

  private static func isVowel(_ byte: UInt8) -> Bool {
    switch byte | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): isLetter(byte)
    default: false
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(48)...UInt8(57)).contains(byte) }

  private static func isLetter(_ byte: UInt8) -> Bool {
    let folded: UInt8 = byte | 0x20
    return (UInt8(97)...UInt8(122)).contains(folded)
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    if byte == UInt8(0x5F) { return true }
    return isLetter(byte) || isDigit(byte)
  }

  static func isHex(_ byte: UInt8) -> Bool {
    let folded: UInt8 = byte | 0x20
    return isDigit(byte) || (UInt8(97)...UInt8(102)).contains(folded)
  }

  private static func isBase64(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x2B, 0x2F, 0x3D, 0x2D, 0x5F: true
    default: isLetter(byte) || isDigit(byte)
    }
  }

  private static func isLower(_ byte: UInt8) -> Bool { (UInt8(97)...UInt8(122)).contains(byte) }
  private static func isUpper(_ byte: UInt8) -> Bool { (UInt8(65)...UInt8(90)).contains(byte) }
}
