/// The learned scorer: gradient-boosted trees over `CandidateFeatures` (`training/model.json`,
/// compiled into the binary). A tree sends `x[feature] <= threshold` left; the probability is
/// the logistic of the sum of the leaves, as `training/check_model.py` computes it.
public struct ScoringModel: Sendable {
  /// The operating points chosen at training time (`scan`: recall-first, `staged`: precision-first).
  public let thresholds: [String: Double]
  /// Every tree's splits in preorder, three words a split: the bits of its threshold, its
  /// feature, and its children as two Int32 (left in the low half, right in the high half), each
  /// a split's index or, when negative, the complement of a leaf's index in `leaves`. The
  /// embedded model's arrays are static data (catalog-embed writes them): nothing to parse.
  let splits: [UInt64]
  /// The leaves' values, as bit patterns.
  let leaves: [UInt64]
  /// Each tree's first node (a split, or the complement of a leaf for a tree without one).
  let roots: [Int32]

  /// The model compiled into the binary (`EmbeddedModel`, generated from `training/model.json`).
  public static let bundled = ScoringModel(
    splits: EmbeddedModel.splits, leaves: EmbeddedModel.leaves, roots: EmbeddedModel.roots,
    thresholds: EmbeddedModel.thresholds)

  init(splits: [UInt64], leaves: [UInt64], roots: [Int32], thresholds: [String: Double]) {
    self.splits = splits
    self.leaves = leaves
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
      splits: builder.splits, leaves: builder.leaves, roots: roots,
      thresholds: points.compactMapValues { if case .number(let value) = $0 { value } else { nil } })
  }

  /// Whether every split names a feature of the vector and every reference is a node of the
  /// model (`probability` walks without bounds checks; the tests check the embedded model).
  var isWellFormed: Bool {
    let count = splits.count / 3
    let isNode = { (reference: Int32) in reference >= 0 ? Int(reference) < count : Int(~reference) < leaves.count }
    guard splits.count % 3 == 0, roots.allSatisfy(isNode) else { return false }
    return (0..<count).allSatisfy { index in
      let (left, right) = Self.children(splits[3 * index + 2])
      // Preorder: a split's children come after it, so the walk always ends.
      let forward = { (child: Int32) in child < 0 || Int(child) > index }
      return splits[3 * index + 1] < UInt64(CandidateFeatures.names.count) && isNode(left) && isNode(right)
        && forward(left) && forward(right)
    }
  }

  static func children(_ word: UInt64) -> (left: Int32, right: Int32) {
    (Int32(truncatingIfNeeded: word), Int32(truncatingIfNeeded: word >> 32))
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
    let raw = splits.withUnsafeBufferPointer { splits in
      leaves.withUnsafeBufferPointer { leaves in
        var sum = 0.0
        for root in roots {
          var node = root
          while node >= 0 {
            let base = 3 &* Int(node)
            let goesLeft = x[Int(truncatingIfNeeded: splits[base &+ 1])] <= Double(bitPattern: splits[base])
            let children = splits[base &+ 2]
            node = Int32(truncatingIfNeeded: goesLeft ? children : children >> 32)
          }
          sum += Double(bitPattern: leaves[Int(~node)])
        }
        return sum
      }
    }
    return 1 / (1 + exp(-raw))
  }

  /// The features that moved the score most, signed (in log-odds): along each tree's path, a
  /// split's feature gets the change from the node's mean leaf to the chosen child's.
  public func contributions(_ x: [Double], top: Int) -> [(feature: String, change: Double)] {
    let means = meanLeaves()
    let mean = { (node: Int32) in node >= 0 ? means[Int(node)] : Double(bitPattern: leaves[Int(~node)]) }
    var total = [Double](repeating: 0, count: CandidateFeatures.names.count)
    for root in roots {
      var node = root
      while node >= 0 {
        let base = 3 * Int(node)
        let feature = Int(splits[base + 1])
        let (left, right) = Self.children(splits[base + 2])
        let next = x[feature] <= Double(bitPattern: splits[base]) ? left : right
        total[feature] += mean(next) - mean(node)
        node = next
      }
    }
    return total.indices.sorted { abs(total[$0]) > abs(total[$1]) }.prefix(top)
      .filter { total[$0] != 0 }.map { (CandidateFeatures.names[$0], total[$0]) }
  }

  /// Each split's unweighted mean of the leaves under it, for explaining. Children follow
  /// their parent in preorder, so one backward pass finds them all; computed per call, as only
  /// `--explain` asks (a few hundred microseconds).
  func meanLeaves() -> [Double] {
    let count = splits.count / 3
    var mean = [Double](repeating: 0, count: count)
    var leafCount = [Int](repeating: 0, count: count)
    let summary = { (node: Int32) -> (mean: Double, leaves: Int) in
      node >= 0 ? (mean[Int(node)], leafCount[Int(node)]) : (Double(bitPattern: leaves[Int(~node)]), 1)
    }
    for index in stride(from: count - 1, through: 0, by: -1) {
      let (left, right) = Self.children(splits[3 * index + 2])
      let (leftMean, leftLeaves) = summary(left)
      let (rightMean, rightLeaves) = summary(right)
      let leftSum: Double = leftMean * Double(leftLeaves)
      let rightSum: Double = rightMean * Double(rightLeaves)
      leafCount[index] = leftLeaves + rightLeaves
      mean[index] = (leftSum + rightSum) / Double(leafCount[index])
    }
    return mean
  }

  /// Flattens nested `[feature, threshold, left, right]` trees into `splits` and `leaves`, read
  /// straight from the JSON's bytes (catalog-embed's `FlatTrees` does the same at build time).
  private struct Builder {
    var splits: [UInt64] = []
    var leaves: [UInt64] = []
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

    /// The node's reference: a split's index, or the complement of a leaf's.
    private mutating func node(_ parser: inout MiniJSON.Parser) throws(ModelError) -> Int32 {
      parser.skipSpace()
      guard parser.peek() == UInt8(ascii: "[") else {
        leaves.append(try parser.double().bitPattern)
        return ~Int32(leaves.count - 1)
      }
      try parser.expect("[")
      guard let feature = Int(exactly: try parser.double()), feature >= 0, feature < features
      else { throw .invalid("a split is not [feature, threshold, left, right]") }
      try parser.expect(",")
      let index = splits.count / 3
      splits += [try parser.double().bitPattern, UInt64(feature), 0]
      try parser.expect(",")
      let left = try node(&parser)
      try parser.expect(",")
      let right = try node(&parser)
      try parser.expect("]")
      splits[3 * index + 2] = UInt64(UInt32(bitPattern: left)) | UInt64(UInt32(bitPattern: right)) << 32
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
