/// The keyword prefilter: an Aho-Corasick automaton over every rule's lower-cased keywords,
/// compiled to a dense DFA so that one pass over the bytes finds every occurrence of every
/// keyword, ASCII case-insensitively.
///
/// The DFA works on byte classes (one class per distinct keyword byte, upper-case ASCII
/// folded onto lower-case, and class 0 for every other byte), which keeps the transition
/// table small enough to stay in cache. States are numbered so that every state that
/// completes a keyword comes last: the hot loop needs one load and one comparison per byte.
public struct KeywordIndex: Sendable {
  /// The keywords, lower-cased, in the order given.
  public let keywords: [[UInt8]]
  /// Byte → class.
  private let byteClass: [UInt8]
  /// Number of classes; a state's row starts at `state * classCount`.
  private let classCount: Int
  /// Row-major transitions holding the target's row offset (state × classCount).
  private let transitions: [UInt32]
  /// Row offset of the first state that completes a keyword.
  private let firstOutputOffset: UInt32
  /// For output state `s` (numbered from `firstOutputState`), its keywords are
  /// `outputKeywords[outputStart[s]..<outputStart[s + 1]]`.
  private let outputStart: [Int32]
  private let outputKeywords: [Int32]
  private let firstOutputState: Int
  /// Length of the longest keyword: how far the two halves of a buffer must overlap.
  private let maxKeywordLength: Int

  /// Builds the automaton. Keywords are lower-cased here; empty keywords are ignored.
  public init(keywords: [String]) {
    self.init(blueprint: Blueprint(keywords: keywords))
  }

  /// The automaton a blueprint describes (one computed now, or at build time).
  public init(blueprint: Blueprint) {
    keywords = blueprint.keywords
    byteClass = blueprint.byteClass
    classCount = blueprint.classCount
    transitions = blueprint.denseTransitions()
    firstOutputState = blueprint.firstOutputState
    firstOutputOffset = UInt32(blueprint.firstOutputState * blueprint.classCount)
    outputStart = blueprint.outputStart
    outputKeywords = blueprint.outputKeywords
    maxKeywordLength = blueprint.keywords.map { $0.count }.max() ?? 0
  }

  /// Appends every hit in `bytes` to `hits`, packed as `end << 20 | keyword` and sorted by
  /// `end`. Large buffers are cut in two overlapping halves run by two interleaved automata:
  /// a DFA's speed is bound by the latency of its dependent table loads, and two independent
  /// chains keep the CPU twice as busy.
  public func collectHits(in bytes: UnsafeBufferPointer<UInt8>, into hits: inout [UInt64]) {
    hits.removeAll(keepingCapacity: true)
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    let count = bytes.count
    let overlap = max(0, maxKeywordLength - 1)
    guard count >= 4096 else {
      forEachHit(in: bytes) { keyword, end in hits.append(UInt64(end) << 20 | UInt64(keyword)) }
      return
    }
    let middle = count / 2
    var second: [UInt64] = []
    transitions.withUnsafeBufferPointer { tablePointer in
      byteClass.withUnsafeBufferPointer { classPointer in
        guard let table = tablePointer.baseAddress, let classes = classPointer.baseAddress else { return }
        let threshold = firstOutputOffset
        var stateA: UInt32 = 0
        var stateB: UInt32 = 0
        // Lock-step over both halves; the second starts `overlap` early so that a keyword
        // crossing the middle is seen whole, and reports only hits ending past the middle.
        let distance = middle - overlap
        var a = 0
        while a < middle {
          a = Self.advanceBoth(
            base, distance: distance, from: a, to: middle, stateA: &stateA, stateB: &stateB,
            table: table, classes: classes, threshold: threshold)
          if stateA >= threshold { appendOutputs(of: stateA, end: a, to: &hits) }
          if stateB >= threshold && a + distance > middle {
            appendOutputs(of: stateB, end: a + distance, to: &second)
          }
        }
        var b = middle + distance
        // The second half is longer by `overlap` plus the odd byte: finish it alone.
        while b < count {
          stateB = table[Int(stateB) &+ Int(classes[Int(base[b])])]
          b &+= 1
          if stateB >= threshold && b > middle { appendOutputs(of: stateB, end: b, to: &second) }
        }
      }
    }
    hits += second
  }

