import Glibc

/// What differs between the systems Hush runs on, in one place.
public enum Platform {
  /// This executable's absolute path, which hooks try before PATH.
  public static var executablePath: String {
    if let resolved = realpath("/proc/self/exe", nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return CommandLine.arguments.first ?? "hush"
  }
}
