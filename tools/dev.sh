#!/usr/bin/env bash
# The README's two set-up commands.
#   tools/dev.sh demo   install dependencies, build, and run the main job on the embedded example
#   tools/dev.sh test   install dependencies, build, and run every test (optimized and sanitized)
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh

case "${1:-}" in
  demo)
    cmake --preset release >/dev/null
    cmake --build --preset release --target timeline
    build/release/tools/timeline tag --format text fixtures/example/article.jsonl
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
