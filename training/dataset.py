"""Candidates (SCRATCH/cands.jsonl, from collect.py) -> feature matrix, labels, folds.

Label of a candidate, by the line it starts on (score.py counts hits by line):
  1 when a True item of the markup covers the line; 0 when only False items cover it;
  0 as well when no item covers it ("unlabelled": score.py's strict precision counts such a
  reported line as a false positive, so the scorer must learn to stay quiet there).
"""
import json
import os
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CORPUS, SCRATCH, fold_of_repo, markup, repo_of  # noqa: E402
from features import features  # noqa: E402


class Files:
    def __init__(self):
        self.path, self.lines = None, []

    def line(self, path, n):
        if path != self.path:
            with open(os.path.join(CORPUS, path), "rb") as fh:
                self.path, self.lines = path, fh.read().split(b"\n")
        return self.lines[n - 1] if n - 1 < len(self.lines) else b""


def byte_col(line, col):
    """Hush's 1-based column counts characters; the features count bytes from 0."""
    text = line.decode("utf-8", errors="replace")
    return len(text[:col - 1].encode("utf-8", errors="replace"))


def load(cands_path=None):
    cands_path = cands_path or os.path.join(SCRATCH, "cands.jsonl")
    folds = fold_of_repo()
    items, by_line = markup()
    rows, meta = [], []
    files = Files()
    per_line, per_value = defaultdict(int), defaultdict(int)
    cands = [json.loads(ln) for ln in open(cands_path, encoding="utf-8")]
    for c in cands:
        per_line[(c["file"], c["line"])] += 1
        per_value[(c["file"], c["value"] or "")] += 1
    for c in cands:
        line = files.line(c["file"], c["line"])
        col = byte_col(line, c["col"])
        value = (c["value"] or "").encode("utf-8", errors="replace")
        f = features(c["rule"], value, line, col, c["file"].encode(), c["dropped"])
        f["line_candidates"] = float(per_line[(c["file"], c["line"])])
        f["file_repeats"] = float(per_value[(c["file"], c["value"] or "")])
        cov = by_line.get((c["file"], c["line"]), ())
        label = int(any(it.true for it in cov))
        rows.append(f)
        meta.append({"file": c["file"], "line": c["line"], "rule": c["rule"], "label": label,
                     "unlabelled": not cov, "fold": folds[repo_of(c["file"])]})
    names = list(rows[0])
    X = np.array([[r[k] for k in names] for r in rows], dtype=np.float64)
    y = np.array([m["label"] for m in meta])
    fold = np.array([m["fold"] for m in meta])
    return X, y, fold, names, meta, items, by_line
