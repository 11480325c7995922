// SPDX-License-Identifier: MIT
//
// Peak resident memory of the benchmark process, for the `peak_rss_mb` counters. The kernel keeps
// the high-water mark (VmHWM); writing 5 to clear_refs resets it, so that each benchmark case
// reports its own peak rather than the largest one before it.
#pragma once

#include <fstream>
#include <string>

namespace timeline::bench {

// Peak resident set size in MiB since the last reset_peak_rss(), or since the process started.
inline double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

inline void reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

}  // namespace timeline::bench
