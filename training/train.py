#!/usr/bin/env python3
"""Train and cross-validate the candidate scorer on credata-dev, 5 folds by repository exactly
as `score.py --folds 5` makes them. For each held-out fold: the thresholds of the two operating
points are chosen on out-of-fold predictions inside the other four folds (leave-one-fold-out),
the model is then trained on those four folds, and the held-out fold is scored with score.py's
own `score()` (line hits, items, strict precision with unlabelled lines). Only held-out figures
are printed. With --export, a final model is trained on all five folds and written as JSON.

  python3 training/collect.py                      # candidates -> /tmp/recall/cands.jsonl
  python3 training/train.py --model lgbm --model lr
  python3 training/train.py --model lgbm --export training/model.json
"""
import argparse
import json
import os
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import CORPUS, SCORE, K, repo_of  # noqa: E402
from dataset import load  # noqa: E402

SEED = 15
SCAN_MIN_STRICT_PRECISION = 0.90
STAGED_MIN_STRICT_PRECISION = 0.95


def make_model(kind):
    if kind == "lr":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler
        return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    import lightgbm as lgb
    return lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05, num_leaves=31, min_child_samples=10,
                              subsample=1.0, subsample_freq=0, colsample_bytree=0.8, reg_lambda=1.0,
                              random_state=SEED, n_jobs=2, verbose=-1, deterministic=True, force_row_wise=True)


def fit_predict(kind, X, y, train, test):
    m = make_model(kind)
    m.fit(X[train], y[train])
    return m.predict_proba(X[test])[:, 1], m


class Scorer:
    """score.py's score() on a set of folds, for reported (file, line) pairs."""

    def __init__(self, items, by_line):
        self.items, self.by_line = items, by_line
        self.known = defaultdict(set)
        for rid in os.listdir(os.path.join(CORPUS, "data")):
            for root, _, fs in os.walk(os.path.join(CORPUS, "data", rid)):
                for f in fs:
                    self.known[rid].add(os.path.relpath(os.path.join(root, f), os.path.join(CORPUS, "data")))

        self.cache = {}

    def subset(self, folds_of_repo, folds):
        """(items, by_line, known files, repos) of the folds, as score() takes them."""
        key = frozenset(folds)
        if key not in self.cache:
            repos = {r for r, f in folds_of_repo.items() if f in folds}
            items = {k: it for k, it in self.items.items() if repo_of(it.path) in repos}
            by_line = {k: v for k, v in self.by_line.items() if repo_of(k[0]) in repos}
            known = set().union(*(self.known[r] for r in repos))
            self.cache[key] = (items, by_line, known, repos)
        return self.cache[key]

    def score(self, folds_of_repo, folds, findings):
        return SCORE.score(findings, *self.subset(folds_of_repo, folds))


    def curve(self, meta, idx, p, folds_of_repo, folds):
        """score()'s tp, fp, fn and unlabelled lines at any threshold, from one pass over the
        candidates: a line is reported at t when its best candidate reaches t, an item is hit
        when any of its lines is, so each line and each item has the highest threshold at which
        it counts; counts at t are then two binary searches over sorted scores. Lines score()
        ignores (licence files, files outside the corpus) are left out the same way."""
        items, by_line, known, repos = self.subset(folds_of_repo, folds)
        line_of, lines = {}, []
        cand_line = np.empty(len(idx), dtype=np.int64)
        for n, i in enumerate(idx):
            m = meta[i]
            key = (m["file"], m["line"])
            j = line_of.get(key)
            if j is None:
                j = line_of[key] = len(lines)
                lines.append(key)
            cand_line[n] = j
        line_score = np.full(len(lines), -np.inf)
        np.maximum.at(line_score, cand_line, np.asarray(p, dtype=np.float64))
        unl, item_ids, pair_line, pair_item = [], {}, [], []
        for j, (path, ln) in enumerate(lines):
            rel = SCORE.normalise(path[len("data/"):], known, repos)
            if rel is None or SCORE.is_licence(rel):
                continue
            cov = by_line.get(("data/" + rel, ln))
            if not cov:
                unl.append(j)
                continue
            for it in cov:
                k = (it.path, it.ls, it.le)
                pair_line.append(j)
                pair_item.append(item_ids.setdefault(k, len(item_ids)))
        item_score = np.full(len(item_ids), -np.inf)
        np.maximum.at(item_score, np.array(pair_item, dtype=np.int64), line_score[np.array(pair_line, dtype=np.int64)])
        is_true = np.zeros(len(item_ids), dtype=bool)
        for k, n in item_ids.items():
            is_true[n] = items[k].true
        true_s, false_s = np.sort(item_score[is_true]), np.sort(item_score[~is_true])
        unl_s = np.sort(line_score[np.array(unl, dtype=np.int64)])
        total_t = sum(1 for it in items.values() if it.true)

        def at(t):
            tp = int(len(true_s) - np.searchsorted(true_s, t, side="left"))
            fp = int(len(false_s) - np.searchsorted(false_s, t, side="left"))
            u = int(len(unl_s) - np.searchsorted(unl_s, t, side="left"))
            fn = total_t - tp
            p_, r_, f1 = SCORE.prf(tp, fp, fn)
            ps, _, f1s = SCORE.prf(tp, fp + u, fn)
            return {"tp": tp, "fp": fp, "fn": fn, "precision": p_, "recall": r_, "f1": f1,
                    "unlabelled_lines": u, "precision_strict": ps, "f1_strict": f1s}
        return at


