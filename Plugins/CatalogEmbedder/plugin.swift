import Foundation
import PackagePlugin

/// Embeds every `patterns/*.toml` into the HushCore module as a generated Swift source.
@main
struct CatalogEmbedder: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let patterns = context.package.directoryURL.appending(path: "patterns")
    let files = try FileManager.default
      .contentsOfDirectory(at: patterns, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "toml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalog.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) rule files from patterns/",
        executable: try context.tool(named: "catalog-embed").url,
        arguments: [output.path] + files.map(\.path),
        inputFiles: files,
        outputFiles: [output]
      )
    ]
  }
}
