/// Errors of Hush's own layers: their description is the complete one-line message
/// (starting with `file:line:` when there is one), shown as `hush: <description>`.
public protocol HushError: Error, CustomStringConvertible {}