def findings_at(meta, p, t, idx):
    """One reported line per (file, line) whose best candidate reaches t; file relative to data/."""
    out = {}
    for i, s in zip(idx, p):
        if s >= t:
            m = meta[i]
            out[(m["file"], m["line"])] = m["rule"]
    return [(f[len("data/"):], ln, r) for (f, ln), r in out.items()]


def grid_of(p):
    """Every score the predictions hold, to 0.001: the operating points lie in the top few
    percent of the scores, where percentiles of all candidates are a handful of points apart,
    so a threshold chosen among percentiles jumped by whole steps when a few candidates changed."""
    return np.unique(np.round(np.asarray(p, dtype=np.float64), 3))


def choose(meta, idx, p, scorer, fold_map, folds):
    """Thresholds on out-of-fold predictions: scan = best F1 where strict precision is at least
    0.90, staged = the lowest threshold where it is at least 0.95; "at least" is the lower
    one-sided 95% Wilson bound of the strict precision, not the point estimate (else best F1)."""
    grid = grid_of(p)
    curve = scorer.curve(meta, idx, p, fold_map, folds)
    return pick(grid, [curve(t) for t in grid])


def wilson_lower(successes, n, z=1.645):
    """Lower bound of the one-sided 95% Wilson interval of a proportion: a fine threshold grid
    finds the point where the inner folds' precision only just reaches the floor, and the
    held-out folds then land under it (recall7 measured 0.013 under); the bound asks for the
    margin the counts themselves justify, with no parameter fitted to the held-out folds."""
    if n == 0:
        return 0.0
    phat = successes / n
    centre = phat + z * z / (2 * n)
    spread = z * np.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def strict_precision_bound(r):
    return wilson_lower(r["tp"], r["tp"] + r["fp"] + r["unlabelled_lines"])


def f1_standard_error(r):
    """The binomial standard error of an F1 over the True items (as of a recall)."""
    n = r["tp"] + r["fn"]
    return float(np.sqrt(r["f1"] * (1 - r["f1"]) / n)) if n else 0.0


