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
  ],
  targets: [
    // libpcre2-8 from the system (Debian: libpcre2-dev); only Engine/PCRE2Regex.swift imports it.
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
    ),
    // libyaml from the system (Debian: libyaml-dev): YAML agent configs (Continue, Goose) are
    // parsed as YAML, not guessed at line by line. Yams wrapped the same libyaml but links
    // full Foundation (NSRegularExpression, DateFormatter), and with it ICU's 34 MB of data:
    // a static `hush` stays under 25 MB without it. Only Support/YAMLTree.swift imports it.
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // The rule model and its TOML parser: shared by HushCore and the build-time catalog compiler.
    .target(
      name: "HushRules",
      dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
      // Members of modules not imported here stay invisible: swift-crypto and TOMLKit import
      // full Foundation, whose `contains`, `range(of:)` and `replacingOccurrences` would
      // otherwise win over the standard library's and link Foundation (and ICU) back in.
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
    ),
    .target(
      name: "HushCore",
      dependencies: [
        "CPCRE2",
        "CYAML",
        "HushRules",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
        // scrypt, the memory-hard KDF that keeps baseline fingerprints slow to guess.
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ],
      // Members of modules not imported here stay invisible: swift-crypto and TOMLKit import
      // full Foundation, whose `contains`, `range(of:)` and `replacingOccurrences` would
      // otherwise win over the standard library's and link Foundation (and ICU) back in.
      swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
      plugins: ["CatalogEmbedder", "VersionStamp"]
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
    // `git describe` at build time, for `hush --version` (see Plugins/VersionStamp).
    .plugin(name: "VersionStamp", capability: .buildTool()),
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
