/// The learned scorer: gradient-boosted trees over `CandidateFeatures` (`training/model.json`,
/// compiled into the binary). A tree sends `x[feature] <= threshold` left; the probability is
/// the logistic of the sum of the leaves, as `training/check_model.py` computes it.
public struct ScoringModel: Sendable {
  /// The operating points chosen at training time (`scan`: recall-first, `staged`: precision-first).
  public let thresholds: [String: Double]
  /// Nodes of every tree, flat: `feature < 0` marks a leaf whose value is `value`.
  let feature: [Int32]
  let threshold: [Double]
  let left: [Int32]
  let right: [Int32]
  /// A leaf's value; an inner node's unweighted mean of the leaves under it (for explaining).
  let value: [Double]
  let roots: [Int32]
  /// The same nodes packed one per element, for `probability`'s walk (one cache line a node).
  let nodes: [Node]

  struct Node {
    let feature: Int32
    let left: Int32
    let right: Int32
    let threshold: Double
    let value: Double
  }

  /// The model compiled into the binary; parsed on first use, so a scan that meets no
  /// candidate never pays for it.
  public static let bundled: ScoringModel = {
    do {
      return try ScoringModel(json: Array(EmbeddedModel.json.utf8))
    } catch {
      preconditionFailure("the embedded model is invalid (the tests parse it): \(error)")
    }
  }()

  /// A model from the JSON `train.py --export` writes.
  public init(json: [UInt8]) throws(ModelError) {
    guard case .object(let document) = try MiniJSON.parse(json, skipping: "trees") else {
      throw .invalid("not an object")
    }
    guard case .array(let names)? = document["features"],
      names.map({ if case .string(let name) = $0 { name } else { "" } }) == CandidateFeatures.names
    else { throw .invalid("its features are not the ones this Hush computes") }
    guard case .object(let points)? = document["thresholds"] else { throw .invalid("no thresholds") }
    thresholds = points.compactMapValues { if case .number(let value) = $0 { value } else { nil } }
    guard case .skipped(let trees)? = document["trees"] else { throw .invalid("no trees") }
    var builder = Builder(features: names.count)
    var parser = MiniJSON.Parser(bytes: json, offset: trees.lowerBound)
    roots = try builder.trees(&parser)
    guard !roots.isEmpty, parser.offset == trees.upperBound else { throw .invalid("no trees") }
    feature = builder.feature
    threshold = builder.threshold
    left = builder.left
    right = builder.right
    value = builder.value
    nodes = builder.feature.indices.map { index in
      Node(
        feature: builder.feature[index], left: builder.left[index], right: builder.right[index],
        threshold: builder.threshold[index], value: builder.value[index])
    }
  }

  /// The probability that the candidate of vector `x` is a real credential.
  /// The walk reads through buffer pointers: the indices come from a model whose features and
  /// children were checked when it was parsed, and array bounds checks were a third of its time.
  public func probability(_ x: [Double]) -> Double {
    precondition(x.count == CandidateFeatures.names.count, "a vector of every feature")
    let raw = x.withUnsafeBufferPointer { x in
      nodes.withUnsafeBufferPointer { nodes in
        var sum = 0.0
        for root in roots {
          var node = nodes[Int(root)]
          while node.feature >= 0 {
            node = nodes[Int(x[Int(node.feature)] <= node.threshold ? node.left : node.right)]
          }
          sum += node.value
        }
        return sum
      }
    }
    return 1 / (1 + exp(-raw))
  }

  /// The features that moved the score most, signed (in log-odds): along each tree's path, a
  /// split's feature gets the change from the node's mean leaf to the chosen child's.
  public func contributions(_ x: [Double], top: Int) -> [(feature: String, change: Double)] {
    var total = [Double](repeating: 0, count: CandidateFeatures.names.count)
    for root in roots {
      var node = Int(root)
      while feature[node] >= 0 {
        let next = Int(x[Int(feature[node])] <= threshold[node] ? left[node] : right[node])
        total[Int(feature[node])] += value[next] - value[node]
        node = next
      }
    }
    return total.indices.sorted { abs(total[$0]) > abs(total[$1]) }.prefix(top)
      .filter { total[$0] != 0 }.map { (CandidateFeatures.names[$0], total[$0]) }
  }

  /// Flattens nested `[feature, threshold, left, right]` trees, read straight from the JSON's
  /// bytes: as `MiniJSON` values, their 18,000 nodes took most of the model's load time to
  /// build and free.
  private struct Builder {
    var feature: [Int32] = []
    var threshold: [Double] = []
    var left: [Int32] = []
    var right: [Int32] = []
    var value: [Double] = []
    var leafCount: [Int] = []
    let features: Int

    init(features: Int) { self.features = features }

    /// Every tree of the array at the parser's offset; their roots.
    mutating func trees(_ parser: inout MiniJSON.Parser) throws(ModelError) -> [Int32] {
      try parser.expect("[")
      var roots: [Int32] = []
      repeat {
        roots.append(try node(&parser))
        parser.skipSpace()
      } while try !parser.separator(closing: "]")
      return roots
    }

    private mutating func node(_ parser: inout MiniJSON.Parser) throws(ModelError) -> Int32 {
      let index = feature.count
      feature.append(-1)
      threshold.append(0)
      left.append(-1)
      right.append(-1)
      value.append(0)
      leafCount.append(1)
      parser.skipSpace()
      guard parser.peek() == UInt8(ascii: "[") else {
        value[index] = try parser.double()
        return Int32(index)
      }
      try parser.expect("[")
      guard let splitFeature = Int32(exactly: try parser.double()), splitFeature >= 0, Int(splitFeature) < features
      else { throw .invalid("a split is not [feature, threshold, left, right]") }
      try parser.expect(",")
      threshold[index] = try parser.double()
      try parser.expect(",")
      let leftChild = try node(&parser)
      try parser.expect(",")
      let rightChild = try node(&parser)
      try parser.expect("]")
      feature[index] = splitFeature
      left[index] = leftChild
      right[index] = rightChild
      let leftLeaves: Int = leafCount[Int(leftChild)]
      let rightLeaves: Int = leafCount[Int(rightChild)]
      let leftSum: Double = value[Int(leftChild)] * Double(leftLeaves)
      let rightSum: Double = value[Int(rightChild)] * Double(rightLeaves)
      value[index] = (leftSum + rightSum) / Double(leftLeaves + rightLeaves)
      leafCount[index] = leftLeaves + rightLeaves
      return Int32(index)
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