def pick(grid, results):
    """scan: the highest threshold whose F1 is within one standard error of the best F1 where
    the strict precision bound reaches 0.90 (the one-standard-error rule: the F1 curve is flat
    around its best, and of points the data cannot tell apart the higher threshold reports
    less outside the corpus it was chosen on); staged: the lowest threshold whose bound reaches
    0.95; F1-max: the best F1. `grid` is ascending; ties go to the lowest threshold."""
    bounds = [strict_precision_bound(r) for r in results]
    scan_keys = [(b >= SCAN_MIN_STRICT_PRECISION, r["f1"]) for b, r in zip(bounds, results)]
    best = max(range(len(grid)), key=scan_keys.__getitem__)
    floor_met, best_f1 = scan_keys[best]
    margin = f1_standard_error(results[best])
    t_scan = max(t for t, (met, f1) in zip(grid, scan_keys) if met == floor_met and f1 >= best_f1 - margin)
    t_staged = next((t for t, b in zip(grid, bounds) if b >= STAGED_MIN_STRICT_PRECISION), float(grid[-1]))
    t_f1 = grid[max(range(len(grid)), key=lambda k: results[k]["f1"])]
    return t_scan, t_staged, t_f1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", action="append", choices=["lr", "lgbm"])
    ap.add_argument("--export", help="train on all folds and write the model JSON here")
    ap.add_argument("--json", help="write the cross-validated figures here")
    ap.add_argument("--export-folds", metavar="DIR",
                    help="also write DIR/model-fold-I.json: the model trained without fold I, with the "
                         "thresholds chosen without it (for scoring the real binary with HUSH_MODEL)")
    ap.add_argument("--check-search", action="store_true",
                    help="on the first fold's inner predictions, check that the fast threshold search gives "
                         "score()'s figures at every threshold of the grid, then stop")
    args = ap.parse_args()
    kinds = args.model or ["lgbm"]
    X, y, fold, names, meta, items, by_line = load()
    fold_map = {}
    from corpus import fold_of_repo
    fold_map = fold_of_repo()
    scorer = Scorer(items, by_line)
    print(f"{len(y)} candidates, {y.sum()} on True lines, {len(names)} features")
    results = {}
    for kind in kinds:
        per_fold = []
        for f in range(1, K + 1):
            inner = [g for g in range(1, K + 1) if g != f]
            oof_idx, oof_p = [], []
            for g in inner:
                tr = np.where((fold != f) & (fold != g))[0]
                te = np.where(fold == g)[0]
                p, _ = fit_predict(kind, X, y, tr, te)
                oof_idx.append(te)
                oof_p.append(p)
            oof_idx, oof_p = np.concatenate(oof_idx), np.concatenate(oof_p)
            if args.check_search:
                check_search(meta, oof_idx, oof_p, scorer, fold_map, set(inner))
                return
            t_scan, t_staged, t_f1 = choose(meta, oof_idx, oof_p, scorer, fold_map, set(inner))
            tr, te = np.where(fold != f)[0], np.where(fold == f)[0]
            p, fold_model = fit_predict(kind, X, y, tr, te)
            if args.export_folds:
                os.makedirs(args.export_folds, exist_ok=True)
                write_model(model_doc(kind, fold_model, names, t_scan, t_staged, t_f1),
                            os.path.join(args.export_folds, f"model-fold-{f}.json"))
            row = {"fold": f, "t_scan": float(t_scan), "t_staged": float(t_staged), "t_f1": float(t_f1)}
            for point, t in (("scan", t_scan), ("staged", t_staged), ("f1max", t_f1)):
                r = scorer.score(fold_map, {f}, findings_at(meta, p, t, te))
                row[point] = {k: r[k] for k in ("precision", "precision_strict", "recall", "f1", "f1_strict", "tp",
                                                "fp", "fn", "unlabelled_lines")}
                row[point]["recall_by_category"] = {c: (v["found"], v["total"]) for c, v in r["recall_by_category"].items()}
            cand = scorer.score(fold_map, {f}, findings_at(meta, np.ones(len(te)), 0.5, te))
            row["candidate_recall"] = cand["recall"]
            per_fold.append(row)
            print(f"[{kind}] fold {f}: candidates recall {cand['recall']:.3f} | scan t={t_scan:.3f} "
                  + fmt(row["scan"]) + f" | staged t={t_staged:.3f} " + fmt(row["staged"])
                  + f" | f1max t={t_f1:.3f} " + fmt(row["f1max"]), flush=True)
        for point in ("scan", "staged", "f1max"):
            mean = {k: float(np.mean([r[point][k] for r in per_fold])) for k in ("precision", "precision_strict", "recall", "f1")}
            print(f"[{kind}] mean {point}: " + fmt(mean))
        cats = defaultdict(lambda: [0, 0])
        for r in per_fold:
            for c, (fnd, tot) in r["scan"]["recall_by_category"].items():
                cats[c][0] += fnd
                cats[c][1] += tot
        print(f"[{kind}] scan recall per category (held-out folds pooled):")
        for c, (fnd, tot) in sorted(cats.items(), key=lambda kv: -kv[1][1]):
            print(f"    {c:<32} {fnd:5d} / {tot:<5d} {fnd / tot:.3f}")
        std = {p: np.std([r[p]["f1"] for r in per_fold]) for p in ("scan", "staged", "f1max")}
        print(f"[{kind}] F1 standard deviation over folds: " + ", ".join(f"{p} {v:.3f}" for p, v in std.items()))
        results[kind] = per_fold
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)
    if args.export:
        export(kinds[0], X, y, fold, names, meta, scorer, fold_map, args.export)


