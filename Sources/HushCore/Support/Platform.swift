// The C library, whichever the system has. Every file of HushCore sees it through this one
// import, so no other file names a platform.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#endif

/// What differs between the systems Hush runs on, in one place.
public enum Platform {
  /// This executable's absolute path, which hooks try before PATH.
  public static var executablePath: String {
    if let path = ownExecutable(), let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return CommandLine.arguments.first ?? "hush"
  }

  private static func ownExecutable() -> String? {
    #if os(Linux)
      return "/proc/self/exe"
    #elseif canImport(Darwin)
      var size: UInt32 = 0
      _ = _NSGetExecutablePath(nil, &size)
      var buffer = [CChar](repeating: 0, count: Int(size) + 1)
      guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
      return String(cString: buffer)
    #else
      return nil
    #endif
  }
}

/// `open(2)` under a name no type's own `open` method shadows.
func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 { open(path, flags) }

/// `read(2)` under a name no type's own `read` method shadows.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