  private func appendOutputs(of stateOffset: UInt32, end: Int, to hits: inout [UInt64]) {
    let state = Int(stateOffset) / classCount - firstOutputState
    for slot in Int(outputStart[state])..<Int(outputStart[state + 1]) {
      hits.append(UInt64(end) << 20 | UInt64(outputKeywords[slot]))
    }
  }

  /// Calls `onHit(keyword, end)` for every occurrence of every keyword in `bytes`, in order of
  /// `end` (the offset just past the occurrence's last byte).
  public func forEachHit(
    in bytes: UnsafeBufferPointer<UInt8>, _ onHit: (_ keyword: Int, _ end: Int) throws -> Void
  ) rethrows {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    try transitions.withUnsafeBufferPointer { table in
      try byteClass.withUnsafeBufferPointer { classes in
        guard let table = table.baseAddress, let classes = classes.baseAddress else { return }
        var state: UInt32 = 0
        var index = 0
        while index < bytes.count {
          index = Self.advance(
            base, count: bytes.count, from: index, state: &state, table: table, classes: classes,
            threshold: firstOutputOffset)
          guard index <= bytes.count, state >= firstOutputOffset else { return }
          try reportOutputs(of: state, end: index, onHit)
        }
      }
    }
  }

  /// The two-stream hot loop: runs both automata until either enters a state that completes
  /// a keyword (returning the offset just past that byte in the first stream) or the first
  /// stream reaches `end`. One index drives both (the second reads `distance` bytes further)
  /// and nothing is called inside, so the pointers stay in registers: 8 instructions a byte
  /// where the loop that handled hits inline spilled them and took 11. (The time per byte
  /// barely moved: it is bound by the latency of each stream's dependent table loads.)
  @inline(__always)
  private static func advanceBoth(
    _ base: UnsafePointer<UInt8>, distance: Int, from start: Int, to end: Int,
    stateA: inout UInt32, stateB: inout UInt32,
    table: UnsafePointer<UInt32>, classes: UnsafePointer<UInt8>, threshold: UInt32
  ) -> Int {
    let second = base + distance
    var currentA = stateA
    var currentB = stateB
    var index = start
    while index < end {
      currentA = table[Int(currentA) &+ Int(classes[Int(base[index])])]
      currentB = table[Int(currentB) &+ Int(classes[Int(second[index])])]
      index &+= 1
      if currentA >= threshold || currentB >= threshold { break }
    }
    stateA = currentA
    stateB = currentB
    return index
  }

  /// The DFA's hot loop: runs until it enters a state that completes a keyword (returning the
  /// offset just past that byte) or reaches the end. Kept free of closures and `self` so the
  /// compiler keeps everything in registers: one class load and one transition load per byte.
  @inline(__always)
  private static func advance(
    _ base: UnsafePointer<UInt8>, count: Int, from start: Int, state: inout UInt32,
    table: UnsafePointer<UInt32>, classes: UnsafePointer<UInt8>, threshold: UInt32
  ) -> Int {
    var current = state
    var index = start
    while index < count {
      current = table[Int(current) &+ Int(classes[Int(base[index])])]
      index &+= 1
      if current >= threshold { break }
    }
    state = current
    return index
  }

  private func reportOutputs(
    of stateOffset: UInt32, end: Int, _ onHit: (Int, Int) throws -> Void
  ) rethrows {
    let state = Int(stateOffset) / classCount - firstOutputState
    for slot in Int(outputStart[state])..<Int(outputStart[state + 1]) {
      try onHit(Int(outputKeywords[slot]), end)
    }
  }

