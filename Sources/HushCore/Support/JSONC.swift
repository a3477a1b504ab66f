/// JSON with comments and trailing commas (JSONC, as VS Code, Zed and opencode write their
/// settings), made plain JSON for the JSON parser, which takes neither.
public enum JSONC {
  /// The parsed value of `bytes`, or nil when it is not JSON even once comments and trailing
  /// commas are gone.
  public static func parse(_ bytes: some Collection<UInt8>) -> Any? {
    JSONTree.parse(normalized(Array(bytes)))
  }

  /// `bytes` with each comment blanked to spaces (newlines kept, so lines do not move) and
  /// each comma that only a `}` or `]` follows removed; strings are left as they are.
  public static func normalized(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    var pendingComma: Int?
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        let end = stringEnd(bytes, from: index)
        output += bytes[index..<end]
        pendingComma = nil
        index = end
        continue
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
        while index < bytes.count && bytes[index] != 10 {
          output.append(32)
          index += 1
        }
        continue
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
        let close = blockCommentEnd(bytes, from: index + 2)
        output += bytes[index..<close].map { $0 == 10 ? 10 : 32 }
        index = close
        continue
      case UInt8(ascii: ","):
        pendingComma = output.count
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if let comma = pendingComma { output[comma] = 32 }
        pendingComma = nil
      case 32, 9, 10, 13:
        break
      default:
        pendingComma = nil
      }
      output.append(byte)
      index += 1
    }
    return output
  }

  /// The index just past the string that starts at `start` (a `"`), escapes skipped.
  private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start + 1
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if bytes[index] == UInt8(ascii: "\"") { return index + 1 }
      index += 1
    }
    return bytes.count
  }

  /// The index just past the `*/` that closes a block comment (the end when none does).
  private static func blockCommentEnd(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/") { return index + 2 }
      index += 1
    }
    return bytes.count
  }
}
