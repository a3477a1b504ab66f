#!/usr/bin/env python3
"""Run Hush 0.1.0 with the candidate grammar over a scratch copy of the corpus and write every
candidate (reported or dropped by Hush's filters) with its value to SCRATCH/cands.jsonl.
Values stay on this machine (SCRATCH is under /tmp); nothing here is committed.

The grammar is patterns/candidates.toml, the rules the binary ships: written out as a 0.1.0
config (its `scored` flags and example markers taken out, the six 0.1.0 generic rules
disabled), so 0.1.0's filters say which of them would have dropped each candidate.

  python3 training/collect.py [--hush /tmp/hush-base] [--config patterns/candidates.toml]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

import regex  # PCRE-compatible enough for our rules: branch reset, possessive quantifiers

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CORPUS, SCRATCH  # noqa: E402

try:
    import tomllib
except ImportError:  # pragma: no cover
    import tomli as tomllib

EXPLAIN = re.compile(r"^explain: (.+):(\d+):(\d+) ([a-z0-9-]+): not reported: (.*)$")


def scratch_copy():
    root = os.path.join(SCRATCH, "scan", "data")
    if not os.path.isdir(root):
        os.makedirs(os.path.dirname(root), exist_ok=True)
        shutil.copytree(os.path.join(CORPUS, "data"), root)
    return root


def run(hush, config, root, extra):
    cmd = [hush, "scan", root, "--config", config, "--format", "json"] + extra
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=root, capture_output=True)
    dt = time.monotonic() - t0
    if p.returncode not in (0, 1):
        sys.exit(p.stderr.decode(errors="replace")[-2000:])
    return json.loads(p.stdout), p.stderr.decode("utf-8", errors="replace"), dt


def rel(path, root):
    path = os.path.relpath(os.path.join(root, path), os.path.dirname(root)) if not os.path.isabs(path) \
        else os.path.relpath(path, os.path.dirname(root))
    return path.replace(os.sep, "/")


GENERIC_0_1_0 = ["generic-password", "generic-secret", "generic-api-key", "generic-token",
                 "generic-bearer-token", "generic-url-credentials"]


def config_for_0_1_0(patterns, out):
    """patterns/candidates.toml as a config Hush 0.1.0 reads."""
    with open(patterns, encoding="utf-8") as fh:
        text = fh.read()
    lines = [ln for ln in text.split("\n") if ln.strip() != "scored = true"]
    text = "\n".join(lines).replace("\u27e6", "").replace("\u27e7", "")
    head = "extend = true\ndisable = [" + ", ".join(f'"{g}"' for g in GENERIC_0_1_0) + "]\n\n"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(head + text)
    return out


def candidate_rules(config):
    with open(config, "rb") as fh:
        rules = tomllib.load(fh).get("rule", [])
    return {r["id"]: (regex.compile(r["regex"]), r.get("secret-group", 1)) for r in rules}


class Lines:
    """Line texts of corpus files, cached per file."""

    def __init__(self):
        self.path, self.lines = None, []

    def get(self, path):
        if path != self.path:
            with open(os.path.join(CORPUS, path), encoding="utf-8", errors="replace") as fh:
                self.path, self.lines = path, fh.read().split("\n")
        return self.lines


def value_at(rule, lines, line, col):
    """The secret group of `rule` that starts at 1-based (line, column in characters)."""
    pattern, group = rule
    text = "\n".join(lines[line - 1:line + 60])
    for m in pattern.finditer(text):
        if m.start(group) == col - 1:
            return m.group(group)
        if m.start(group) > col - 1 and "\n" not in text[:m.start(group)]:
            pass
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--hush", default="/tmp/hush-base")
    ap.add_argument("--config", default=os.path.join(here, "..", "patterns", "candidates.toml"))
    ap.add_argument("--out", default=os.path.join(SCRATCH, "cands.jsonl"))
    args = ap.parse_args()
    root = scratch_copy()
    os.makedirs(SCRATCH, exist_ok=True)
    config = config_for_0_1_0(os.path.abspath(args.config), os.path.join(SCRATCH, "candidates-0.1.0.toml"))
    _, _, dt_plain = run(args.hush, config, root, [])
    report, stderr, dt = run(args.hush, config, root, ["--explain", "--show-secrets"])
    rules = candidate_rules(config)
    out, lines, unresolved = [], Lines(), 0
    for f in report["findings"]:
        out.append({"file": rel(f["file"], root), "line": f["line"], "col": f["column"], "rule": f["rule"],
                    "value": f["secret"], "dropped": None})
    for ln in stderr.splitlines():
        m = EXPLAIN.match(ln)
        if not m or m.group(4) not in rules:
            continue
        path, line, col = rel(m.group(1), root), int(m.group(2)), int(m.group(3))
        value = value_at(rules[m.group(4)], lines.get(path), line, col)
        unresolved += value is None
        out.append({"file": path, "line": line, "col": col, "rule": m.group(4), "value": value,
                    "dropped": m.group(5)})
    out.sort(key=lambda c: (c["file"], c["line"], c["col"], c["rule"]))
    with open(args.out, "w", encoding="utf-8") as fh:
        for c in out:
            fh.write(json.dumps(c) + "\n")
    print(f"{len(out)} candidates ({sum(c['dropped'] is None for c in out)} reported by Hush); "
          f"values not recovered: {unresolved}; scan {dt_plain:.2f}s plain, {dt:.2f}s with --explain "
          f"(summary durationMs {report['summary'].get('durationMs')})")


if __name__ == "__main__":
    main()