  /// Every (keyword, end) hit, for tests and diagnostics.
  public func hits(in bytes: [UInt8]) -> [(keyword: Int, end: Int)] {
    var found: [(keyword: Int, end: Int)] = []
    bytes.withUnsafeBufferPointer { buffer in
      forEachHit(in: buffer) { found.append((keyword: $0, end: $1)) }
    }
    return found
  }
}

/// The keyword trie with failure links; an intermediate form of `KeywordIndex`. This runs on
/// every start of Hush (a pre-commit hook's whole budget is a few milliseconds), so the trie
/// stays sparse: each node keeps its edges as a linked list of children, and only the final
/// automaton is dense.
private struct Trie {
  /// Per node: its first child, its next sibling, and the class of the edge that leads to it
  /// (-1: none).
  private var firstChild: [Int32] = [-1]
  private var nextSibling: [Int32] = [-1]
  private var edgeClass: [Int32] = [-1]
  private var outputs: [[Int32]] = [[]]
  private let classCount: Int
  private var nodeCount: Int { outputs.count }

  init(keywords: [[UInt8]], byteClass: [UInt8], classCount: Int) {
    self.classCount = classCount
    let capacity = keywords.reduce(1) { $0 + $1.count }
    firstChild.reserveCapacity(capacity)
    nextSibling.reserveCapacity(capacity)
    edgeClass.reserveCapacity(capacity)
    outputs.reserveCapacity(capacity)
    for (id, keyword) in keywords.enumerated() where !keyword.isEmpty {
      var node: Int32 = 0
      for byte in keyword {
        let cls = Int32(byteClass[Int(byte)])
        node = child(of: node, cls) ?? addChild(to: node, cls)
      }
      outputs[Int(node)].append(Int32(id))
    }
  }

  private func child(of node: Int32, _ cls: Int32) -> Int32? {
    var candidate = firstChild[Int(node)]
    while candidate >= 0 {
      if edgeClass[Int(candidate)] == cls { return candidate }
      candidate = nextSibling[Int(candidate)]
    }
    return nil
  }

  private mutating func addChild(to node: Int32, _ cls: Int32) -> Int32 {
    let new = Int32(nodeCount)
    firstChild.append(-1)
    nextSibling.append(firstChild[Int(node)])
    edgeClass.append(cls)
    outputs.append([])
    firstChild[Int(node)] = new
    return new
  }

  /// The nodes in breadth-first order and their failure links (the longest proper suffix that
  /// is also in the trie), with every node's outputs completed by its failure node's.
  private func failureLinks() -> (order: [Int32], failure: [Int32], outputs: [[Int32]]) {
    var order: [Int32] = [0]
    order.reserveCapacity(nodeCount)
    var failure = [Int32](repeating: 0, count: nodeCount)
    var outputs = self.outputs
    var head = 0
    while head < order.count {
      let node = order[head]
      head += 1
      var next = firstChild[Int(node)]
      while next >= 0 {
        order.append(next)
        if node != 0 {
          // Follow failure links until one has an edge on this class (the root always ends it).
          let cls = edgeClass[Int(next)]
          var fallback = failure[Int(node)]
          while child(of: fallback, cls) == nil && fallback != 0 { fallback = failure[Int(fallback)] }
          let target = child(of: fallback, cls) ?? 0
          failure[Int(next)] = target
          if !outputs[Int(target)].isEmpty {
            outputs[Int(next)] += outputs[Int(target)].filter { !outputs[Int(next)].contains($0) }
          }
        }
        next = nextSibling[Int(next)]
      }
    }
    return (order, failure, outputs)
  }

