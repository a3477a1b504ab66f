"""Shared helpers: the corpus, its markup and score.py's folds (imported, not copied, so the
folds are exactly the ones `score.py --folds 5` uses)."""
import importlib.util
import os

CORPUS = os.environ.get("CREDATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "credata-dev"))
if not os.path.isdir(CORPUS):
    CORPUS = "/work/shared/credata-dev"
CORPUS = os.path.abspath(CORPUS)
SCRATCH = os.environ.get("RECALL_SCRATCH", "/tmp/recall")
K = 5


def score_module():
    spec = importlib.util.spec_from_file_location("credata_score", os.path.join(CORPUS, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCORE = score_module()


def markup():
    """items {(path, ls, le): Item} and by_line {(path, line): [Item]} for the whole corpus."""
    return SCORE.load_markup(os.path.join(CORPUS, "meta"))


def fold_of_repo():
    """repo_id -> fold number 1..K, as `score.py --folds K` assigns them."""
    names = SCORE.load_repos(CORPUS)
    folds = SCORE.folds_of(CORPUS, names, K)
    return {rid: i + 1 for i, f in enumerate(folds) for rid in f["repos"]}


def repo_of(path):
    """'data/<repo_id>/…' -> repo_id"""
    return path.split("/")[1]
