#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# `timeline tag` and chrono-node side by side, in one run, on the same JSON Lines file of TBAQ
# news text, then the memory check: `timeline tag` on a 100 MB JSON Lines file.
#
#   bench/compare_chrono.sh [BUILD_DIR]          (default: build-bench next to this folder)
#
# Environment:
#   MB=20           size of the comparison file, in 10^6 bytes
#   MEMORY_MB=100   size of the memory-check file; 0 skips the check
#   RSS_LIMIT_MB=50 the memory target the check reports against
#   COUNT=1         0 skips the second, untimed `timeline tag` run that counts the expressions
#   RUNS=3          timed runs of each tool, taken in turn; the table gives the median of each
#                   figure (a 20 MB run of `timeline tag` takes a quarter of a second, and on a
#                   shared machine one run of it varied from 0.23 s to 0.33 s of CPU)
#
# It builds only the `timeline` target (a no-op when it is up to date; BUILD_DIR is configured in
# Release when it has never been), installs chrono-node with npm into BUILD_DIR/chrono when it is
# not there (the version pinned in bench/package.json; nothing global), and writes the generated
# files into BUILD_DIR. Both tools run on one thread, one after the other; the machine's load
# average is printed before and after, because it changes the figures.
#
# Throughput is file bytes (10^6) per second, reading and JSON parsing included for both;
# `timeline tag` also writes its JSON output (to /dev/null), chrono's driver writes nothing. It is
# given per second of wall time and per second of CPU time (user + system): on a shared machine
# the CPU figure is the steadier one (node's CPU time includes its garbage collector threads).
# Peak RSS is the maximum resident set size of each process (GNU time %M, or VmHWM polled from
# /proc when GNU time is missing).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$(mkdir -p "${1:-$root/build-bench}" && cd "${1:-$root/build-bench}" && pwd)"
mb="${MB:-20}"
memory_mb="${MEMORY_MB:-100}"
rss_limit="${RSS_LIMIT_MB:-50}"
count="${COUNT:-1}"
runs="${RUNS:-3}"

