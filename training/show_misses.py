#!/usr/bin/env python3
"""Print the lines of the True items a score.py --json report missed, for reading on this
machine only (the corpus values are obfuscated, but never paste them into notes or commits).

  python3 training/show_misses.py /tmp/recall/base_c1.json > /tmp/recall/misses.txt
"""
import json
import os
import sys
from collections import Counter

CORPUS = os.environ.get("CREDATA", "/work/shared/credata-dev")


def line_of(path, n):
    with open(os.path.join(CORPUS, path), encoding="utf-8", errors="replace") as fh:
        for i, text in enumerate(fh, 1):
            if i == n:
                return text.rstrip("\n")
    return ""


def main():
    res = json.load(open(sys.argv[1]))
    missed = res["missed"]
    exts = Counter(os.path.splitext(m["file"])[1] for m in missed)
    print("# missed by extension:", exts.most_common(40))
    for m in sorted(missed, key=lambda m: (os.path.splitext(m["file"])[1], m["file"], m["line"])):
        print(f"{m['file']}:{m['line']} [{m['category']}] {line_of(m['file'], m['line'])[:220]}")


if __name__ == "__main__":
    main()
