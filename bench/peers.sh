#!/usr/bin/env bash
# Hush beside its peers on a real repository, in one run (bench/run.sh calls this):
#   bench/peers.sh HUSH REPO      env: PEERS (/tmp/peers, see install-peers.sh), BENCH_DIR, RUNS, PC_RUNS
# Three scenarios, each tool in its closest mode: pre-commit (a staged 3-file change),
# history (every commit on every ref), working tree. Prints Markdown tables: median, min–max,
# time relative to Hush, MB/s, peak RSS (/usr/bin/time -v) and the findings in each report.
# A missing tool is named and skipped. REPO is never modified (pre-commit runs in a --shared
# clone under BENCH_DIR).
set -uo pipefail
HUSH=$1
REPO=$(cd "$2" && pwd)
PEERS=${PEERS:-/tmp/peers}
BENCH_DIR=${BENCH_DIR:-/tmp/hush-bench}
RUNS=${RUNS:-3}
# Pre-commit runs take milliseconds to a second, and one scheduler hiccup moves a 3-run median
# of a 20 ms command by a quarter: more runs there.
PC_RUNS=${PC_RUNS:-10}
OUT=$BENCH_DIR/peers
mkdir -p "$OUT"
export PATH="$PEERS/bin:$PATH"
have() { command -v "$1" >/dev/null 2>&1; }
note() { printf 'bench: %s\n' "$*" >&2; }

# Findings in a report, by its tool's format.
count() {  # kind file
  python3 - "$1" "$2" <<'PY' 2>/dev/null || echo "?"
import json, sys
kind, path = sys.argv[1], sys.argv[2]
if kind == "lines":
    print(sum(1 for line in open(path, errors="replace") if line.strip()))
    sys.exit()
data = json.load(open(path))
if kind == "hush": print(len(data["findings"]))
elif kind == "leaks": print(len(data))
elif kind == "kingfisher": print(len(data.get("findings") or []))  # kingfisher, betterleaks 2
elif kind == "detect-secrets": print(sum(len(v) for v in data["results"].values()))
PY
}

