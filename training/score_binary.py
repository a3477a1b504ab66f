#!/usr/bin/env python3
"""The real binary, cross-validated: for each fold I, `score.py --folds 5 --fold I` runs
`hush scan` with HUSH_MODEL=DIR/model-fold-I.json (the model `train.py --export-folds DIR`
trained without fold I, with thresholds chosen without it), once at the model's `scan`
threshold (the scan default) and once at its `staged` threshold (`--min-confidence`). Prints
the mean over the five folds and the per-category recall pooled over them.

  python3 training/score_binary.py --hush .build/release/hush --models /tmp/recall/folds
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CORPUS, K, SCRATCH  # noqa: E402

KEYS = ("precision", "precision_strict", "recall", "f1")


def run(hush, model, fold, point, out):
    threshold = json.load(open(model))["thresholds"][point]
    cmd = [sys.executable, os.path.join(CORPUS, "score.py"), "--hush", hush, "--folds", str(K), "--fold", str(fold),
           "--json", out, "--hush-args", f"--min-confidence {threshold}"]
    subprocess.run(cmd, check=True, env=dict(os.environ, HUSH_MODEL=model), stdout=subprocess.DEVNULL)
    return json.load(open(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hush", default=".build/release/hush")
    ap.add_argument("--models", default=os.path.join(SCRATCH, "folds"))
    ap.add_argument("--out", default=os.path.join(SCRATCH, "binary"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    hush = os.path.abspath(args.hush)
    results = defaultdict(list)
    for point in ("scan", "staged"):
        for fold in range(1, K + 1):
            model = os.path.join(args.models, f"model-fold-{fold}.json")
            r = run(hush, model, fold, point, os.path.join(args.out, f"{point}-{fold}.json"))
            results[point].append(r)
            print(f"{point} fold {fold}: " + " ".join(f"{k} {r[k]:.3f}" for k in KEYS)
                  + f" scan {r['scan_seconds']:.1f}s", flush=True)
        print(f"{point} mean: " + " ".join(f"{k} {sum(r[k] for r in results[point]) / K:.3f}" for k in KEYS))
    for point in ("scan", "staged"):
        cats = defaultdict(lambda: [0, 0])
        for r in results[point]:
            for c, v in r["recall_by_category"].items():
                cats[c][0] += v["found"]
                cats[c][1] += v["total"]
        print(f"\n{point}: recall per category (held-out folds pooled)")
        for c, (found, total) in sorted(cats.items(), key=lambda kv: (-kv[1][1], kv[0])):
            print(f"| {c} | {total} | {found / total:.2f} |")


if __name__ == "__main__":
    main()
