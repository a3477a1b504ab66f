import Foundation
import HushCore

/// How configuration and code in common formats assign a value to a name.
enum FileFormats {
  struct File {
    let format: String
    let path: String
    let text: String
  }

  /// One file per format, each assigning `value` to `name` the way that format does.
  static func assignments(name: String, value: String) -> [File] {
    let lower = name.lowercased()
    return [
      File(format: "env", path: "deploy/app.env", text: "# service settings\nLOG_LEVEL=info\n\(name)=\(value)\n"),
      File(
        format: "shell", path: "scripts/deploy.sh",
        text: "#!/bin/sh\nset -eu\nexport \(name)=\"\(value)\"\n./run --prod\n"),
      File(
        format: "yaml", path: "config/settings.yaml", text: "service:\n  region: eu-west-1\n  \(lower): \"\(value)\"\n"),
      File(
        format: "json", path: "config/settings.json",
        text: "{\n  \"region\": \"eu-west-1\",\n  \"\(name)\": \"\(value)\"\n}\n"),
      File(format: "python", path: "app/settings.py", text: "import os\n\nDEBUG = False\n\(name) = \"\(value)\"\n"),
      File(
        format: "javascript", path: "src/config.js",
        text: "export const config = {\n  region: 'eu-west-1',\n  \(camel(name)): '\(value)',\n};\n"),
      File(
        format: "swift", path: "Sources/App/Secrets.swift",
        text: "enum Secrets {\n  static let \(camel(name)) = \"\(value)\"\n}\n"),
      File(
        format: "go", path: "internal/config/config.go", text: "package config\n\nconst \(camel(name)) = \"\(value)\"\n"
      ),
      File(
        format: "xml", path: "conf/app.config",
        text:
          "<configuration>\n  <appSettings>\n    <add key=\"\(name)\" value=\"\(value)\" />\n  </appSettings>\n</configuration>\n"
      ),
      File(
        format: "properties", path: "src/main/resources/app.properties",
        text: "app.region=eu-west-1\n\(lower.replacingOccurrences(of: "_", with: "."))=\(value)\n"),
      File(format: "dockerfile", path: "Dockerfile", text: "FROM alpine:3.20\nENV \(name)=\(value)\nCMD [\"/app\"]\n"),
      File(
        format: "ci-yaml", path: ".github/workflows/deploy.yml",
        text:
          "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      \(name): \(value)\n    steps:\n      - run: ./deploy\n"
      ),
    ]
  }

  /// A multi-line block (a private key) as a file of its own, a YAML block scalar and a JSON
  /// string; with the block and the secret as each container writes them.
  static func multiline(block: String, secret: String) -> [(file: File, block: String, secret: String)] {
    let indent = { (text: String) in
      text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
        .joined(separator: "\n")
    }
    let escape = { (text: String) in text.replacingOccurrences(of: "\n", with: "\\n") }
    let indented = indent(block)
    return [
      (File(format: "key file", path: "deploy/id_key.pem", text: block + "\n"), block, secret),
      (
        File(format: "yaml", path: "config/tls.yaml", text: "tls:\n  key: |\n\(indented)\n"),
        String(indented.dropFirst(2)), String(indent(secret).dropFirst(2))
      ),
      (
        File(
          format: "json", path: "config/service-account.json",
          text: "{\n  \"type\": \"service_account\",\n  \"private_key\": \"\(escape(block))\"\n}\n"),
        escape(block), escape(secret)
      ),
    ]
  }

  /// The name to assign a value to: the one the example used, prefixed with the rule's keyword
  /// when that name alone no longer says which provider it is (`Client(api_key=...)`).
  static func name(in lead: String, value: String, rule: Rule) -> String {
    guard let name = assignedName(in: lead) else { return fallbackName(for: rule) }
    let context = (name + value).lowercased()
    if rule.keywords.contains(where: { context.contains($0) }) { return name }
    guard let keyword = rule.keywords.first(where: { $0.allSatisfy { $0.isLetter || $0.isNumber } }) else {
      return fallbackName(for: rule)
    }
    return keyword.uppercased() + "_" + name
  }

  /// The name a value is assigned to at the end of `lead` (`MAILCHIMP_API_KEY=`,
  /// `"apiKey": "`, `export X_TOKEN='`), or nil when the value is not assigned (a header, a URL).
  static func assignedName(in lead: String) -> String? {
    let line = lead.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? lead
    let pattern = /([A-Za-z_][A-Za-z0-9_.-]{1,60})["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*["']?$/
    guard let match = line.firstMatch(of: pattern) else { return nil }
    return String(match.1)
  }

  /// `secret` widened to the value that holds it: the quoted string around it, or else the
  /// unspaced token (a URI's password travels with its URI), without a leading `NAME=`.
  static func valueRange(around secret: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
    let lineStart = bytes[..<secret.lowerBound].lastIndex(of: 10).map { $0 + 1 } ?? 0
    let lineEnd = bytes[secret.upperBound...].firstIndex(of: 10) ?? bytes.count
    for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
      if let open = bytes[lineStart..<secret.lowerBound].lastIndex(of: quote),
        let close = bytes[secret.upperBound..<lineEnd].firstIndex(of: quote)
      {
        return (open + 1)..<close
      }
    }
    let stops = Set(" \t\r\n\"'`,<>()[]{}".utf8)
    var start = secret.lowerBound
    while start > lineStart, !stops.contains(bytes[start - 1]) { start -= 1 }
    var end = secret.upperBound
    while end < lineEnd, !stops.contains(bytes[end]), bytes[end] != UInt8(ascii: ";") { end += 1 }
    if let equals = bytes[start..<secret.lowerBound].firstIndex(of: UInt8(ascii: "=")),
      bytes[start..<equals].allSatisfy({ isNameByte($0) })
    {
      start = equals + 1
    }
    return start..<end
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 46
      || byte == 45
  }

  static func fallbackName(for rule: Rule) -> String {
    rule.provider.uppercased().replacingOccurrences(of: "-", with: "_") + "_API_KEY"
  }

  /// `MAILCHIMP_API_KEY` → `mailchimpApiKey`, the way code names constants.
  static func camel(_ name: String) -> String {
    let words = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." })
    guard let first = words.first else { return name }
    let isShouted = name == name.uppercased()
    let head = isShouted ? first.lowercased() : String(first)
    return head
      + words.dropFirst().map { isShouted ? $0.lowercased().capitalized : $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  static func firstOffset(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
    haystack.withUnsafeBufferPointer { ByteSearch.firstOffset(of: needle, in: $0) }
  }
}