HUSH_MEDIAN=""
# row LABEL DIR BYTES COUNT-KIND REPORT RUNS -- COMMAND...
row() {
  local label=$1 dir=$2 bytes=$3 kind=$4 report=$5 runs=$6
  shift 7
  local tool=${1##*/}
  [[ $tool == sh ]] && tool=$(echo "$3" | awk '{print $1}')
  if ! have "$1" || { [[ $1 == sh ]] && ! have "$tool"; }; then
    echo "| $label | not installed | | | | | |"
    note "$tool missing: skipped (bench/install-peers.sh installs it)"
    return
  fi
  (cd "$dir" && hyperfine -N -i --warmup $((runs > 1 ? 1 : 0)) --runs "$runs" --export-json "$OUT/h.json" \
    "$(printf '%q ' "$@")" >/dev/null 2>&1)
  read -r median low high < <(python3 -c "import json;r=json.load(open('$OUT/h.json'))['results'][0];print('%.3f %.3f %.3f'%(r['median'],r['min'],r['max']))")
  local rss
  rss=$(cd "$dir" && { /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.txt"; awk -F: '/Maximum resident/{printf "%d MB", $2/1024}' "$OUT/time.txt"; })
  [[ -z $HUSH_MEDIAN ]] && HUSH_MEDIAN=$median
  local ratio rate found
  ratio=$(python3 -c "print('%.1f×' % ($median / $HUSH_MEDIAN))")
  rate=$([[ $bytes -gt 0 ]] && python3 -c "print(round($bytes/1e6/$median))" || echo "—")
  found=$([[ $kind == none ]] && echo "—" || count "$kind" "$report")
  echo "| $label | $median | $low–$high | $ratio | $rate | $rss | $found |"
}

header() {
  echo
  echo "$1"
  echo
  echo "| tool and command | median s | min–max s | time vs Hush | MB/s | peak RSS | findings |"
  echo "|---|---|---|---|---|---|---|"
  HUSH_MEDIAN=""
}

blob_bytes=$(git -C "$REPO" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{s+=$2} END{printf "%.0f", s}')
tree_bytes=$(git -C "$REPO" ls-files -z | (cd "$REPO" && xargs -0 cat 2>/dev/null) | wc -c)
echo "peers: $(tr '\n' ';' < "$PEERS/VERSIONS.txt" 2>/dev/null | sed 's/;$//; s/;/; /g')"

# --- pre-commit: a 3-file, ~50-line staged change with one fake AWS key id --------------
work=$BENCH_DIR/staged-clone
if [[ ! -d $work/.git ]]; then note "run bench/git_modes.sh first (it prepares $work)"; fi
if have git-secrets; then git -C "$work" secrets --register-aws >/dev/null 2>&1 || true; fi
staged=$(git -C "$work" diff --cached --name-only | tr '\n' ' ')
header "Pre-commit on $REPO ($(git -C "$work" diff --cached --numstat | awk '{a+=$1} END{print a}') added lines in 3 staged files), $PC_RUNS runs after a warm-up"
row "\`hush staged\`" "$work" 0 hush "$OUT/pc-hush.json" "$PC_RUNS" -- "$HUSH" staged -q --format json -o "$OUT/pc-hush.json"
row "\`git secrets --scan\` (AWS patterns only)" "$work" 0 none - "$PC_RUNS" -- sh -c "git secrets --scan $staged"
row "\`betterleaks git --staged\`" "$work" 0 kingfisher "$OUT/pc-bl.json" "$PC_RUNS" -- betterleaks git --staged --no-banner --redact -o "$OUT/pc-bl.json" .
row "\`gitleaks git --pre-commit --staged\`" "$work" 0 leaks "$OUT/pc-gl.json" "$PC_RUNS" -- gitleaks git --pre-commit --staged --no-banner --redact -f json -r "$OUT/pc-gl.json" .
row "\`kingfisher scan --staged\`" "$work" 0 kingfisher "$OUT/pc-kf.json" "$PC_RUNS" -- kingfisher scan . --staged --no-validate -q --format json -o "$OUT/pc-kf.json"
row "\`detect-secrets-hook\` on the staged files" "$work" 0 none - "$PC_RUNS" -- sh -c "detect-secrets-hook $staged"

# --- history: every commit on every ref ---------------------------------------------------
header "History of $REPO (every ref; $((blob_bytes / 1000000)) MB of unique blob content), $RUNS runs after a warm-up"
row "\`hush history\`" "$REPO" "$blob_bytes" hush "$OUT/h-hush.json" "$RUNS" -- "$HUSH" history -q --format json -o "$OUT/h-hush.json"
row "\`git cat-file --batch-all-objects --batch\` (reading only: the floor)" "$REPO" "$blob_bytes" none - "$RUNS" -- git cat-file --batch-all-objects --batch
row "\`betterleaks git --log-opts=--all\`" "$REPO" "$blob_bytes" kingfisher "$OUT/h-bl.json" "$RUNS" -- betterleaks git --no-banner --redact --log-opts=--all -o "$OUT/h-bl.json" .
row "\`kingfisher scan --git-history full\`" "$REPO" "$blob_bytes" kingfisher "$OUT/h-kf.json" "$RUNS" -- kingfisher scan . --git-history full --no-validate -q --format json -o "$OUT/h-kf.json"
row "\`gitleaks git --log-opts=--all\`" "$REPO" "$blob_bytes" leaks "$OUT/h-gl.json" "$RUNS" -- gitleaks git --no-banner --redact --log-opts=--all -f json -r "$OUT/h-gl.json" .

# --- working tree: the checked-out files ---------------------------------------------------
header "Working tree of $REPO ($((tree_bytes / 1000000)) MB in $(git -C "$REPO" ls-files | wc -l) tracked files), $RUNS runs after a warm-up (detect-secrets: one run)"
row "\`hush scan\`" "$REPO" "$tree_bytes" hush "$OUT/w-hush.json" "$RUNS" -- "$HUSH" scan -q --format json -o "$OUT/w-hush.json" .
row "\`kingfisher scan --git-history none\`" "$REPO" "$tree_bytes" kingfisher "$OUT/w-kf.json" "$RUNS" -- kingfisher scan . --git-history none --no-validate -q --format json -o "$OUT/w-kf.json"
row "\`gitleaks dir\`" "$REPO" "$tree_bytes" leaks "$OUT/w-gl.json" "$RUNS" -- gitleaks dir --no-banner --redact -f json -r "$OUT/w-gl.json" .
row "\`betterleaks fs\`" "$REPO" "$tree_bytes" kingfisher "$OUT/w-bl.json" "$RUNS" -- betterleaks fs --no-banner --redact -o "$OUT/w-bl.json" .
row "\`rg -c -P -f regexes\` (Hush's catalog as raw regexes, no filters)" "$REPO" "$tree_bytes" none - 1 -- bash "$(dirname "$0")/rg-regexes.sh" "$BENCH_DIR" .
row "\`detect-secrets scan --all-files\`" "$REPO" "$tree_bytes" none - 1 -- sh -c "detect-secrets scan --all-files > $OUT/w-ds.json"
echo
echo "detect-secrets findings in the working tree: $(count detect-secrets "$OUT/w-ds.json")"
