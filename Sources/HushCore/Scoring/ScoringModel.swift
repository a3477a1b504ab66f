/// The learned scorer: gradient-boosted trees over `CandidateFeatures` (`training/model.json`,
/// compiled into the binary). A tree sends `x[feature] <= threshold` left; the probability is
/// the logistic of the sum of the leaves, as `training/check_model.py` computes it.
public struct ScoringModel: Sendable {
  /// The operating points chosen at training time (`scan`: recall-first, `staged`: precision-first).
  public let thresholds: [String: Double]
  /// Every tree's nodes in preorder, two words a node: word 2i holds the bits of the split's
  /// threshold (of a leaf: its value), word 2i+1 the split's feature in its high half (all
  /// ones for a leaf) and its right child's index in its low half; the left child is node i+1.
  /// The embedded model's array is static data (catalog-embed writes it): nothing to parse.
  let nodes: [UInt64]
  /// Each tree's first node.
  let roots: [UInt32]

  static let leafMark: UInt64 = 0xFFFF_FFFF

  /// The model compiled into the binary (`EmbeddedModel`, generated from `training/model.json`).
  public static let bundled = ScoringModel(
    nodes: EmbeddedModel.nodes, roots: EmbeddedModel.roots, thresholds: EmbeddedModel.thresholds)

  init(nodes: [UInt64], roots: [UInt32], thresholds: [String: Double]) {
    self.nodes = nodes
    self.roots = roots
    self.thresholds = thresholds
  }

  /// A model from the JSON `train.py --export` writes (`$HUSH_MODEL`, for evaluation).
  public init(json: [UInt8]) throws(ModelError) {
    guard case .object(let document) = try MiniJSON.parse(json, skipping: "trees") else {
      throw .invalid("not an object")
    }
    guard case .array(let names)? = document["features"],
      names.map({ if case .string(let name) = $0 { name } else { "" } }) == CandidateFeatures.names
    else { throw .invalid("its features are not the ones this Hush computes") }
    guard case .object(let points)? = document["thresholds"] else { throw .invalid("no thresholds") }
    guard case .skipped(let trees)? = document["trees"] else { throw .invalid("no trees") }
    var builder = Builder(features: names.count)
    var parser = MiniJSON.Parser(bytes: json, offset: trees.lowerBound)
    let roots = try builder.trees(&parser)
    guard !roots.isEmpty, parser.offset == trees.upperBound else { throw .invalid("no trees") }
    self.init(
      nodes: builder.nodes, roots: roots,
      thresholds: points.compactMapValues { if case .number(let value) = $0 { value } else { nil } })
  }

  /// Whether every split names a feature of the vector and every child is a node of the model
  /// (`probability` walks without bounds checks; the tests check the embedded model).
  var isWellFormed: Bool {
    let count = nodes.count / 2
    guard nodes.count % 2 == 0, roots.allSatisfy({ Int($0) < count }) else { return false }
    return (0..<count).allSatisfy { index in
      let link = nodes[2 * index + 1]
      if link >> 32 == Self.leafMark { return true }
      let right = Int(link & Self.leafMark)
      return Int(link >> 32) < CandidateFeatures.names.count && index + 1 < count && right > index + 1
        && right < count
    }
  }

  /// The probability that the candidate of vector `x` is a real credential.
  public func probability(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { probability($0) }
  }

  /// The probability of a vector held in a caller's buffer (the detector reuses one).
  /// The walk reads through buffer pointers: the indices come from a model checked when it was
  /// read (`isWellFormed`), and array bounds checks were a third of its time.
  public func probability(_ x: UnsafeBufferPointer<Double>) -> Double {
    precondition(x.count == CandidateFeatures.names.count, "a vector of every feature")
    let raw = nodes.withUnsafeBufferPointer { nodes in
      var sum = 0.0
      for root in roots {
        var index = Int(root)
        while true {
          let link = nodes[2 * index + 1]
          let split = Double(bitPattern: nodes[2 * index])
          let feature = link >> 32
          if feature == Self.leafMark {
            sum += split
            break
          }
          index = x[Int(feature)] <= split ? index + 1 : Int(link & Self.leafMark)
        }
      }
      return sum
    }
    return 1 / (1 + exp(-raw))
  }

