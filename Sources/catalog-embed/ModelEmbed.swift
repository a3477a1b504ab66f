// `--model MODEL.json OUTPUT.swift`: the scorer's trees compiled into ready-to-use arrays, so
// the binary neither parses JSON nor converts decimal numbers when it first scores a candidate
// (that was 25 M instructions, paid by `hush staged` at its first candidate). An optimised
// build lays a `[UInt64]` literal of constants out as static data: the walk reads it in place.
import Foundation

/// The model's JSON, numbers read with `strtod` (correctly rounded, as HushCore's `MiniJSON`
/// reads a `$HUSH_MODEL`), so the embedded doubles are the bits of the file's decimals.
enum ModelJSON {
  case object([String: ModelJSON])
  case array([ModelJSON])
  case number(Double)
  case string(String)

  struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func value() throws -> ModelJSON {
      skipSpace()
      guard offset < bytes.count else { throw ModelEmbedError.syntax(offset) }
      switch bytes[offset] {
      case UInt8(ascii: "{"): return try members()
      case UInt8(ascii: "["): return try elements()
      case UInt8(ascii: "\""): return .string(try string())
      default: return .number(try number())
      }
    }

    mutating func skipSpace() {
      while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
    }

    mutating func expect(_ byte: Character) throws {
      skipSpace()
      guard offset < bytes.count, bytes[offset] == byte.asciiValue else { throw ModelEmbedError.syntax(offset) }
      offset += 1
    }

    /// Whether the container goes on (`,`) or ends (`closing`).
    mutating func more(closing: Character) throws -> Bool {
      skipSpace()
      guard offset < bytes.count else { throw ModelEmbedError.syntax(offset) }
      offset += 1
      if bytes[offset - 1] == UInt8(ascii: ",") { return true }
      if bytes[offset - 1] == closing.asciiValue { return false }
      throw ModelEmbedError.syntax(offset - 1)
    }

    mutating func members() throws -> ModelJSON {
      try expect("{")
      var object: [String: ModelJSON] = [:]
      repeat {
        skipSpace()
        let key = try string()
        try expect(":")
        object[key] = try value()
      } while try more(closing: "}")
      return .object(object)
    }

    mutating func elements() throws -> ModelJSON {
      try expect("[")
      var array: [ModelJSON] = []
      repeat { array.append(try value()) } while try more(closing: "]")
      return .array(array)
    }

    /// A string without escapes (feature names, thresholds' names).
    mutating func string() throws -> String {
      try expect("\"")
      guard let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\"")),
        !bytes[offset..<end].contains(UInt8(ascii: "\\"))
      else { throw ModelEmbedError.syntax(offset) }
      defer { offset = end + 1 }
      return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    mutating func number() throws -> Double {
      var end = offset
      while end < bytes.count, "+-.0123456789eE".utf8.contains(bytes[end]) { end += 1 }
      guard end > offset else { throw ModelEmbedError.syntax(offset) }
      let text = String(decoding: bytes[offset..<end], as: UTF8.self)
      var stop: UnsafeMutablePointer<CChar>?
      let value = text.withCString { (start: UnsafePointer<CChar>) -> Double? in
        let value = strtod(start, &stop)
        return stop.map { UnsafePointer($0) } == start + text.utf8.count ? value : nil
      }
      guard let value else { throw ModelEmbedError.syntax(offset) }
      offset = end
      return value
    }
  }
}

enum ModelEmbedError: Error, CustomStringConvertible {
  case syntax(Int)
  case shape(String)

  var description: String {
    switch self {
    case .syntax(let offset): "training/model.json: invalid JSON at byte \(offset)"
    case .shape(let why): "training/model.json: \(why)"
    }
  }
}

/// The trees flattened for the walk, the layout `ScoringModel` documents: three words per split
/// (threshold bits; feature; left child in the low half, right child in the high half, each an
/// Int32 whose complement, when negative, is a leaf's index), splits in preorder; leaves apart.
struct FlatTrees {
  var splits: [UInt64] = []
  var leaves: [UInt64] = []
  var roots: [Int32] = []

  init(_ trees: [ModelJSON], features: Int) throws {
    for tree in trees { roots.append(try append(tree, features: features)) }
  }

  /// The node's reference: a split's index, or the complement of a leaf's.
  private mutating func append(_ node: ModelJSON, features: Int) throws -> Int32 {
    switch node {
    case .number(let leaf):
      leaves.append(leaf.bitPattern)
      return ~Int32(leaves.count - 1)
    case .array(let split):
      guard split.count == 4, case .number(let feature) = split[0], case .number(let threshold) = split[1],
        let featureIndex = Int(exactly: feature), (0..<features).contains(featureIndex)
      else { throw ModelEmbedError.shape("a split is not [feature, threshold, left, right]") }
      let index = splits.count / 3
      splits += [threshold.bitPattern, UInt64(featureIndex), 0]
      let left = try append(split[2], features: features)
      let right = try append(split[3], features: features)
      splits[3 * index + 2] = UInt64(UInt32(bitPattern: left)) | UInt64(UInt32(bitPattern: right)) << 32
      return Int32(index)
    default:
      throw ModelEmbedError.shape("a tree node is neither a leaf nor a split")
    }
  }
}

func embedModel(from modelPath: String, to outputPath: String) throws {
  var reader = ModelJSON.Reader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: modelPath))))
  guard case .object(let document) = try reader.value(), case .array(let names)? = document["features"],
    case .object(let points)? = document["thresholds"], case .array(let trees)? = document["trees"]
  else { throw ModelEmbedError.shape("no features, thresholds or trees") }
  let features = names.map { if case .string(let name) = $0 { name } else { "" } }
  let flat = try FlatTrees(trees, features: features.count)
  let thresholds = points.sorted { $0.key < $1.key }.map { name, value in
    guard case .number(let number) = value else { return "" }
    return "\(literal(name)): Double(bitPattern: 0x\(String(number.bitPattern, radix: 16)))"
  }
  let source = """
    // Generated by the CatalogEmbedder plugin from training/model.json. Do not edit.
    /// The scoring model as `training/train.py --export` wrote it, flattened for the walk
    /// (`ScoringModel` documents the layout of `splits`).
    enum EmbeddedModel {
      /// The features the trees split on, in the vector's order.
      static let features: [String] = \(literal(features))
      /// The operating points.
      static let thresholds: [String: Double] = [\(thresholds.joined(separator: ", "))]
      /// Each tree's first node.
      static let roots: [Int32] = [\(flat.roots.map(String.init).joined(separator: ", "))]
      /// Three words a split, every tree's splits in preorder.
      static let splits: [UInt64] = [
    \(words(flat.splits))
      ]
      /// The leaves' values (bit patterns).
      static let leaves: [UInt64] = [
    \(words(flat.leaves))
      ]
    }

    """
  try writeIfChanged(Data(source.utf8), to: outputPath)
}

/// Hex literals, four a line.
private func words(_ words: [UInt64]) -> String {
  stride(from: 0, to: words.count, by: 4).map { start in
    "    "
      + words[start..<min(start + 4, words.count)].map { "0x" + String($0, radix: 16) + "," }
      .joined(separator: " ")
  }.joined(separator: "\n")
}
