/// A rule example as written, `⟦` and `⟧` around each secret the rule must report
/// (`KEY=⟦sk_live_…⟧`), split into the text the rule sees and the byte ranges of the secrets.
/// The brackets (U+27E6, U+27E7) are mathematical white square brackets: no token, key or
/// password format uses them, so they can never be part of an example's real text.
public struct MarkedExample: Sendable, Equatable {
  /// Opens a marked secret.
  public static let open: Character = "⟦"
  /// Closes a marked secret.
  public static let close: Character = "⟧"

  /// The example without its markers: the text a rule is run on.
  public let text: String
  /// UTF-8 byte ranges of the marked secrets in `text`, in order.
  public let secrets: [Range<Int>]

  /// Why the markers of an example cannot be read.
  public enum MarkerError: Error, Equatable {
    case unclosed, unopened, nested, empty
  }

  /// Splits `written` into text and secret ranges; markers must pair up, not nest, and
  /// each must enclose at least one character.
  public init(_ written: String) throws(MarkerError) {
    var text: [UInt8] = []
    var secrets: [Range<Int>] = []
    var openedAt: Int?
    for character in written {
      switch character {
      case Self.open:
        guard openedAt == nil else { throw .nested }
        openedAt = text.count
      case Self.close:
        guard let start = openedAt else { throw .unopened }
        guard text.count > start else { throw .empty }
        secrets.append(start..<text.count)
        openedAt = nil
      default:
        text += Array(String(character).utf8)
      }
    }
    guard openedAt == nil else { throw .unclosed }
    self.text = String(decoding: text, as: UTF8.self)
    self.secrets = secrets
  }

  /// `text` with the markers put back around `secrets` (ranges sorted and not overlapping).
  public static func written(_ text: String, secrets: [Range<Int>]) -> String {
    var bytes = Array(text.utf8)
    for range in secrets.sorted(by: { $0.lowerBound > $1.lowerBound }) {
      bytes.insert(contentsOf: String(close).utf8, at: range.upperBound)
      bytes.insert(contentsOf: String(open).utf8, at: range.lowerBound)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension MarkedExample.MarkerError: CustomStringConvertible {
  /// What is wrong with the markers, for a `file:line:` message.
  public var description: String {
    switch self {
    case .unclosed: "a '⟦' is not closed by '⟧'"
    case .unopened: "a '⟧' closes no '⟦'"
    case .nested: "a '⟦' opens inside another marked secret"
    case .empty: "'⟦⟧' marks an empty secret"
    }
  }
}
