#!/usr/bin/env bash
# Scores `timeline tag` on TimeBank + AQUAINT (TBAQ-cleaned, ../shared/corpora/tbaq) with the
# TempEval-3 Task A measures, through `timeline eval`, and with the reference te3score.py when it
# is there. Usage: tools/tbaq-eval.sh [BUILD_DIR]   (default build/release, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
corpus=../shared/corpora/tbaq
if [ ! -d "$corpus/TimeBank" ]; then
  echo "tbaq-eval: $corpus not found; the TBAQ corpus lives in ../shared and is not part of the project" >&2
  exit 1
fi
if [ ! -x "$build/tools/timeline" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target timeline
  build=build/release
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gold" "$work/system"
ln -s "$(cd "$corpus" && pwd)"/TimeBank/*.tml "$(cd "$corpus" && pwd)"/AQUAINT/*.tml "$work/gold/"
"$build/tools/timeline" tag --out "$work/system" "$corpus/TimeBank" "$corpus/AQUAINT"
echo "timeline eval (TimeBank + AQUAINT, $(ls "$work/gold" | wc -l) documents):"
"$build/tools/timeline" eval "$work/gold" "$work/system"
if command -v python3 >/dev/null && [ -f ../shared/tools/te3score.py ]; then
  echo "reference te3score.py on the same folders:"
  python3 ../shared/tools/te3score.py "$work/gold" "$work/system" | grep -v '^note:'
fi
