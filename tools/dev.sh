#!/usr/bin/env bash
# The README's two set-up commands.
#   tools/dev.sh demo   install dependencies, build, and build the timeline of the flagship story
#   tools/dev.sh test   install dependencies, build, and run every test (optimized and sanitized)
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
    ;;
  *)
    echo "usage: tools/dev.sh demo|test" >&2
    exit 2
    ;;
esac
