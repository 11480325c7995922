#!/usr/bin/env bash
# The README's two set-up commands.
#   tools/dev.sh demo   install dependencies, build, and build the timeline of the flagship story
#   tools/dev.sh test   install dependencies, build, and run every test (optimized, sanitized, fuzzed)
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh

case "${1:-}" in
  demo)
    cmake --preset release >/dev/null
    cmake --build --preset release --target timeline
    # The flagship story: three articles about a bridge closure and reopening that disagree on the
    # reopening day. Prints the reconciled timeline, then the contradiction.
    build/release/tools/timeline build --format text fixtures/stories/bridge-reopening/articles
    ;;
  test)
    cmake --preset release >/dev/null
    cmake --build --preset release
    ctest --preset release
    cmake --preset sanitize >/dev/null
    cmake --build --preset sanitize
    ctest --preset sanitize
    # Every input parser under libFuzzer, a bounded time each (the reproducer of a crash is kept
    # in build/fuzz/artifacts/).
    tools/fuzz.sh "${TIMELINE_FUZZ_SECONDS:-15}"
    ;;
  *)
    echo "usage: tools/dev.sh demo|test" >&2
    exit 2
    ;;
esac
