import HushTestSupport
import Testing

/// The tests' generator is SplitMix64 exactly: the same seed gives the same draws everywhere.
@Suite struct SeededGeneratorTests {
  /// SplitMix64's published outputs for seed 0 (checked with a python3 transcription).
  @Test func matchesTheReferenceOutputs() {
    var generator = SeededGenerator(seed: 0)
    #expect(
      [generator.next(), generator.next(), generator.next()] == [
        0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
      ])
  }

  @Test func indicesStayInRangeAndReachBothEnds() {
    var generator = SeededGenerator(seed: 7)
    let draws = (0..<1000).map { _ in generator.index(below: 10) }
    #expect(Set(draws) == Set(0..<10))
  }
}
