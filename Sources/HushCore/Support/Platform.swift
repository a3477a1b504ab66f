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

extension Platform {
  /// An unnamed file in `directory` (Linux's O_TMPFILE): a run killed while writing leaves
  /// nothing behind. Nil where the system or the file system has none.
  static func openUnnamedFile(in directory: String, mode: mode_t) -> Int32? {
    #if os(Linux)
      let temporaryFile: Int32 = 0o20_200_000  // O_TMPFILE | O_DIRECTORY, not exported by Glibc's module
      let fd = open(directory, temporaryFile | O_WRONLY | O_CLOEXEC, mode)
      return fd >= 0 ? fd : nil
    #else
      return nil
    #endif
  }

  /// Gives a file from `openUnnamedFile` the name `path`; false if that fails (errno says why).
  static func link(unnamedFile fd: Int32, to path: String) -> Bool {
    #if os(Linux)
      return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    #else
      errno = ENOTSUP
      return false
    #endif
  }

  /// With Linux's default 64 KiB pipe, a reader and a writer streaming gigabytes wake each
  /// other for every 64 KiB (a sixth of `hush history`'s samples under perf). 1 MiB is the
  /// unprivileged maximum (fs.pipe-max-size); where refused, the default pipe works as before.
  static func enlargePipe(_ fd: Int32) {
    #if os(Linux)
      let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ, not exported by Glibc's module
      _ = fcntl(fd, setPipeSize, 1 << 20)
    #endif
  }

  #if canImport(Darwin)
    /// posix_spawn's file actions: an opaque pointer on Darwin, a struct elsewhere.
    static func spawnFileActions() -> posix_spawn_file_actions_t? { nil }
  #else
    /// posix_spawn's file actions: a struct here, an opaque pointer on Darwin.
    static func spawnFileActions() -> posix_spawn_file_actions_t { posix_spawn_file_actions_t() }
  #endif
}

/// `open(2)` under a name no type's own `open` method shadows.
func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 { open(path, flags) }

/// `read(2)` under a name no type's own `read` method shadows.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
