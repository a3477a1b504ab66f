#!/usr/bin/env python3
"""Classify the True items a score.py --json report missed by the syntax that carries them
(heuristics on the line's shape and the file extension; counts only, no values printed).

  python3 ../shared/credata-dev/score.py --hush /tmp/hush-base --folds 5 --fold 1 --complement --json /tmp/recall/base_c1.json
  python3 training/miss_syntax.py /tmp/recall/base_c1.json
"""
import json
import os
import re
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CORPUS  # noqa: E402

CODE = {".py": "Python", ".js": "JS/TS", ".ts": "JS/TS", ".jsx": "JS/TS", ".tsx": "JS/TS", ".go": "Go",
        ".java": "Java/Kotlin", ".kt": "Java/Kotlin", ".cs": "C#", ".rb": "Ruby", ".php": "PHP", ".rs": "Rust",
        ".swift": "Swift", ".c": "C/C++", ".cpp": "C/C++", ".h": "C/C++", ".m": "Objective-C", ".scala": "Scala",
        ".hs": "Haskell", ".groovy": "Groovy", ".ex": "Elixir", ".exs": "Elixir"}
SHAPES = [
    ("PEM / key block", r"-----BEGIN|PRIVATE KEY|LS0tLS1CRUdJTi|\bMII[A-Za-z0-9+/]{20}|PuTTY"),
    ("Authorization header", r"(?i)\b(basic|bearer|digest|ntlm|negotiate)\s+[A-Za-z0-9+/=._-]{6,}"),
    ("URL userinfo", r"(?i)[a-z][a-z0-9+.-]*://[^\s/:@]*:[^\s/@]+@"),
    ("URL query parameter", r"(?i)[?&][\w-]*(pass|pwd|secret|token|key|auth|sig)[\w-]*="),
    ("SQL", r"(?i)identified\s+by|with\s+password|\bpassword\s+'"),
    ("command line flag", r"(?i)(^|\s)(--?[\w-]*(pass|pwd|secret|token|key|auth|user)[\w-]*[ =]|-p\S|-u\s+\S+:|sshpass|securestring)"),
    ("XML element / attribute", r"(?i)<[\w:.-]*(pass|pwd|secret|token|key|auth)[\w:.-]*>|\b(key|name)=\"[^\"]*\"\s+value=|\w+=\"[^\"]*\"\s*/?>"),
    ("setter / constructor call", r"(?i)\w*(pass|pwd|secret|token|key|auth|cred|guid|uuid)\w*\s*\(\s*[@\w.\s,]*[\"']"),
    ("UUID (any context)", r"(?i)[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}"),
    ("JSON key: value", r"\"[^\"]+\"\s*:\s*\""),
]


def classify(path, line):
    ext = os.path.splitext(path)[1]
    for name, rx in SHAPES:
        if re.search(rx, line):
            return name
    if re.search(r"^\s*(export\s+)?[A-Z][A-Z0-9_]*=", line) or ext in (".sh", ".env", ".bats", ".ps1"):
        return "shell / .env assignment"
    if ext in (".yml", ".yaml") or re.search(r"^\s*-?\s*[\w.-]+:\s+\S", line) and ext not in CODE:
        return "YAML / key: value config"
    if ext in (".properties", ".ini", ".conf", ".cfg", ".toml"):
        return "properties / INI / TOML"
    if re.search(r"\w\s*[:=]\s*[\"']", line) and ext in CODE:
        return f"code assignment ({CODE[ext]})"
    if re.search(r"\b\w+\s*[:=]\s*[\"']", line) and ext in CODE:
        return f"keyword argument / map ({CODE[ext]})"
    if ext in CODE:
        return f"other code ({CODE[ext]})"
    if ext in (".md", ".rst", ".txt", ".html", ".adoc"):
        return "prose / docs (other shapes)"
    return "other"


def main():
    res = json.load(open(sys.argv[1]))
    counts = Counter()
    for m in res["missed"]:
        with open(os.path.join(CORPUS, m["file"]), encoding="utf-8", errors="replace") as fh:
            line = fh.read().split("\n")[m["line"] - 1]
        counts[classify(m["file"], line)] += 1
    total = sum(counts.values())
    print(f"{total} missed True items by syntax:")
    for k, n in counts.most_common():
        print(f"  {k:<40} {n:5d}  {n / total:6.1%}")


if __name__ == "__main__":
    main()
