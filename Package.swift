// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Hush",
  products: [
    .executable(name: "hush", targets: ["hush"]),
    .library(name: "HushCore", targets: ["HushCore"]),
    // For the fuzzing package in Fuzz/ (`make fuzz`), which builds them with libFuzzer.
    .library(name: "HushFuzzTargets", targets: ["HushFuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    // YAML agent configs (Continue, Goose) are parsed as YAML, not guessed at line by line.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // libpcre2-8 from the system (Debian: libpcre2-dev); only Engine/PCRE2Regex.swift imports it.
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
    ),
    // The rule model and its TOML parser: shared by HushCore and the build-time catalog compiler.
    .target(
      name: "HushRules",
      dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(
      name: "HushCore",
      dependencies: [
        "CPCRE2",
        "HushRules",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
        // scrypt, the memory-hard KDF that keeps baseline fingerprints slow to guess.
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "Yams", package: "Yams"),
      ],
      plugins: ["CatalogEmbedder"]
    ),
    .executableTarget(
      name: "hush",
      dependencies: [
        "HushCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Compiles patterns/*.toml into Swift source at build time: an installed `hush` needs no
    // files beside it and parses no TOML at start-up, the catalog cannot drift from patterns/,
    // and a malformed rule fails the build with its file:line (regexes and examples are
    // checked by `hush rules check` and the tests).
    .executableTarget(name: "catalog-embed", dependencies: ["HushRules"]),
    .plugin(
      name: "CatalogEmbedder",
      capability: .buildTool(),
      dependencies: ["catalog-embed"]
    ),
    // The accuracy harness (`make accuracy`): recall on planted secrets, false positives on
    // Tests/Accuracy/negatives.
    .target(name: "HushAccuracy", dependencies: ["HushCore"]),
    .executableTarget(name: "hush-accuracy", dependencies: ["HushAccuracy", "HushCore"]),
    // The fuzz targets: what `make fuzz` runs under libFuzzer (Fuzz/Package.swift) and what
    // the tests replay the committed corpus and crash inputs through.
    .target(name: "HushFuzzTargets", dependencies: ["HushCore"]),
    // What both test targets share (the seeded generator their fake secrets come from).
    .target(name: "HushTestSupport", path: "Tests/HushTestSupport"),
    .testTarget(
      name: "HushCoreTests",
      dependencies: ["HushCore", "HushRules", "HushAccuracy", "HushFuzzTargets", "HushTestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["hush", "HushTestSupport"]),
  ]
)
