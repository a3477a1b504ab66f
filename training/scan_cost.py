#!/usr/bin/env python3
"""CPU cost of the candidate grammar on the corpus, matching only: every candidate regex gets a
final (?!) so it does all its matching work but reports nothing (the cost of handling each
candidate then belongs to the scorer). Best of N runs of user+system CPU seconds.

  python3 training/scan_cost.py [--hush /tmp/hush-base] [--runs 3]
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import SCRATCH  # noqa: E402


def cpu(hush, root, config, runs):
    best = float("inf")
    for _ in range(runs):
        p = subprocess.run(["/usr/bin/time", "-f", "%U %S %e", hush, "scan", ".", "--format", "json", "--config", config],
                           cwd=root, capture_output=True, text=True)
        u, s, e = map(float, p.stderr.strip().splitlines()[-1].split())
        best = min(best, u + s)
    return best


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--hush", default="/tmp/hush-base")
    ap.add_argument("--config", default=os.path.join(here, "..", "patterns", "candidates.toml"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    root = os.path.join(SCRATCH, "scan", "data")
    from collect import config_for_0_1_0
    src = open(config_for_0_1_0(args.config, os.path.join(SCRATCH, "candidates-0.1.0.toml")), encoding="utf-8").read()
    head, rules = src.split("[[rule]]")[0], src.split("[[rule]]")[1:]
    silent = head + "".join("[[rule]]" + re.sub(r"(regex = '''.*?)(\n?''')", r"\1(?!)\2", r, count=1, flags=re.S) for r in rules)
    paths = {}
    for name, text in (("builtin", "extend = true\n"), ("builtin-minus-generic", head), ("grammar-matching-only", silent), ("grammar", src)):
        paths[name] = os.path.join(SCRATCH, f"cost-{name}.toml")
        with open(paths[name], "w", encoding="utf-8") as fh:
            fh.write(text)
    for name, path in paths.items():
        print(f"{name:<24} {cpu(args.hush, root, path, args.runs):.2f} CPU-s")


if __name__ == "__main__":
    main()
