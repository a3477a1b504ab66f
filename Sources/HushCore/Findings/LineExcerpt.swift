/// The line around a secret, kept for the text report's frame (the line, the secret masked, a
/// caret under it). Bounded either side: a minified line is megabytes long. The secret itself
/// is not kept here: reports show it through `ReportOptions.secret(of:)`, redacted by default.
public struct LineExcerpt: Sendable, Equatable {
  /// How many bytes of the line are kept before and after the secret.
  static let reach = 60

  /// The bytes of the line before the secret (at most `reach`).
  let before: [UInt8]
  /// The bytes of the line after the secret (at most `reach`); empty when the secret runs
  /// past the end of its first line.
  let after: [UInt8]
  /// Whether the line goes on before `before` / after `after`.
  let isCutBefore: Bool
  let isCutAfter: Bool

  /// The excerpt of the line that holds `secret`'s first byte.
  init(around secret: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) {
    let start = LineIndex.lineStart(before: secret.lowerBound, in: bytes, limit: Self.reach + 1)
    let cutStart = secret.lowerBound - start > Self.reach
    let from = cutStart ? secret.lowerBound - Self.reach : start
    before = Array(UnsafeBufferPointer(rebasing: bytes[from..<secret.lowerBound]))
    isCutBefore = cutStart
    // Only whether a newline falls inside the secret matters: never search past it (a
    // minified line is megabytes long, and each of its findings would search it again).
    let firstLineEnd = LineIndex.lineEnd(after: secret.lowerBound, in: bytes, limit: secret.count)
    guard firstLineEnd >= secret.upperBound else {
      (after, isCutAfter) = ([], false)
      return
    }
    let end = LineIndex.lineEnd(after: secret.upperBound, in: bytes, limit: Self.reach + 1)
    let cutEnd = end - secret.upperBound > Self.reach
    after = Array(
      UnsafeBufferPointer(rebasing: bytes[secret.upperBound..<(cutEnd ? secret.upperBound + Self.reach : end)]))
    isCutAfter = cutEnd
  }

  /// The line as it is shown: `shown` in place of the secret, every one of `others` (the
  /// other secrets found on this line) masked, control characters escaped, `…` where the line
  /// was cut. Returns the line and the columns (characters) before the secret.
  func rendered(secret shown: String, masking others: [[UInt8]]) -> (line: String, indent: Int) {
    let head = (isCutBefore ? "…" : "") + Self.printable(Self.masked(before, others))
    let tail = Self.printable(Self.masked(after, others)) + (isCutAfter ? "…" : "")
    return (head + shown + tail, head.count)
  }

  /// A line's bytes as terminal-safe text: a tab is one space (so the caret lines up), other
  /// control characters and bytes that are not UTF-8 escaped, a `\r` before the newline dropped.
  static func printable(_ bytes: [UInt8]) -> String {
    var trimmed = bytes
    if trimmed.last == 0x0D { trimmed.removeLast() }
    let text = String(decoding: trimmed.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    return Printable.text(text)
  }

  /// `bytes` with every occurrence of each of `secrets` replaced by the mask.
  static func masked(_ bytes: [UInt8], _ secrets: [[UInt8]]) -> [UInt8] {
    var out = bytes
    for secret in secrets where !secret.isEmpty {
      var index = 0
      var result: [UInt8] = []
      while index < out.count {
        if out.count - index >= secret.count && out[index..<(index + secret.count)].elementsEqual(secret) {
          result += Array(Redaction.mask.utf8)
          index += secret.count
        } else {
          result.append(out[index])
          index += 1
        }
      }
      out = result
    }
    return out
  }
}
