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
    let lowered = keywords.map { Array($0.lowercased().utf8) }
    self.keywords = lowered
    let (byteClass, classCount) = Self.byteClasses(for: lowered)
    let trie = Trie(keywords: lowered, byteClass: byteClass, classCount: classCount)
    let dfa = trie.denseAutomaton()
    self.byteClass = byteClass
    self.classCount = classCount
    self.transitions = dfa.transitions
    self.firstOutputState = dfa.firstOutputState
    self.firstOutputOffset = UInt32(dfa.firstOutputState * classCount)
    self.outputStart = dfa.outputStart
    self.outputKeywords = dfa.outputKeywords
    self.maxKeywordLength = lowered.map(\.count).max() ?? 0
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
        var a = 0
        var b = middle - overlap
        let steps = middle
        var step = 0
        // Lock-step over both halves; the second starts `overlap` early so that a keyword
        // crossing the middle is seen whole, and reports only hits ending past the middle.
        while step < steps {
          stateA = table[Int(stateA) &+ Int(classes[Int(base[a])])]
          stateB = table[Int(stateB) &+ Int(classes[Int(base[b])])]
          a &+= 1
          b &+= 1
          step &+= 1
          if stateA >= threshold { appendOutputs(of: stateA, end: a, to: &hits) }
          if stateB >= threshold && b > middle { appendOutputs(of: stateB, end: b, to: &second) }
        }
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

  private static func byteClasses(for keywords: [[UInt8]]) -> ([UInt8], Int) {
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

/// The keyword trie with failure links; an intermediate form of `KeywordIndex`. Rows are
/// stored flat (`node * classCount + class`): this runs on every start of Hush, and nested
/// arrays cost more in copies and checks than the automaton itself.
private struct Trie {
  var children: [Int32]  // per node and class; -1 when absent
  var outputs: [[Int32]]
  let classCount: Int
  var nodeCount: Int { outputs.count }

  init(keywords: [[UInt8]], byteClass: [UInt8], classCount: Int) {
    self.classCount = classCount
    children = Array(repeating: -1, count: classCount)
    outputs = [[]]
    for (id, keyword) in keywords.enumerated() where !keyword.isEmpty {
      var node = 0
      for byte in keyword {
        let slot = node * classCount + Int(byteClass[Int(byte)])
        if children[slot] < 0 {
          children[slot] = Int32(outputs.count)
          children.append(contentsOf: repeatElement(-1, count: classCount))
          outputs.append([])
        }
        node = Int(children[slot])
      }
      outputs[node].append(Int32(id))
    }
  }

  /// Breadth-first completion into a DFA (missing edges follow failure links), with states
  /// renumbered so that those with outputs come last.
  func denseAutomaton() -> (
    transitions: [UInt32], firstOutputState: Int, outputStart: [Int32], outputKeywords: [Int32]
  ) {
    var delta = children
    var outputs = self.outputs
    var failure = [Int](repeating: 0, count: nodeCount)
    var order: [Int] = [0]
    order.reserveCapacity(nodeCount)
    for cls in 0..<classCount {
      if delta[cls] < 0 { delta[cls] = 0 } else { order.append(Int(delta[cls])) }
    }
    // Raw buffers in the two loops over every (state, class): bounds checks and uniqueness
    // checks would cost more than the work itself.
    children.withUnsafeBufferPointer { children in
      delta.withUnsafeMutableBufferPointer { delta in
        var head = 1
        while head < order.count {
          let node = order[head]
          head += 1
          let fail = failure[node]
          if !outputs[fail].isEmpty {
            outputs[node] += outputs[fail].filter { !outputs[node].contains($0) }
          }
          let row = node * classCount
          let failRow = fail * classCount
          for cls in 0..<classCount {
            let child = Int(children[row + cls])
            if child >= 0 {
              failure[child] = Int(delta[failRow + cls])
              order.append(child)
            } else {
              delta[row + cls] = delta[failRow + cls]
            }
          }
        }
      }
    }
    // Root first and every state without outputs before those with outputs.
    let plain = order.filter { outputs[$0].isEmpty }
    let matching = order.filter { !outputs[$0].isEmpty }
    var renumber = [Int](repeating: 0, count: order.count)
    for (new, old) in (plain + matching).enumerated() { renumber[old] = new }
    var transitions = [UInt32](repeating: 0, count: order.count * classCount)
    transitions.withUnsafeMutableBufferPointer { transitions in
      delta.withUnsafeBufferPointer { delta in
        renumber.withUnsafeBufferPointer { renumber in
          for old in order {
            let target = renumber[old] * classCount
            let row = old * classCount
            for cls in 0..<classCount {
              transitions[target + cls] = UInt32(renumber[Int(delta[row + cls])] * classCount)
            }
          }
        }
      }
    }
    var outputStart: [Int32] = [0]
    var outputKeywords: [Int32] = []
    for old in matching {
      outputKeywords += outputs[old].sorted()
      outputStart.append(Int32(outputKeywords.count))
    }
    return (transitions, plain.count, outputStart, outputKeywords)
  }
}
