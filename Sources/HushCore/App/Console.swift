/// Where commands write: reports on stdout, diagnostics on stderr, always.
public enum Console {
  /// A line of diagnostics on stderr.
  public static func error(_ message: String) {
    write(message + "\n", to: STDERR_FILENO)
  }

  /// Report text on stdout, as is.
  public static func output(_ text: String) {
    write(text, to: STDOUT_FILENO)
  }

  /// Text on stderr, as is (progress lines rewrite themselves).
  static func errorText(_ text: String) {
    write(text, to: STDERR_FILENO)
  }

  /// Git's pipes ignore SIGPIPE while they run; a reader of our output that went away
  /// (`hush history | head`) must end Hush quietly, as it ends any Unix tool, not trap.
  private static func write(_ text: String, to descriptor: Int32) {
    signal(SIGPIPE, SIG_DFL)
    var text = text
    text.withUTF8 { _ = Posix.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
  }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  public static var wantsColor: Bool {
    let noColor = Platform.environment("NO_COLOR").map { !$0.isEmpty } ?? false
    return !noColor && isatty(STDOUT_FILENO) == 1
  }

  /// Whether stderr is a terminal (progress lines are drawn only there).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// How a command ended: the process's exit status (errors, status 2, are thrown instead).
public enum ExitStatus: Int32, Sendable {
  /// Nothing found, or the command did what was asked.
  case clean = 0
  /// Findings, or something that needs the user (a hook not installed, an audit problem).
  case findings = 1
  /// An agent hook's "stop": Claude Code reads exit status 2 as a block, and shows stderr.
  case block = 2
}

/// A combination of arguments that cannot work, said the way the argument parser says it.
public struct UsageError: Error, CustomStringConvertible {
  /// What is wrong, and what to do instead.
  public let description: String

  /// A usage error saying `description`.
  public init(_ description: String) { self.description = description }
}