  /// The features that moved the score most, signed (in log-odds): along each tree's path, a
  /// split's feature gets the change from the node's mean leaf to the chosen child's.
  public func contributions(_ x: [Double], top: Int) -> [(feature: String, change: Double)] {
    let means = meanLeaves()
    var total = [Double](repeating: 0, count: CandidateFeatures.names.count)
    for root in roots {
      var node = Int(root)
      while nodes[2 * node + 1] >> 32 != Self.leafMark {
        let link = nodes[2 * node + 1]
        let feature = Int(link >> 32)
        let next = x[feature] <= Double(bitPattern: nodes[2 * node]) ? node + 1 : Int(link & Self.leafMark)
        total[feature] += means[next] - means[node]
        node = next
      }
    }
    return total.indices.sorted { abs(total[$0]) > abs(total[$1]) }.prefix(top)
      .filter { total[$0] != 0 }.map { (CandidateFeatures.names[$0], total[$0]) }
  }

  /// Each node's unweighted mean of the leaves under it (a leaf: its value), for explaining.
  /// Children follow their parent in preorder, so one backward pass finds them all; computed
  /// per call, as only `--explain` asks (a few hundred microseconds).
  func meanLeaves() -> [Double] {
    let count = nodes.count / 2
    var mean = [Double](repeating: 0, count: count)
    var leaves = [Int](repeating: 1, count: count)
    for index in stride(from: count - 1, through: 0, by: -1) {
      let link = nodes[2 * index + 1]
      guard link >> 32 != Self.leafMark else {
        mean[index] = Double(bitPattern: nodes[2 * index])
        continue
      }
      let left = index + 1
      let right = Int(link & Self.leafMark)
      let leftSum: Double = mean[left] * Double(leaves[left])
      let rightSum: Double = mean[right] * Double(leaves[right])
      leaves[index] = leaves[left] + leaves[right]
      mean[index] = (leftSum + rightSum) / Double(leaves[index])
    }
    return mean
  }

  /// Flattens nested `[feature, threshold, left, right]` trees into `nodes`' layout, read
  /// straight from the JSON's bytes (catalog-embed's `FlatTrees` does the same at build time).
  private struct Builder {
    var nodes: [UInt64] = []
    let features: Int

    init(features: Int) { self.features = features }

    /// Every tree of the array at the parser's offset; their roots.
    mutating func trees(_ parser: inout MiniJSON.Parser) throws(ModelError) -> [UInt32] {
      try parser.expect("[")
      var roots: [UInt32] = []
      repeat {
        roots.append(UInt32(nodes.count / 2))
        try node(&parser)
        parser.skipSpace()
      } while try !parser.separator(closing: "]")
      return roots
    }

    private mutating func node(_ parser: inout MiniJSON.Parser) throws(ModelError) {
      let index = nodes.count / 2
      parser.skipSpace()
      guard parser.peek() == UInt8(ascii: "[") else {
        nodes += [try parser.double().bitPattern, ScoringModel.leafMark << 32]
        return
      }
      try parser.expect("[")
      guard let feature = Int(exactly: try parser.double()), feature >= 0, feature < features
      else { throw .invalid("a split is not [feature, threshold, left, right]") }
      try parser.expect(",")
      nodes += [try parser.double().bitPattern, 0]
      try parser.expect(",")
      try node(&parser)
      nodes[2 * index + 1] = UInt64(feature) << 32 | UInt64(nodes.count / 2)
      try parser.expect(",")
      try node(&parser)
      try parser.expect("]")
    }
  }
}

/// Why a model file cannot be used.
public enum ModelError: Error, CustomStringConvertible {
  case invalid(String)
  case syntax(offset: Int)

  /// The message.
  public var description: String {
    switch self {
    case .invalid(let why): "not a Hush scoring model: \(why)"
    case .syntax(let offset): "not a Hush scoring model: invalid JSON at byte \(offset)"
    }
  }
}
