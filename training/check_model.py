#!/usr/bin/env python3
"""The reference evaluator the Swift scorer mirrors, and its check: plain Python over
model.json (no LightGBM, no numpy) must give the same probabilities as the trained model.

  python3 training/check_model.py training/model.json      # recomputes features from /tmp/recall/cands.jsonl

Model JSON: {"format": "hush-scorer/lgbm/1", "features": [names...], "thresholds": {...},
"trees": [tree...]}; a tree is a leaf value (a number) or [feature index, threshold, left,
right], and x[feature] <= threshold goes left. probability = 1 / (1 + exp(-sum of the leaves)).
"""
import json
import math
import os
import sys


def leaf(tree, x):
    while isinstance(tree, list):
        feature, threshold, left, right = tree
        tree = left if x[feature] <= threshold else right
    return tree


def probability(model, x):
    if "trees" in model:
        raw = sum(leaf(t, x) for t in model["trees"])
    else:
        raw = model["bias"] + sum(w * (v - m) / s for w, v, m, s in zip(model["weights"], x, model["mean"], model["scale"]))
    return 1.0 / (1.0 + math.exp(-raw))


def main():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import numpy as np
    from dataset import load
    from train import fit_predict
    model = json.load(open(sys.argv[1]))
    X, y, fold, names, meta, _, _ = load()
    assert names == model["features"], "feature order differs from the model's"
    kind = model["format"].split("/")[1]
    _, m = fit_predict(kind, X, y, np.arange(len(y)), np.arange(1))
    rng = np.random.default_rng(15)
    sample = rng.choice(len(y), size=2000, replace=False)
    ref = m.predict_proba(X[sample])[:, 1]
    ours = np.array([probability(model, X[i].tolist()) for i in sample])
    print(f"max |difference| over 2000 candidates: {np.abs(ref - ours).max():.2e}")


if __name__ == "__main__":
    main()
