// Compiles the rule files (and the scorer's model, as flat arrays: ModelEmbed.swift) into Swift source for HushCore:
//   catalog-embed OUTPUT.swift [--model MODEL.json MODEL_OUTPUT.swift] patterns/a.toml patterns/b.toml ...
// Every rule is parsed and validated here, with the same code Hush uses for users' rules, so a
// malformed rule (bad TOML, a missing or mistyped field, a duplicate id) fails the build with
// its file:line. Regexes are compiled and examples run by `hush rules check` and the tests:
// this tool does not link PCRE2.
import Foundation
import HushRules

/// A Swift string literal for any text (escapes quotes, backslashes, control characters).
func literal(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      out += "\\u{\(String(scalar.value, radix: 16))}"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}

func literal(_ strings: [String]) -> String {
  "[" + strings.map(literal).joined(separator: ", ") + "]"
}

/// `[[12..<52], []]`: each example's secret ranges.
func literal(_ spans: [[Range<Int>]]) -> String {
  "["
    + spans.map { "[" + $0.map { "\($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ") + "]" }
    .joined(separator: ", ") + "]"
}

func optional(_ value: String?) -> String { value.map(literal) ?? "nil" }

/// The keyword automaton, built here once rather than at every start of Hush (it was a fifth
/// of a pre-commit run's instructions), as array literals of constants: the compiler lays
/// those out as static data, so a start reads them in place instead of decoding text into
/// fresh memory (that decoding was another 2.6 M instructions and 60 page faults).
func source(for table: KeywordTable) -> String {
  let blueprint = table.blueprint
  func list<T: BinaryInteger>(_ values: [T]) -> String {
    stride(from: 0, to: values.count, by: 24).map { start in
      "    " + values[start..<min(start + 24, values.count)].map { "\($0)" }.joined(separator: ", ") + ","
    }.joined(separator: "\n")
  }
  func array(_ name: String, _ type: String, _ values: String) -> String {
    "  private static let keyword\(name): [\(type)] = [\n\(values)\n  ]\n"
  }
  let keywords = blueprint.keywords.map { "    [" + $0.map { "\($0)" }.joined(separator: ", ") + "]," }
  let arrays: [(name: String, type: String, values: String)] = [
    ("Keywords", "[UInt8]", keywords.joined(separator: "\n")), ("ByteClass", "UInt8", list(blueprint.byteClass)),
    ("Order", "Int32", list(blueprint.order)), ("Failure", "Int32", list(blueprint.failure)),
    ("EdgeStart", "Int32", list(blueprint.edgeStart)), ("EdgeClass", "Int32", list(blueprint.edgeClass)),
    ("EdgeTarget", "Int32", list(blueprint.edgeTarget)), ("OutputStart", "Int32", list(blueprint.outputStart)),
    ("OutputKeywords", "Int32", list(blueprint.outputKeywords)), ("RuleStart", "Int", list(table.ruleStart)),
    ("RuleList", "Int", list(table.ruleList)),
  ]
  return """

      /// `KeywordTable(rules: embeddedRules)`, built at build time.
      static let embeddedKeywordTable = KeywordTable(
        blueprint: KeywordIndex.Blueprint(
          keywords: keywordKeywords, byteClass: keywordByteClass, classCount: \(blueprint.classCount),
          order: keywordOrder, failure: keywordFailure, edgeStart: keywordEdgeStart, edgeClass: keywordEdgeClass,
          edgeTarget: keywordEdgeTarget, firstOutputState: \(blueprint.firstOutputState),
          outputStart: keywordOutputStart, outputKeywords: keywordOutputKeywords),
        ruleStart: keywordRuleStart, ruleList: keywordRuleList, ruleCount: embeddedRules.count)

    """ + arrays.map { array($0.name, $0.type, $0.values) }.joined()
}

