#!/usr/bin/env bash
# The git modes on a real repository with a long history (bench/run.sh calls this).
#   bench/git_modes.sh HUSH REPO       env: BENCH_DIR, RUNS
# REPO should be a full clone, e.g. git clone https://github.com/redis/redis /tmp/bench-repos/redis
# Prints Markdown; never modifies REPO (the staged change is made in a --shared clone).
set -euo pipefail
HUSH=$1
REPO=$2
BENCH_DIR=${BENCH_DIR:-/tmp/hush-bench}
RUNS=${RUNS:-3}
have() { command -v "$1" >/dev/null 2>&1; }

median() {  # command... -> median seconds (hyperfine, in the current directory), exit status ignored
  hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$BENCH_DIR/g.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
  python3 -c "import json;print('%.2f'%json.load(open('$BENCH_DIR/g.json'))['results'][0]['median'])"
}

# Peak resident memory (VmHWM) of the command itself and of its largest child, in MB.
peaks() {
  "$@" >/dev/null 2>&1 &
  local pid=$! own=0 child=0 v c
  while kill -0 "$pid" 2>/dev/null; do
    v=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ -n $v ]] && own=$v
    for c in $(pgrep -P "$pid" 2>/dev/null || true); do
      v=$(awk '/VmHWM/{print $2}' "/proc/$c/status" 2>/dev/null || true)
      [[ -n $v && $v -gt $child ]] && child=$v
    done
    sleep 0.05
  done
  wait "$pid" || true
  echo "$((own / 1024)) MB (git child: $((child / 1024)) MB)"
}

commits=$(git -C "$REPO" rev-list --all | wc -l)
blobs=$(git -C "$REPO" rev-list --all --objects --filter=object:type=blob --filter-provided-objects 2>/dev/null | wc -l || echo "?")
bytes=$(git -C "$REPO" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{s+=$2} END{printf "%.0f", s}')
echo "repository: $REPO, $commits commits, $blobs reachable blobs, $((bytes / 1000000)) MB of blob content"
echo
echo "| command | median s | MB/s of blob content | peak RSS |"
echo "|---|---|---|---|"
floor=$(median git -C "$REPO" cat-file --batch-all-objects --batch)
echo "| \`git cat-file --batch-all-objects --batch\` (reading cost, floor) | $floor | $(python3 -c "print(round($bytes/1e6/$floor))") | $(peaks git -C "$REPO" cat-file --batch-all-objects --batch | cut -d' ' -f1-2) |"
history=$(cd "$REPO" && median "$HUSH" history -q)
( cd "$REPO" && peaks "$HUSH" history -q ) > "$BENCH_DIR/peaks.txt"
echo "| \`hush history\` (all refs) | $history | $(python3 -c "print(round($bytes/1e6/$history))") | $(cat "$BENCH_DIR/peaks.txt") |"
echo
echo "history throughput / cat-file throughput: $(python3 -c "print('%.2f' % ($floor/$history))")"

# Pre-commit: a 3-file, ~50-line change with one fake key, staged in a --shared clone.
work=$BENCH_DIR/staged-clone
rm -rf "$work"
git clone -q --shared "$REPO" "$work"
python3 - "$work" <<'PY'
import random, string, subprocess, sys
repo = sys.argv[1]
files = subprocess.run(["git", "-C", repo, "ls-files"], capture_output=True, text=True, check=True).stdout.split()
def first(suffixes):
    return next(f for f in files if f.endswith(suffixes) and "/" not in f.strip("/")[:0] and not f.startswith((".", "deps/", "tests/")))
rng = random.Random(7)
key = "AKIA" + "".join(rng.choice(string.ascii_uppercase + "234567") for _ in range(16))
edits = {first((".c", ".go", ".py", ".swift")): [f"static int bench_{i}(int x) {{ return x * {i}; }}" for i in range(20)],
         first((".md",)): [f"Benchmark paragraph line {i}: ordinary prose with no secrets." for i in range(15)],
         first((".conf", ".yml", ".yaml", ".toml", ".json")): [f"# bench option {i}" for i in range(14)] + [f"aws_access_key_id = {key}"]}
for path, lines in edits.items():
    with open(f"{repo}/{path}", "a") as f:
        f.write("\n" + "\n".join(lines) + "\n")
    subprocess.run(["git", "-C", repo, "add", path], check=True)
print("staged change:", ", ".join(f"{p} (+{len(l)})" for p, l in edits.items()), file=sys.stderr)
PY

# `hush staged` exactly as the pre-commit hook runs it (hyperfine discards the output): with
# an option such as -q the arguments go through the argument parser, a third more work.
# HUSH_STATIC (make bench sets it: the static binary of `make static`, as `make dist` ships it)
# is measured in the same run; its start-up has no dynamic linking to do.
change_median() {  # label, command...: its median on the staged change
  ( cd "$work" && hyperfine -N -i --warmup 5 --runs 30 --export-json "$BENCH_DIR/s.json" "$(printf '%q ' "${@:2}")" >/dev/null 2>&1 )
  python3 -c "import json;r=json.load(open('$BENCH_DIR/s.json'))['results'][0];print('$1 (3 files, 50 added lines): median %.1f ms (min %.1f, max %.1f)'%(r['median']*1e3,r['min']*1e3,r['max']*1e3))"
}
echo
change_median "hush staged, release build" "$HUSH" staged
if [[ -n ${HUSH_STATIC:-} && -x ${HUSH_STATIC:-} ]]; then change_median "hush staged, static binary" "$HUSH_STATIC" staged; fi
change_median "the floor, one git diff --cached of the change" git diff --cached --raw -z -p --unified=0
found=$(cd "$work" && "$HUSH" staged --format json 2>/dev/null | python3 -c "import json,sys;print(len(json.load(sys.stdin)['findings']))" || true)
echo "findings in the staged change: $found (one planted AWS key id)"
