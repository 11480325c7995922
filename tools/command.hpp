// SPDX-License-Identifier: MIT
//
// A subcommand of the `timeline` command line. Each lives in its own file under commands/ and
// registers itself at static-initialization time, so adding one never touches the dispatcher.
//
// Example (commands/eval.cpp):
//   static timeline::cli::registration const eval{"eval", "Score TIMEX3 output against gold TimeML",
//     [](CLI::App& sub) { auto opts = std::make_shared<eval_options>(); sub.add_option(...);
//                         return [opts] { return run_eval(*opts); }; }};
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace timeline::cli {

// Exit statuses shared by every subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_input_failed = 1;  // some document could not be read or processed
inline constexpr int exit_usage = 2;          // bad flags or arguments

// Declares the subcommand's options on `sub` and returns what runs it after parsing.
using setup_function = std::function<std::function<int()>(CLI::App& sub)>;

struct command {
  std::string name;
  std::string description;
  setup_function setup;
};

std::vector<command>& registered_commands();

struct registration {
  registration(std::string name, std::string description, setup_function setup) {
    registered_commands().push_back({std::move(name), std::move(description), std::move(setup)});
  }
};

// Raised by a command for a usage problem found after parsing (a missing --dct, say).
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace timeline::cli
