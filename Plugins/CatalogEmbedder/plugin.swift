import Foundation
import PackagePlugin

/// Embeds every `patterns/*.toml`, and the scorer's `training/model.json`, into the HushCore
/// module as generated Swift sources (the committed files stay the single source).
@main
struct CatalogEmbedder: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let patterns = context.package.directoryURL.appending(path: "patterns")
    let files = try FileManager.default
      .contentsOfDirectory(at: patterns, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "toml" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalog.swift")
    let model = context.package.directoryURL.appending(path: "training/model.json")
    let modelOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedModel.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) rule files from patterns/ and the scoring model",
        executable: try context.tool(named: "catalog-embed").url,
        arguments: [output.path, "--model", model.path, modelOutput.path] + files.map(\.path),
        inputFiles: files + [model],
        outputFiles: [output, modelOutput]
      )
    ]
  }
}
