// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Hush",
  products: [
    .executable(name: "hush", targets: ["hush"]),
    .library(name: "HushCore", targets: ["HushCore"]),
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
    .target(
      name: "HushCore",
      dependencies: [
        "CPCRE2",
        .product(name: "TOMLKit", package: "TOMLKit"),
        .product(name: "Crypto", package: "swift-crypto"),
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
    // Turns patterns/*.toml into a Swift source at build time, so an installed `hush` needs
    // no files beside it and the catalog can never drift from patterns/.
    .executableTarget(name: "catalog-embed"),
    .plugin(
      name: "CatalogEmbedder",
      capability: .buildTool(),
      dependencies: ["catalog-embed"]
    ),
    .testTarget(name: "HushCoreTests", dependencies: ["HushCore"]),
    .testTarget(name: "EndToEndTests", dependencies: ["hush"]),
  ]
)