  /// The automaton's sparse form: states numbered so that those with outputs come last, listed
  /// in breadth-first order with their failure state and their own edges.
  func blueprint(keywords: [[UInt8]], byteClass: [UInt8]) -> KeywordIndex.Blueprint {
    let (order, failure, outputs) = failureLinks()
    let plain = order.filter { outputs[Int($0)].isEmpty }
    let matching = order.filter { !outputs[Int($0)].isEmpty }
    var stateOf = [Int32](repeating: 0, count: nodeCount)
    for (state, node) in (plain + matching).enumerated() { stateOf[Int(node)] = Int32(state) }
    var edgeStart: [Int32] = [0]
    var edgeClasses: [Int32] = []
    var edgeTargets: [Int32] = []
    for node in order {
      var next = firstChild[Int(node)]
      while next >= 0 {
        edgeClasses.append(edgeClass[Int(next)])
        edgeTargets.append(stateOf[Int(next)])
        next = nextSibling[Int(next)]
      }
      edgeStart.append(Int32(edgeClasses.count))
    }
    var outputStart: [Int32] = [0]
    var outputKeywords: [Int32] = []
    for node in matching {
      outputKeywords += outputs[Int(node)].sorted()
      outputStart.append(Int32(outputKeywords.count))
    }
    return KeywordIndex.Blueprint(
      trusted: keywords, byteClass: byteClass, classCount: classCount,
      order: order.map { stateOf[Int($0)] }, failure: order.map { stateOf[Int(failure[Int($0)])] },
      edgeStart: edgeStart, edgeClass: edgeClasses, edgeTarget: edgeTargets,
      firstOutputState: plain.count, outputStart: outputStart, outputKeywords: outputKeywords)
  }
}

extension KeywordIndex {
  /// The automaton before its dense table is laid out: the part of building it that costs, done
  /// once at build time for the bundled catalog (a pre-commit run has a few milliseconds), and
  /// the compact form that is embedded in the binary.
  public struct Blueprint: Sendable, Equatable {
    /// The keywords, lower-cased, in the order given.
    public let keywords: [[UInt8]]
    /// Byte → class (256 entries).
    public let byteClass: [UInt8]
    /// Number of classes: the dense table's row length.
    public let classCount: Int
    /// The states in breadth-first order, by number.
    public let order: [Int32]
    /// The failure state of `order[i]`.
    public let failure: [Int32]
    /// Where the edges of `order[i]` start: `edgeClass/edgeTarget[edgeStart[i]..<edgeStart[i + 1]]`.
    public let edgeStart: [Int32]
    /// Each edge's class.
    public let edgeClass: [Int32]
    /// Each edge's target state.
    public let edgeTarget: [Int32]
    /// The first state that completes a keyword; every later one does too.
    public let firstOutputState: Int
    /// Where the keywords of output state `firstOutputState + s` start in `outputKeywords`.
    public let outputStart: [Int32]
    /// The keywords each output state completes, state after state.
    public let outputKeywords: [Int32]

    /// The blueprint of `keywords`' automaton. Keywords are lower-cased; empty ones are ignored.
    public init(keywords: [String]) {
      let lowered = keywords.map { Array($0.lowercased().utf8) }
      let (byteClass, classCount) = Self.byteClasses(for: lowered)
      self = Trie(keywords: lowered, byteClass: byteClass, classCount: classCount)
        .blueprint(keywords: lowered, byteClass: byteClass)
    }

    /// A blueprint from its parts, as catalog-embed writes them out (array literals of
    /// constants, which the compiler lays out as static data: nothing is decoded at start);
    /// nil when they are not a blueprint's, so that the hot loop never indexes out of its table.
    public init?(
      keywords: [[UInt8]], byteClass: [UInt8], classCount: Int, order: [Int32], failure: [Int32],
      edgeStart: [Int32], edgeClass: [Int32], edgeTarget: [Int32], firstOutputState: Int,
      outputStart: [Int32], outputKeywords: [Int32]
    ) {
      self.init(
        trusted: keywords, byteClass: byteClass, classCount: classCount, order: order, failure: failure,
        edgeStart: edgeStart, edgeClass: edgeClass, edgeTarget: edgeTarget, firstOutputState: firstOutputState,
        outputStart: outputStart, outputKeywords: outputKeywords)
      guard isConsistent else { return nil }
    }

