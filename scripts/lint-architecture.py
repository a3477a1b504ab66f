#!/usr/bin/env python3
"""Checks the folder rules of docs/ARCHITECTURE.md against the code.

The rules are the fenced block after the heading "## Rules the lint checks": each line
`Folder: Allowed, Other` says which folders of Sources/HushCore a folder's files may
reference (by the types declared there); `only PATH may import MODULE` and `only PATHS may
use TOKEN` lines restrict a module or an API to the listed files; `hush: TOKEN, ...` lists
what the CLI target may not mention. A type is referenced when its name appears as a word
outside comments and string literals (interpolations count).

Usage: lint-architecture.py [--graph]   (--graph prints the folder graph and exits 0)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, "Sources", "HushCore")
DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|package|private|fileprivate|final|indirect)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)", re.M)


def strip(source):
    """The code of a Swift file without comments and string contents (interpolations kept)."""
    out, i, n = [], 0, len(source)
    depth = []  # stack of string delimiters we are inside, with interpolation paren depth
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
            continue
        if source.startswith("/*", i):
            j = source.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c == '"':
            i = skip_string(source, i, out)
            continue
        out.append(c)
        i += 1
    return "".join(out)


def skip_string(source, i, out):
    """Skips the string literal at i, appending its interpolations' code to out."""
    n = len(source)
    hashes = 0
    j = i
    while j > 0 and source[j - 1] == "#":
        hashes += 1
        j -= 1
    delim = '"""' if source.startswith('"""', i) else '"'
    i += len(delim)
    close = delim + "#" * hashes
    escape = "\\" + "#" * hashes
    while i < n:
        if source.startswith(close, i):
            return i + len(close)
        if source.startswith(escape + "(", i):
            i += len(escape) + 1
            level = 1
            start = i
            while i < n and level:
                if source[i] == '"':
                    i = skip_string(source, i, out)
                    continue
                level += {"(": 1, ")": -1}.get(source[i], 0)
                i += 1
            out.append(" " + source[start:i - 1] + " ")
            continue
        if source.startswith(escape, i):
            i += len(escape) + 1
            continue
        i += 1
    return i


def swift_files(directory):
    for base, _, names in os.walk(directory):
        for name in sorted(names):
            if name.endswith(".swift"):
                yield os.path.join(base, name)


def folder_of(path):
    rel = os.path.relpath(path, CORE).split(os.sep)
    return rel[0] if len(rel) > 1 else "(root)"


def parse_rules():
    text = open(os.path.join(ROOT, "docs", "ARCHITECTURE.md"), encoding="utf-8").read()
    section = text.split("## Rules the lint checks", 1)
    if len(section) < 2:
        sys.exit("lint: docs/ARCHITECTURE.md has no '## Rules the lint checks' section")
    block = re.search(r"```\n(.*?)```", section[1], re.S)
    allowed, only_import, only_use, cli_forbidden = {}, [], [], []
    for line in block.group(1).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"only (\S+) may import (\w+)$", line)
        if m:
            only_import.append((m.group(1).split(","), m.group(2)))
            continue
        m = re.match(r"only (\S+) may use (.+)$", line)
        if m:
            only_use.append((m.group(1).split(","), m.group(2).strip()))
            continue
        m = re.match(r"hush: (.+)$", line)
        if m:
            cli_forbidden += [t.strip() for t in m.group(1).split(",")]
            continue
        name, _, rest = line.partition(":")
        allowed[name.strip()] = {t.strip() for t in rest.split(",") if t.strip()}
    return allowed, only_import, only_use, cli_forbidden


def main():
    declared = {}
    files = list(swift_files(CORE))
    code = {path: strip(open(path, encoding="utf-8").read()) for path in files}
    for path in files:
        for name in DECLARATION.findall(code[path]):
            declared.setdefault(name, folder_of(path))
    graph = {}
    for path in files:
        mine = folder_of(path)
        words = set(re.findall(r"\b[A-Z]\w*\b", code[path]))
        for word in words:
            other = declared.get(word)
            if other and other != mine:
                graph.setdefault(mine, {}).setdefault(other, set()).add((word, os.path.relpath(path, ROOT)))
    if "--graph" in sys.argv:
        for folder in sorted(graph):
            print(f"{folder}: " + ", ".join(
                f"{o} ({', '.join(sorted({w for w, _ in refs}))})" for o, refs in sorted(graph[folder].items())))
        return 0
    allowed, only_import, only_use, cli_forbidden = parse_rules()
    problems = []
    folders = {folder_of(p) for p in files}
    for folder in sorted(folders - set(allowed)):
        problems.append(f"Sources/HushCore/{folder}/ is not in docs/ARCHITECTURE.md's rules")
    for folder, targets in sorted(graph.items()):
        for other, refs in sorted(targets.items()):
            if other not in allowed.get(folder, set()):
                for word, path in sorted(refs):
                    problems.append(f"{path}: {folder}/ may not reference {other}/ ({word})")
    all_sources = list(swift_files(os.path.join(ROOT, "Sources")))
    for paths, module in only_import:
        for path in all_sources:
            rel = os.path.relpath(path, ROOT)
            if re.search(rf"^\s*(?:\w+\s+)?import {module}\b", open(path, encoding="utf-8").read(), re.M) and \
                    not any(rel.startswith(p) for p in paths):
                problems.append(f"{rel}: only {', '.join(paths)} may import {module}")
    for paths, token in only_use:
        pattern = re.compile(token)
        for path in all_sources:
            rel = os.path.relpath(path, ROOT)
            if rel.startswith("Sources/HushCore/") or rel.startswith("Sources/hush/"):
                if pattern.search(strip(open(path, encoding="utf-8").read())) and \
                        not any(rel.startswith(p) for p in paths):
                    problems.append(f"{rel}: only {', '.join(paths)} may use {token}")
    for path in swift_files(os.path.join(ROOT, "Sources", "hush")):
        stripped = strip(open(path, encoding="utf-8").read())
        for token in cli_forbidden:
            if re.search(rf"\b{re.escape(token)}\b", stripped):
                problems.append(f"{os.path.relpath(path, ROOT)}: the CLI target holds no logic; it may not use {token}")
    for problem in problems:
        print("lint: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
