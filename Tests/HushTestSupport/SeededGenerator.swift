/// SplitMix64, shared by both test targets: a tiny generator whose whole state is its seed, so a test that draws from it
/// sees the same values on every run and every machine. Tests never use the system generator:
/// a random draw that sometimes hits a placeholder run made a test fail about 1% of runs.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  /// A generator whose draws are fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// An index below `count`, by multiply-high: our own arithmetic, so the draws do not depend
  /// on how a toolchain's `Int.random(in:using:)` consumes the generator.
  public mutating func index(below count: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(count)).high)
  }

  /// One of `items`.
  public mutating func element<T>(of items: [T]) -> T { items[index(below: items.count)] }

  /// `count` random bytes.
  public mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}
