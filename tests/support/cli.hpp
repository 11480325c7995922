// SPDX-License-Identifier: MIT
//
// Running a shell command from a test and capturing what it printed, for the suites that drive
// the `timeline` executable (TIMELINE_CLI) or a reference tool (te3score.py).
//
// Example:
//   auto const r = timeline::test::run_command("'" TIMELINE_CLI "' eval gold sys 2>&1");
//   // r.status == 0, r.output == "strict   P ..."
#pragma once

#include <string>

namespace timeline::test {

struct command_result {
  int status = -1;     // the exit status, or -1 when the command did not exit normally
  std::string output;  // standard output (and standard error when the command redirects it)
};

// Runs `command` with /bin/sh. Throws std::runtime_error when it cannot be started.
command_result run_command(std::string const& command);

}  // namespace timeline::test