/// One rule as a function of its own: one array literal of 450 `Rule(...)` calls is a single
/// constraint system that takes the type checker over 10 GB; 450 small ones take 120 MB.
func source(for rule: Rule, number: Int) -> String {
  """
    private static func rule\(number)() -> Rule {
      Rule(
        id: \(literal(rule.id)), description: \(literal(rule.description)),
        provider: \(literal(rule.provider)), severity: .\(rule.severity.rawValue),
        keywords: \(literal(rule.keywords)),
        regex: \(literal(rule.regex)),
        secretGroup: \(rule.secretGroup), minEntropy: \(rule.minEntropy.map { "\($0)" } ?? "nil"),
        validator: \(rule.validator.map { "Validator(rawValue: \(literal($0.rawValue)))" } ?? "nil"),
        isMultiline: \(rule.isMultiline), isScored: \(rule.isScored), reference: \(optional(rule.reference)),
        rotate: \(literal(rule.rotate)),
        examples: \(literal(rule.examples)),
        exampleSecrets: \(literal(rule.exampleSecrets)),
        counterExamples: \(literal(rule.counterExamples)),
        paths: \(literal(rule.paths)), location: \(literal(rule.location)))
    }

  """
}

/// Writes `data` to `path` unless the file already holds it, so HushCore is not rebuilt for nothing.
func writeIfChanged(_ data: Data, to path: String) throws {
  if (try? Data(contentsOf: URL(fileURLWithPath: path))) != data {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}

/// The tool's entry point. `@main` rather than top-level code: a build with `--sanitize fuzzer`
/// (make fuzz) compiles every executable with `-parse-as-library`, this build tool too.
@main enum CatalogEmbed {
  static func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let outputPath = arguments.first else {
      FileHandle.standardError.write(Data("usage: catalog-embed OUTPUT [--model MODEL OUTPUT] FILE...\n".utf8))
      exit(2)
    }
    arguments.removeFirst()
    if arguments.first == "--model", arguments.count >= 3 {
      try embedModel(from: arguments[1], to: arguments[2])
      arguments.removeFirst(3)
    }
    let files = try arguments.map { path in
      (
        name: "patterns/" + URL(fileURLWithPath: path).lastPathComponent,
        text: try String(contentsOfFile: path, encoding: .utf8)
      )
    }
    let catalog: RuleCatalog
    do {
      catalog = try RuleCatalog.parse(files: files)
    } catch {
      // "file:line: message" is how compilers report, so the build log points at the rule.
      FileHandle.standardError.write(Data("\(error): error: invalid rule\n".utf8))
      exit(1)
    }
    // The built-in catalog marks the secret of every example, so `rules check` can verify the
    // rule captures exactly it; users' rules may leave examples unmarked.
    let unmarked = catalog.rules.flatMap { rule in
      rule.exampleSecrets.indices.filter { rule.exampleSecrets[$0].isEmpty }.map { (rule, $0 + 1) }
    }
    for (rule, number) in unmarked {
      FileHandle.standardError.write(
        Data("\(rule.location): error: \(rule.id): example \(number) marks no secret (put ⟦ ⟧ around it)\n".utf8))
    }
    if !unmarked.isEmpty { exit(1) }
    var output = """
      // Generated by the CatalogEmbedder plugin from patterns/*.toml. Do not edit.
      import HushRules

      extension RuleCatalog {
        /// Every rule of patterns/, in file-name order then file order.
        static let embeddedRules: [Rule] = [

      """
    output += catalog.rules.indices.map { "    rule\($0)()," }.joined(separator: "\n") + "\n  ]\n\n"
    for (number, rule) in catalog.rules.enumerated() { output += source(for: rule, number: number) }
    output += source(for: KeywordTable(rules: catalog.rules))
    output += "}\n"
    try writeIfChanged(Data(output.utf8), to: outputPath)
  }
}

// `make fuzz` builds with `--sanitize fuzzer`, which links libFuzzer and its `main` into every
// executable of the build, this tool too (`-Xlinker --allow-multiple-definition` lets that
// link succeed, with libFuzzer's `main`). libFuzzer's `main` calls `LLVMFuzzerInitialize`
// before anything else: the tool runs there and exits, with `_exit` so that LeakSanitizer's
// exit-time check (the runtime's globals are never freed) does not fail the build step. No
// other build calls these two.
@_cdecl("LLVMFuzzerInitialize")
func fuzzerInitialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
  do {
    // libFuzzer's `main` calls it on the main thread.
    try MainActor.assumeIsolated { try CatalogEmbed.main() }
  } catch {
    FileHandle.standardError.write(Data("catalog-embed: \(error)\n".utf8))
    _exit(1)
  }
  _exit(0)
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafeRawPointer?, _ size: Int) -> Int32 { 0 }