def check_search(meta, idx, p, scorer, fold_map, folds):
    """Every 20th threshold of the grid (score() takes about 4 s per threshold)."""
    grid = grid_of(p)[::20]
    curve = scorer.curve(meta, idx, p, fold_map, folds)
    keys = ("tp", "fp", "fn", "unlabelled_lines", "precision", "recall", "f1", "precision_strict", "f1_strict")
    bad, fast_all, slow_all = 0, [], []
    for t in grid:
        slow, fast = scorer.score(fold_map, folds, findings_at(meta, p, t, idx)), curve(t)
        fast_all.append(fast)
        slow_all.append(slow)
        diff = [k for k in keys if slow[k] != fast[k]]
        bad += bool(diff)
        if diff:
            print(f"t={t}: " + ", ".join(f"{k} {slow[k]} != {fast[k]}" for k in diff))
    print(f"{len(grid)} thresholds, {bad} differ; thresholds fast {pick(grid, fast_all)} reference {pick(grid, slow_all)}")


def fmt(r):
    return (f"P {r['precision']:.3f} strictP {r['precision_strict']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")


def export(kind, X, y, fold, names, meta, scorer, fold_map, path):
    """Thresholds from 5-fold out-of-fold predictions on all folds, then one model on everything."""
    idx, ps = [], []
    for f in range(1, K + 1):
        p, _ = fit_predict(kind, X, y, np.where(fold != f)[0], np.where(fold == f)[0])
        idx.append(np.where(fold == f)[0])
        ps.append(p)
    t_scan, t_staged, t_f1 = choose(meta, np.concatenate(idx), np.concatenate(ps), scorer, fold_map, set(range(1, K + 1)))
    _, m = fit_predict(kind, X, y, np.arange(len(y)), np.arange(1))
    write_model(model_doc(kind, m, names, t_scan, t_staged, t_f1), path)
    print(f"wrote {path}: thresholds scan {t_scan:.4f}, staged {t_staged:.4f}")


def model_doc(kind, m, names, t_scan, t_staged, t_f1):
    """The model JSON that check_model.py and the Swift scorer read."""
    doc = {"format": f"hush-scorer/{kind}/1", "features": names,
           "thresholds": {"scan": round(float(t_scan), 4), "staged": round(float(t_staged), 4),
                          "f1max": round(float(t_f1), 4)}}
    if kind == "lr":
        sc, lr = m.steps[0][1], m.steps[1][1]
        doc["mean"], doc["scale"] = sc.mean_.round(6).tolist(), sc.scale_.round(6).tolist()
        doc["weights"], doc["bias"] = lr.coef_[0].round(6).tolist(), round(float(lr.intercept_[0]), 6)
    else:
        doc["trees"] = [compact(t["tree_structure"]) for t in m.booster_.dump_model()["tree_info"]]
    return doc


def write_model(doc, path):
    with open(path, "w") as fh:
        json.dump(doc, fh, separators=(",", ":"))


def compact(node):
    """LightGBM's tree -> [feature, threshold, left, right] / leaf value; x[feature] <= threshold goes left."""
    if "leaf_value" in node:
        return round(node["leaf_value"], 6)
    assert node["decision_type"] == "<="
    return [node["split_feature"], node["threshold"], compact(node["left_child"]), compact(node["right_child"])]


if __name__ == "__main__":
    main()
