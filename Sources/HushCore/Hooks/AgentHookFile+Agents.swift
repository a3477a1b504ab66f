/// Each agent's documented hook configuration, with Hush's entries.
extension AgentHookFile {
  /// Claude Code: PreToolUse on file writes and on Bash (a commit or push), and
  /// UserPromptSubmit; a command hook that exits 2 blocks, and Claude reads its stderr.
  static func claudeSettings(_ command: String) -> AgentHookFile {
    let wanted: [(event: String, matcher: String?)] = [
      ("PreToolUse", "Write|Edit|MultiEdit"), ("PreToolUse", "Bash"), ("UserPromptSubmit", nil),
    ]
    return AgentHookFile(
      path: ".claude/settings.json",
      add: { settings in
        var settings = settings
        var hooks = settings["hooks"] as? [String: Any] ?? [:]
        for (event, matcher) in wanted {
          var group: [String: Any] = ["hooks": [["type": "command", "command": command]]]
          if let matcher { group["matcher"] = matcher }
          hooks[event] = (hooks[event] as? [Any] ?? []) + [group]
        }
        settings["hooks"] = hooks
        return settings
      },
      remove: { settings in
        var settings = settings
        var hooks = settings["hooks"] as? [String: Any] ?? [:]
        for (event, groups) in hooks {
          guard let groups = groups as? [Any] else { continue }
          let kept = groups.compactMap { group -> Any? in
            guard var group = group as? [String: Any], let entries = group["hooks"] as? [Any] else { return group }
            let others = entries.filter { !isHush($0, command) }
            if others.isEmpty { return nil }
            group["hooks"] = others
            return group
          }
          hooks[event] = kept.isEmpty ? nil : kept
        }
        settings["hooks"] = hooks.isEmpty ? nil : hooks
        return settings
      },
      contains: { settings in
        let hooks = settings["hooks"] as? [String: Any] ?? [:]
        return hooks.values.contains { groups in
          (groups as? [Any] ?? []).contains { group in
            ((group as? [String: Any])?["hooks"] as? [Any] ?? []).contains { isHush($0, command) }
          }
        }
      })
  }

  /// Cursor: `beforeShellExecution` (answers `permission`), `beforeSubmitPrompt` (answers
  /// `continue`), `afterFileEdit` (reported, the edit is made already).
  static func cursorHooks(_ command: String) -> AgentHookFile {
    let events = ["beforeShellExecution", "beforeSubmitPrompt", "afterFileEdit"]
    return AgentHookFile(
      path: ".cursor/hooks.json",
      add: { file in
        var file = file
        file["version"] = file["version"] ?? 1
        var hooks = file["hooks"] as? [String: Any] ?? [:]
        for event in events { hooks[event] = (hooks[event] as? [Any] ?? []) + [["command": command]] }
        file["hooks"] = hooks
        return file
      },
      remove: { file in
        var file = file
        var hooks = file["hooks"] as? [String: Any] ?? [:]
        for (event, entries) in hooks {
          let kept = (entries as? [Any] ?? []).filter { !isHush($0, command) }
          hooks[event] = kept.isEmpty ? nil : kept
        }
        file["hooks"] = hooks.isEmpty ? nil : hooks
        return file
      },
      contains: { file in
        (file["hooks"] as? [String: Any] ?? [:]).values.contains {
          ($0 as? [Any] ?? []).contains { isHush($0, command) }
        }
      })
  }

  /// Kiro: a file edit runs the scan of the changed files (a non-zero exit sends stderr to
  /// the agent).
  static func kiroFileHook(_ command: String) -> AgentHookFile {
    kiroHook(
      "hush-secret-scan", command: command,
      description: "Hush scans edited files for secrets and tells the agent the fix.",
      when: ["type": "fileEdited", "patterns": ["**/*"]])
  }

  /// Kiro: a submitted prompt (in `USER_PROMPT`) is scanned before it is sent.
  static func kiroPromptHook(_ command: String) -> AgentHookFile {
    kiroHook(
      "hush-prompt-guard", command: command, description: "Hush stops a prompt that holds a secret.",
      when: ["type": "promptSubmit"])
  }

  private static func kiroHook(_ name: String, command: String, description: String, when: [String: Any])
    -> AgentHookFile
  {
    let whenType = when["type"] as? String ?? ""
    let patterns = when["patterns"] as? [String]
    return AgentHookFile(
      path: ".kiro/hooks/\(name).kiro.hook",
      add: { existing in
        guard existing.isEmpty else { return existing }
        var trigger: [String: Any] = ["type": whenType]
        if let patterns { trigger["patterns"] = patterns }
        return [
          "enabled": true, "name": name, "description": description, "version": "1",
          "when": trigger, "then": ["type": "runCommand", "command": command, "timeout": 60],
        ]
      },
      remove: { existing in isHush(existing["then"] as? [String: Any] ?? [:], command) ? [:] : existing },
      contains: { existing in isHush(existing["then"] as? [String: Any] ?? [:], command) })
  }

  /// Whether a hook entry runs `hush agent-hook` for this agent (under any hush path).
  static func isHush(_ entry: Any, _ command: String) -> Bool {
    guard let run = (entry as? [String: Any])?["command"] as? String else { return false }
    let suffix = command.split(separator: " ").suffix(2).joined(separator: " ")
    return run == command || run.hasSuffix(" " + suffix)
  }
}
