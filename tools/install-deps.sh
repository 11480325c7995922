#!/usr/bin/env bash
# Installs the Debian packages timeline builds with, and says what it did. Idempotent: a machine
# that already has everything is left alone (no apt-get update, no root needed).
set -euo pipefail

packages=(g++ cmake make ninja-build pkg-config
          libboost-dev libhowardhinnant-date-dev nlohmann-json3-dev
          libgtest-dev libgmock-dev libbenchmark-dev
          libcli11-dev libpugixml-dev libgumbo-dev libsimdjson-dev python3
          clang libclang-rt-dev)  # clang + its runtime: the libFuzzer targets of tests/fuzz

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install as root: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: installed ${missing[*]}"
