import Testing

@testable import HushCore

@Suite struct SuggestionTests {
  @Test func swapsAndSingleEditsAreTypos() {
    #expect(Suggestion.closest(to: "histroy", among: ["history", "scan", "staged"]) == "history")
    #expect(Suggestion.closest(to: "stagd", among: ["history", "scan", "staged"]) == "staged")
    #expect(Suggestion.closest(to: "--fromat", among: ["--format", "--output"]) == "--format")
  }

  @Test func distantWordsAreNotGuessed() {
    #expect(Suggestion.closest(to: "deploy", among: ["history", "scan", "staged"]) == nil)
    #expect(Suggestion.closest(to: "ab", among: ["scan"]) == nil)
  }

  @Test func theOptionComesFromTheParsersMessageAndTheHelp() {
    let help = "OPTIONS:\n  --format <format>  Output.\n  -o, --output <file>\n  --since <date>\n"
    #expect(Suggestion.option(in: "Error: Unknown option '--formt'", help: help) == "did you mean '--format'?")
    #expect(Suggestion.option(in: "Error: Unknown option '--outptu=x'", help: help) == "did you mean '--output'?")
    #expect(Suggestion.option(in: "Error: Missing value for '--format <format>'", help: help) == nil)
  }

  @Test func distanceCountsAnAdjacentSwapOnce() {
    #expect(Suggestion.distance(Array("ab"), Array("ba")) == 1)
    #expect(Suggestion.distance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.distance(Array(""), Array("abc")) == 3)
  }
}
