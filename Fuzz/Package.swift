// swift-tools-version:6.1
import PackageDescription

// libFuzzer entry points, one executable per fuzz target, built only by `make fuzz` (with
// `--sanitize fuzzer --sanitize address` and its own scratch folder, .build-fuzz): a package
// of their own, so that `swift build` and `make test` of Hush never build them. Their logic is
// Hush's `HushFuzzTargets`, which the regression tests also run.
let targets = ["config", "baseline", "rules", "staged-diff", "pre-push", "detector"]

let package = Package(
  name: "HushFuzz",
  dependencies: [.package(name: "Hush", path: "..")],
  targets: targets.map { name in
    .executableTarget(
      name: "fuzz-\(name)",
      dependencies: [.product(name: "HushFuzzTargets", package: "Hush")],
      // No main: libFuzzer's is linked in.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  }
)