say() { printf '%s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --- the programs ------------------------------------------------------------------------------
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target timeline >/dev/null
timeline="$build/tools/timeline"

chrono_dir="$build/chrono"
if [[ ! -f "$chrono_dir/node_modules/chrono-node/package.json" ]]; then
  say "installing chrono-node into $chrono_dir"
  mkdir -p "$chrono_dir"
  cp "$here/package.json" "$chrono_dir/package.json"
  npm install --prefix "$chrono_dir" --no-audit --no-fund --omit=dev --loglevel=error >/dev/null
fi

# --- measuring ---------------------------------------------------------------------------------
# measure OUT_FILE COMMAND...: runs COMMAND (its stdout goes where the caller sends it) and writes
# "WALL_SECONDS PEAK_RSS_KB CPU_SECONDS EXIT_CODE" to OUT_FILE (CPU = user + system).
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%e' true 2>/dev/null; then
  measure() {
    local out="$1"; shift
    local code=0
    /usr/bin/time -f '%e %M %U %S' -o "$out.time" "$@" || code=$?
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    tail -n 1 "$out.time" | awk -v c="$code" '{printf "%s %s %.2f %d\n", $1, $2, $3 + $4, c}' >"$out"
  }
else
  say "GNU time (/usr/bin/time, Debian package 'time') is not installed: polling VmHWM from /proc instead"
  measure() {
    local out="$1"; shift
    local start end hwm=0 code=0 pid cpu=0 ticks
    ticks=$(getconf CLK_TCK)
    start=$(date +%s.%N)
    "$@" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      local now
      now=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [[ -n "$now" && "$now" -gt "$hwm" ]] && hwm=$now
      # utime + stime of the last sample (fields 14 and 15 of /proc/PID/stat)
      now=$(awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$pid/stat" 2>/dev/null || true)
      [[ -n "$now" ]] && cpu=$now
      sleep 0.05
    done
    wait "$pid" || code=$?
    end=$(date +%s.%N)
    echo "$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}') $hwm $cpu $code" >"$out"
  }
fi

make_input() {  # make_input MB FILE: generated once, kept in BUILD_DIR
  if [[ ! -s "$2" ]]; then
    python3 "$here/make_jsonl.py" --mb "$1" --out "$2"
  fi
}

# --- side by side ------------------------------------------------------------------------------
input="$build/tbaq-${mb}mb.jsonl"
make_input "$mb" "$input"
bytes=$(stat -c %s "$input")
documents=$(wc -l <"$input")
say "input: $input ($bytes bytes, $documents documents); load average before: $(load)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for ((run = 1; run <= runs; ++run)); do
  measure "$tmp/timeline.$run" "$timeline" tag "$input" >/dev/null 2>"$tmp/timeline.err"
  if [[ "$(cut -d' ' -f4 "$tmp/timeline.$run")" != 0 ]]; then
    say "timeline tag exited with $(cut -d' ' -f4 "$tmp/timeline.$run"); first messages:"
    head -n 5 "$tmp/timeline.err" >&2
  fi
  measure "$tmp/chrono.$run" node "$here/chrono_driver.mjs" "$input" "$chrono_dir" >"$tmp/chrono.$run.json"
done
expressions=-1
if [[ "$count" != 0 ]]; then
  # Untimed: each timex object in the output has exactly one "begin" key.
  expressions=$("$timeline" tag "$input" 2>/dev/null | grep -o '"begin":' | wc -l || true)
fi

say "load average after: $(load)"

python3 - "$bytes" "$documents" "$expressions" "$tmp" "$runs" "$(nproc)" <<'PY'
import json, statistics, sys
bytes_, documents, expressions = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
tmp, runs = sys.argv[4], int(sys.argv[5])
def timed(tool):  # per run: wall s, peak RSS KB, CPU s
    return [tuple(float(x) for x in open(f"{tmp}/{tool}.{r}").read().split()[:3]) for r in range(1, runs + 1)]
t_runs, c_runs = timed("timeline"), timed("chrono")
median = lambda runs_, k: max(statistics.median(r[k] for r in runs_), 1e-3)
t_wall, t_kb, t_cpu = median(t_runs, 0), max(r[1] for r in t_runs), median(t_runs, 2)
c_wall, c_kb, c_cpu = median(c_runs, 0), max(r[1] for r in c_runs), median(c_runs, 2)
driver = json.loads(open(f"{tmp}/chrono.{runs}.json").read().strip().splitlines()[-1])
mb = bytes_ / 1e6
n = float("nan")
rows = [  # name, timeline, chrono, True when bigger is better for timeline
    ("wall time, s", t_wall, c_wall, False),
    ("CPU time (user+sys), s", t_cpu, c_cpu, False),
    ("MB/s (wall)", mb / t_wall, mb / c_wall, True),
    ("MB/s (CPU)", mb / t_cpu, mb / c_cpu, True),
    ("expressions found", expressions if expressions >= 0 else n, driver["results"], None),
    ("expressions/s (wall)", expressions / t_wall if expressions >= 0 else n, driver["results"] / c_wall, True),
    ("expressions/s (CPU)", expressions / t_cpu if expressions >= 0 else n, driver["results"] / c_cpu, True),
    ("peak RSS, MB", t_kb / 1024, c_kb / 1024, False),
]
print(f"{mb:.1f} MB of JSON Lines, {documents} documents, one thread each ({sys.argv[6]} cores on the machine); "
      f"median of {runs} runs each, taken in turn, peak RSS the largest")
print(f"{'':24}{'timeline tag':>14}{'chrono-node ' + driver['version']:>20}{'timeline advantage':>20}")
for name, t, c, higher in rows:
    fmt = (lambda v: f"{v:,.0f}") if name.startswith("expressions") else (lambda v: f"{v:,.2f}")
    if t != t:  # not counted (COUNT=0)
        fmt, higher = (lambda v: "-" if v != v else f"{v:,.0f}"), None
    adv = "" if higher is None else f"{(t / c if higher else c / t):.2f}x"
    print(f"{name:24}{fmt(t):>14}{fmt(c):>20}{adv:>20}")
print("CPU seconds per run: timeline " + " ".join(f"{r[2]:.2f}" for r in t_runs) + "; chrono " + " ".join(f"{r[2]:.2f}" for r in c_runs))
print(f"chrono driver, inside node (last run): {driver['mb_per_s']} MB/s over {driver['seconds']} s "
      f"({driver['parse_seconds']} s in chrono.parse), maxRSS {driver['max_rss_mb']} MB")
PY

# --- memory check ------------------------------------------------------------------------------
if [[ "$memory_mb" != 0 ]]; then
  big="$build/tbaq-${memory_mb}mb.jsonl"
  make_input "$memory_mb" "$big"
  say "memory check: $big ($(stat -c %s "$big") bytes); load average before: $(load)"
  measure "$tmp/big" "$timeline" tag "$big" >/dev/null 2>"$tmp/big.err"
  read -r sec kb cpu code <"$tmp/big"
  awk -v s="$sec" -v kb="$kb" -v cpu="$cpu" -v c="$code" -v limit="$rss_limit" -v b="$(stat -c %s "$big")" 'BEGIN {
    rss = kb / 1024
    printf "timeline tag on %.0f MB: peak RSS %.1f MB, %.2f s wall, %.2f s CPU (%.2f MB/s CPU), exit %d: %s (target ~%d MB)\n",
           b / 1e6, rss, s, cpu, b / 1e6 / (cpu > 0 ? cpu : s), c, (rss <= limit * 1.1 ? "flat" : "OVER"), limit
  }'
fi
