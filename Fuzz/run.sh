#!/usr/bin/env bash
# Runs each fuzz target under libFuzzer for FUZZ_SECONDS (make fuzz). New inputs go to a
# working corpus in .build-fuzz/corpus/TARGET; the ones that add coverage are then merged into
# the committed corpus, Fuzz/corpus/TARGET. A crash, timeout or out-of-memory input is written
# to Fuzz/regressions/TARGET/, where the regression tests (make test) replay it: fix the bug,
# commit the input. Prints one summary line per target; exits 1 when any target failed.
set -u
seconds=${FUZZ_SECONDS:-120}
targets=${FUZZ_TARGETS:-config baseline rules staged-diff pre-push detector}
bin=.build-fuzz/release
failed=0
for target in $targets; do
  work=.build-fuzz/corpus/$target
  log=.build-fuzz/logs/$target.log
  mkdir -p "$work" .build-fuzz/logs "Fuzz/corpus/$target" "Fuzz/regressions/$target"
  dict=()
  case $target in
    # TOMLKit loses 96 bytes on every parse, even of a valid document: a dependency's leak,
    # which would stop these targets at their first input. ASan still catches every crash,
    # overflow and use-after-free; only the exit-time leak check is off for them.
    config | rules) dict=(-dict=Fuzz/dict/toml.dict -detect_leaks=0) ;;
    *) [ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict") ;;
  esac
  # -timeout: one input taking seconds is a bug (hooks run on every commit); -rss_limit_mb: the
  # same for memory; -max_len: configs and diffs are small, and 64 KiB reaches every chunk edge.
  leaks=1
  case $target in config | rules) leaks=0 ;; esac
  # libFuzzer's -detect_leaks=0 stops the per-input check; ASan's own check at exit needs this.
  ASAN_OPTIONS=detect_leaks=$leaks "$bin/fuzz-$target" "$work" "Fuzz/corpus/$target" "Fuzz/regressions/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="Fuzz/regressions/$target/" >"$log" 2>&1
  status=$?
  ASAN_OPTIONS=detect_leaks=$leaks "$bin/fuzz-$target" -merge=1 -artifact_prefix="$work/" "Fuzz/corpus/$target" "$work" >>"$log" 2>&1
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | tail -1)
  result=ok
  [ $status -ne 0 ] && result="FAILED (exit $status, input in Fuzz/regressions/$target/)" && failed=1
  echo "fuzz-$target: ${time:-in ?} s, ${runs:-?} runs, ${cov:-cov: ?}, corpus $(ls "Fuzz/corpus/$target" | wc -l) files: $result (log: $log)"
done
exit $failed
