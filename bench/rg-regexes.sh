#!/usr/bin/env bash
# ripgrep with every catalog regex, in the chunks bench/run.sh wrote (PCRE2 cannot compile
# them as one alternation). Fails loudly if ripgrep rejects a chunk, so that a broken
# reference row is never timed as a fast one.
#   bench/rg-regexes.sh BENCH_DIR TARGET [rg options...]
set -uo pipefail
dir=$1 target=$2
shift 2
for chunk in "$dir"/regexes-*.txt; do
  rg -c -P "$@" -f "$chunk" "$target" >/dev/null
  status=$?
  ((status <= 1)) || { echo "rg-regexes: ripgrep failed on $chunk" >&2; exit 2; }
done
