// `make accuracy`: the catalog's recall on secrets planted in a dozen file formats, and its
// false positives on Tests/Accuracy/negatives. `--all` lists every rule, not only the imperfect.
import Foundation
import HushAccuracy
import HushCore

let arguments = CommandLine.arguments.dropFirst()
let negatives = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("-") } ?? "Tests/Accuracy/negatives")
do {
  let report = try Accuracy.measure(RuleCatalog.bundled, negatives: negatives)
  print(report.table(everyRule: arguments.contains("--all")), terminator: "")
  if arguments.contains("--misses") { print("\nmissed:\n" + report.misses.map { "  " + $0 }.joined(separator: "\n")) }
  exit(report.falsePositives.isEmpty ? 0 : 1)
} catch {
  FileHandle.standardError.write(Data("hush-accuracy: \(error)\n".utf8))
  exit(2)
}
