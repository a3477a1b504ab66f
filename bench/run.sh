#!/usr/bin/env bash
# make bench: Hush beside ripgrep on a generated ~200 MB source-like corpus, in one run.
#
#   bench/run.sh [HUSH_BINARY]     env: BENCH_DIR (default /tmp/hush-bench), BENCH_MB (200),
#                                       RUNS (hyperfine runs, default 5)
#
# Prints a Markdown table; BENCHMARKS.md records one run and the machine it ran on.
# Tools that are missing are named and skipped, never a failure.
set -euo pipefail
HUSH=${1:-.build/release/hush}
HUSH=$(cd "$(dirname "$HUSH")" && pwd)/$(basename "$HUSH")
BENCH_DIR=${BENCH_DIR:-/tmp/hush-bench}
BENCH_MB=${BENCH_MB:-200}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=$BENCH_DIR/corpus-$BENCH_MB
mkdir -p "$BENCH_DIR"

have() { command -v "$1" >/dev/null 2>&1; }
note() { printf 'bench: %s\n' "$*" >&2; }

if [[ ! -f $CORPUS/PLANTED.txt ]]; then
  note "generating a ${BENCH_MB} MB corpus in $CORPUS"
  python3 "$ROOT/bench/gen_corpus.py" "$CORPUS" "$BENCH_MB"
fi
one_core=()
if have taskset; then one_core=(taskset -c 0); else note "taskset missing: 'one core' runs use every core"; fi

# The catalog's regexes and keywords, for ripgrep.
python3 - "$ROOT/patterns" "$BENCH_DIR" <<'PY'
import sys, tomllib, pathlib
rules = [r for f in sorted(pathlib.Path(sys.argv[1]).glob("*.toml")) for r in tomllib.loads(f.read_text()).get("rule", [])]
out = pathlib.Path(sys.argv[2])
# PCRE2 refuses one alternation of every rule ("regular expression is too large"):
# ripgrep gets them in chunks, one run per chunk (bench/rg-regexes.sh).
regexes = [r["regex"] for r in rules if not r.get("multiline")]
for old in out.glob("regexes-*.txt"): old.unlink()
for i in range(0, len(regexes), 60):
    (out / f"regexes-{i // 60:02d}.txt").write_text("".join(x + "\n" for x in regexes[i:i + 60]))
(out / "keywords.txt").write_text("".join(sorted({k + "\n" for r in rules for k in r["keywords"]})))
PY

echo "$(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $(du -sm "$CORPUS" | cut -f1) MB in $(find "$CORPUS" -type f | wc -l) files; rules: $("$HUSH" rules list | wc -l)"
echo
echo "| command | median s | MB/s |"
echo "|---|---|---|"
bytes=$(cat "$CORPUS"/src/* | wc -c)
measure() {  # label, command...
  local label=$1; shift
  local median
  if have hyperfine; then
    hyperfine -N -i --warmup "${WARMUP:-1}" --runs "$RUNS" --export-json "$BENCH_DIR/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    median=$(python3 -c "import json;print('%.3f'%json.load(open('$BENCH_DIR/h.json'))['results'][0]['median'])")
  else
    local start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; local end=$(date +%s.%N)
    median=$(python3 -c "print('%.3f'%($end-$start))")
  fi
  echo "| \`$label\` | $median | $(python3 -c "print(round($bytes/1e6/$median))") |"
}
measure "hush scan (1 core)" "${one_core[@]}" "$HUSH" scan --all-files -q "$CORPUS"
measure "hush scan (all cores)" "$HUSH" scan --all-files -q "$CORPUS"
if have rg; then
  measure "rg -j1 -c -i -F -f keywords (keyword pass only)" "${one_core[@]}" rg -j1 -c -i -F -f "$BENCH_DIR/keywords.txt" "$CORPUS"
  # A minute or more per run: measured once.
  RUNS=1 WARMUP=0 measure "rg -j1 -c -P -f regexes (catalog regexes, no filters)" "${one_core[@]}" bash "$ROOT/bench/rg-regexes.sh" "$BENCH_DIR" "$CORPUS" -j1
else
  note "ripgrep missing: install it (apt-get install ripgrep) for the comparison rows"
fi

echo
printf 'small file: '
tiny=$BENCH_DIR/one-file.txt
printf 'const port = 8080;\n' >"$tiny"
if have hyperfine; then
  hyperfine -N --warmup 5 --runs 50 --export-json "$BENCH_DIR/t.json" "$HUSH scan -q $tiny" >/dev/null 2>&1 || true
  python3 -c "import json;r=json.load(open('$BENCH_DIR/t.json'))['results'][0];print('hush scan of one file: median %.1f ms (min %.1f, max %.1f)'%(r['median']*1e3,r['min']*1e3,r['max']*1e3))"
fi

found=$("$HUSH" scan --all-files --format json "$CORPUS" | python3 -c "import json,sys;print(len({f['file'] for f in json.load(sys.stdin)['findings']}))" || true)
echo "planted secrets: $(wc -l <"$CORPUS/PLANTED.txt") files; files with findings: $found"

# Git modes on a real repository with a long history.
BENCH_REPO=${BENCH_REPO:-/tmp/bench-repos/redis}
echo
if [[ -d $BENCH_REPO/.git ]] && have hyperfine; then
  BENCH_DIR=$BENCH_DIR bash "$ROOT/bench/git_modes.sh" "$HUSH" "$BENCH_REPO"
  # The peers, beside Hush, on the same repository (PEERS: where bench/install-peers.sh put them).
  BENCH_DIR=$BENCH_DIR bash "$ROOT/bench/peers.sh" "$HUSH" "$BENCH_REPO"
else
  note "git modes skipped: set BENCH_REPO to a full clone with a long history, e.g."
  note "  git clone https://github.com/redis/redis /tmp/bench-repos/redis (and install hyperfine)"
fi
