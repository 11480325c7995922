#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (address and undefined-behaviour
# sanitizers) into build/fuzz and runs each for a bounded time.
#   tools/fuzz.sh [SECONDS_PER_TARGET]     (default 20)
# Exits non-zero if a target does not build or finds a crash, leak, timeout or sanitizer report;
# the reproducer is left in build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-20}"
build=build/fuzz
cxx="${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}"

cmake -S tests/fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j2

# Seed corpora: the project's own fixture articles, by format.
seed() {
  local target=$1; shift
  local dir="$build/corpus/$target"
  mkdir -p "$dir"
  for pattern in "$@"; do
    find fixtures/articles -name "$pattern" -type f -size -64k -exec cp {} "$dir/" \; 2>/dev/null || true
  done
}
seed fuzz_plain_text '*.txt' '*.md'
seed fuzz_jsonl '*.jsonl'
seed fuzz_html '*.html'
seed fuzz_timeml '*.tml'
seed fuzz_publication_date '*.txt'

mkdir -p "$build/artifacts"
status=0
for target in fuzz_plain_text fuzz_jsonl fuzz_html fuzz_timeml fuzz_publication_date; do
  echo "== $target (${seconds}s)"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$build/$target" "$build/corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=0 2>"$build/$target.log"; then
    echo "$target FAILED; see $build/$target.log" >&2
    tail -n 40 "$build/$target.log" >&2
    status=1
  else
    tail -n 1 "$build/$target.log"
  fi
done
exit "$status"
