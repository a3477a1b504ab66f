#!/usr/bin/env python3
"""Recall of the candidate stage alone: a True item counts as found when any candidate
(reported or dropped by Hush's filters) starts on one of its lines, as score.py counts hits.

  python3 training/cand_recall.py --heldout 1            # training folds (all but 1), per syntax
  python3 training/cand_recall.py --heldout 1 --misses   # also list the training folds' misses
  python3 training/cand_recall.py --heldout 1 --check-heldout   # once: the held-out fold
"""
import argparse
import json
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import SCRATCH, fold_of_repo, markup, repo_of, CORPUS  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cands", default=os.path.join(SCRATCH, "cands.jsonl"))
    ap.add_argument("--heldout", type=int, required=True)
    ap.add_argument("--check-heldout", action="store_true")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    folds = fold_of_repo()
    items, by_line = markup()
    hit_rules = defaultdict(set)
    n_cands = defaultdict(int)
    for ln in open(args.cands, encoding="utf-8"):
        c = json.loads(ln)
        if c["file"].split("/")[1] in folds and (folds[repo_of(c["file"])] == args.heldout) != args.check_heldout:
            continue
        n_cands[c["rule"]] += 1
        for it in by_line.get((c["file"], c["line"]), ()):
            hit_rules[(it.path, it.ls, it.le)].add(c["rule"])
    sel = {k: it for k, it in items.items()
           if (folds[repo_of(it.path)] == args.heldout) == args.check_heldout}
    true = {k: it for k, it in sel.items() if it.true}
    found = [k for k in true if k in hit_rules]
    scope = f"held-out fold {args.heldout}" if args.check_heldout else f"training folds (all but {args.heldout})"
    print(f"{scope}: candidate recall {len(found)}/{len(true)} = {len(found) / len(true):.3f}; "
          f"False items hit {sum(1 for k, it in sel.items() if not it.true and k in hit_rules)}/"
          f"{sum(1 for it in sel.values() if not it.true)}; candidates {sum(n_cands.values())}")
    cats = defaultdict(lambda: [0, 0])
    for k, it in true.items():
        for c in it.cats:
            cats[c][1] += 1
            cats[c][0] += k in hit_rules
    print("per category:")
    for c, (f, t) in sorted(cats.items(), key=lambda kv: -kv[1][1]):
        print(f"  {c:<32} {f:5d} / {t:<5d} {f / t:6.3f}")
    first = defaultdict(int)
    for k in found:
        rs = hit_rules[k]
        cand = sorted(r for r in rs if r.startswith("cand-"))
        first[cand[0] if cand else "provider/other rule"] += 1
    print("True items found, by the first candidate rule on their line (alphabetical):")
    for r, n in sorted(first.items(), key=lambda kv: -kv[1]):
        print(f"  {r:<24} {n}")
    print("candidates per rule:", dict(sorted(n_cands.items(), key=lambda kv: -kv[1])))
    if args.misses and not args.check_heldout:
        print("\nmissed True items:")
        for k in sorted(set(true) - set(hit_rules)):
            it = true[k]
            with open(os.path.join(CORPUS, it.path), encoding="utf-8", errors="replace") as fh:
                text = fh.read().split("\n")[it.ls - 1][:200]
            print(f"{it.path}:{it.ls} [{':'.join(sorted(it.cats))}] {text}")


if __name__ == "__main__":
    main()
