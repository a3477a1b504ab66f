// The C library, whichever the system has. Every file of HushCore sees it through this one
// import, so no other file names a platform.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#endif
// Data, URL, FileManager, ProcessInfo, JSONEncoder: FoundationEssentials where it is a module
// of its own (Linux), without full Foundation's ICU data (34 MB in a static binary); on
// Darwin, Foundation. Re-exported, so no other file imports either.
#if canImport(FoundationEssentials)
  @_exported import FoundationEssentials
#else
  @_exported import Foundation
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

extension Platform {
  /// CPUs online now.
  static var onlineCPUs: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// The variable `name` of the environment, or nil. `getenv`, not
  /// `ProcessInfo.processInfo.environment`, which builds a dictionary of every variable at
  /// each call (a tenth of a millisecond, on the pre-commit hook's path several times).
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Every `NAME=value` entry of the environment, in its order.
  static var environmentEntries: [String] {
    #if canImport(Darwin)
      var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = _NSGetEnviron().pointee
    #else
      var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    #endif
    var entries: [String] = []
    while let pointer = entry?.pointee {
      entries.append(String(cString: pointer))
      entry = entry?.advanced(by: 1)
    }
    return entries
  }
}

extension Platform {
  /// Runs `body` on a new thread of its own, detached (what Foundation's `Thread` did; full
  /// Foundation is not linked, see README "One static binary"). The stack is 8 MiB, as the
  /// main thread's usually is; if no thread can be started, `body` runs on the caller's.
  static func detachThread(_ body: @escaping @Sendable () -> Void) {
    let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    // Allocated, not `pthread_attr_t()`: its zero initializer is not visible from here.
    let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
    pthread_attr_init(attributes)
    defer {
      pthread_attr_destroy(attributes)
      attributes.deallocate()
    }
    pthread_attr_setstacksize(attributes, 8 << 20)
    pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
    #if canImport(Darwin)
      var thread: pthread_t?
    #else
      var thread = pthread_t()
    #endif
    if pthread_create(&thread, attributes, { ThreadBody.run($0) }, box) != 0 { _ = ThreadBody.run(box) }
  }
}

/// The closure a thread runs, carried through pthread_create's one pointer.
private final class ThreadBody {
  let body: @Sendable () -> Void

  init(_ body: @escaping @Sendable () -> Void) { self.body = body }

  static func run(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let pointer else { return nil }
    Unmanaged<ThreadBody>.fromOpaque(pointer).takeRetainedValue().body()
    return nil
  }
}

/// `open(2)` under a name no type's own `open` method shadows.
func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 { open(path, flags) }

/// `read(2)` under a name no type's own `read` method shadows.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