    /// The parts as the trie lays them out, consistent by construction.
    init(
      trusted keywords: [[UInt8]], byteClass: [UInt8], classCount: Int, order: [Int32], failure: [Int32],
      edgeStart: [Int32], edgeClass: [Int32], edgeTarget: [Int32], firstOutputState: Int,
      outputStart: [Int32], outputKeywords: [Int32]
    ) {
      self.keywords = keywords
      self.byteClass = byteClass
      self.classCount = classCount
      self.order = order
      self.failure = failure
      self.edgeStart = edgeStart
      self.edgeClass = edgeClass
      self.edgeTarget = edgeTarget
      self.firstOutputState = firstOutputState
      self.outputStart = outputStart
      self.outputKeywords = outputKeywords
    }

    /// The dense table: rows (holding target row offsets) laid out in breadth-first order, each
    /// a copy of its failure state's row, which is complete already, with its own edges
    /// patched in.
    func denseTransitions() -> [UInt32] {
      let count = order.count * classCount
      // Every row is written whole (the root's as zeros, the others as copies), so the table
      // is not zeroed first (that memset was 3% of a pre-commit run's instructions).
      return [UInt32](unsafeUninitializedCapacity: count) { table, initialized in
        guard let base = table.baseAddress else { return }
        for (position, state) in order.enumerated() {
          let row = base + Int(state) * classCount
          if position == 0 {
            row.initialize(repeating: 0, count: classCount)
          } else {
            row.initialize(from: base + Int(failure[position]) * classCount, count: classCount)
          }
          for edge in Int(edgeStart[position])..<Int(edgeStart[position + 1]) {
            row[Int(edgeClass[edge])] = UInt32(Int(edgeTarget[edge]) * classCount)
          }
        }
        initialized = count
      }
    }

    /// Every index the dense layout and the hot loop will follow is in range. Plain loops: this
    /// runs at every start, on some 30,000 numbers.
    private var isConsistent: Bool {
      let states = order.count
      guard classCount > 0, classCount <= 256, failure.count == states, edgeStart.count == states + 1,
        edgeClass.count == edgeTarget.count, firstOutputState >= 0, firstOutputState <= states,
        outputStart.count == states - firstOutputState + 1, order.first == 0,
        Self.isSpans(edgeStart, covering: edgeClass.count), Self.isSpans(outputStart, covering: outputKeywords.count),
        Self.allBelow(edgeTarget, states), Self.allBelow(failure, states), Self.allBelow(edgeClass, classCount),
        Self.allBelow(outputKeywords, keywords.count), byteClass.count == 256, Int(byteClass.max() ?? 0) < classCount
      else { return false }
      // Each state once, and each row laid out after its failure state's, which it copies.
      var done = [Bool](repeating: false, count: states)
      for (position, state) in order.enumerated() {
        guard state >= 0, Int(state) < states, !done[Int(state)] else { return false }
        if position > 0 && !done[Int(failure[position])] { return false }
        done[Int(state)] = true
      }
      return true
    }

    private static func allBelow(_ values: [Int32], _ limit: Int) -> Bool {
      for value in values where value < 0 || Int(value) >= limit { return false }
      return true
    }

    /// Non-decreasing offsets from 0 to `count`.
    private static func isSpans(_ starts: [Int32], covering count: Int) -> Bool {
      guard starts.first == 0, starts.last == Int32(count) else { return false }
      for index in starts.indices.dropFirst() where starts[index] < starts[index - 1] { return false }
      return true
    }

    static func byteClasses(for keywords: [[UInt8]]) -> ([UInt8], Int) {
      var byteClass = [UInt8](repeating: 0, count: 256)
      var next: UInt8 = 1
      for keyword in keywords {
        for byte in keyword where byteClass[Int(byte)] == 0 {
          byteClass[Int(byte)] = next
          next += 1
        }
      }
      // Fold ASCII upper case onto lower case: keywords are lower-cased already.
      for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
        byteClass[Int(upper)] = byteClass[Int(upper + 32)]
      }
      return (byteClass, Int(next))
    }
  }
}
