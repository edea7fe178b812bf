#!/usr/bin/env bash
# Runs the libFuzzer targets of the sanitizer build (build/asan, made by `tools/run test` or
# `tools/run asan`) for a bounded time, two at a time, from seed corpora built at run time.
#   tools/fuzz.sh [SECONDS] [TARGET...]      default: 60 seconds for each of the four targets
#   tools/fuzz.sh 0                          only replay the seed corpus and the regressions
# Environment: FUZZ_JOBS (targets run at once, default 2), FUZZ_CORPUS (corpus directory kept
# between runs, default build/fuzz/corpus), FUZZ_ARGS (more libFuzzer flags).
# A crash, a leak, a timeout or an invariant failure stops with the input saved under
# build/fuzz/artifacts/ and a non-zero exit; README.md ("Fuzzing") says how to keep it as a
# regression input.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_ingest fuzz_analyse fuzz_temporal fuzz_corrections)
jobs=${FUZZ_JOBS:-2}
bin=build/asan/tests/fuzz
corpus=${FUZZ_CORPUS:-build/fuzz/corpus}
artifacts=build/fuzz/artifacts
logs=build/fuzz/logs/$(basename "$corpus")  # one directory per corpus: runs may overlap
mkdir -p "$artifacts" "$logs"

for target in "${targets[@]}"; do
  [ -x "$bin/$target" ] || { echo "fuzz: $bin/$target is missing: run tools/run asan first" >&2; exit 2; }
done
node tools/fuzz-corpus.mjs "$corpus" >&2

# Per target: the longest input worth mutating, and a dictionary of its format's words.
max_len() { case $1 in fuzz_corrections) echo 4096 ;; fuzz_temporal) echo 4096 ;; *) echo 16384 ;; esac; }
dict() { case $1 in fuzz_ingest) echo tests/fuzz/html.dict ;; fuzz_corrections) echo tests/fuzz/corrections.dict ;; *) echo tests/fuzz/temporal.dict ;; esac; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0:handle_abort=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# libFuzzer reads -max_total_time=0 as "no limit": 0 seconds means one pass over the corpus.
if [ "$seconds" -eq 0 ]; then limit=(-runs=0); else limit=(-max_total_time="$seconds"); fi

run_one() {
  local target=$1
  # -timeout: an input taking 10 s is a complexity bug, not a slow machine. -rss_limit_mb: the
  # resource pack is loaded once; growth past this is a leak or a blow-up.
  "$bin/$target" "${limit[@]}" -timeout=10 -rss_limit_mb=3072 -max_len="$(max_len "$target")" \
    -dict="$(dict "$target")" -artifact_prefix="$artifacts/$target-" -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$corpus/$target" >"$logs/$target.log" 2>&1
}

pids=() names=() failed=()
wait_one() {
  local pid=${pids[0]} name=${names[0]}
  pids=("${pids[@]:1}") names=("${names[@]:1}")
  if wait "$pid"; then
    printf 'fuzz: %-17s ok   %s runs, %s\n' "$name" \
      "$(grep -aEo 'stat::number_of_executed_units: [0-9]+' "$logs/$name.log" | grep -Eo '[0-9]+' || grep -aEo 'INITED exec' "$logs/$name.log" | sed 's/.*/the corpus/')" \
      "$(grep -aEo 'cov: [0-9]+' "$logs/$name.log" | tail -1 || true)" >&2
  else
    failed+=("$name")
    printf 'fuzz: %-17s FAILED (log: %s)\n' "$name" "$logs/$name.log" >&2
    grep -aE 'ERROR|invariant|SUMMARY|Test unit written|runtime error|terminate called|what\(\)' "$logs/$name.log" | head -20 >&2 || true
  fi
}
for target in "${targets[@]}"; do
  [ ${#pids[@]} -lt "$jobs" ] || wait_one
  run_one "$target" &
  pids+=($!) names+=("$target")
done
while [ ${#pids[@]} -gt 0 ]; do wait_one; done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} found a problem; the input is in $artifacts/ (see README.md, Fuzzing)" >&2
  exit 1
fi
