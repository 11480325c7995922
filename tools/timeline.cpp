// SPDX-License-Identifier: MIT
//
// `timeline`: tag, inspect, build and evaluate timelines from news text. This file only
// dispatches to the registered subcommands; it is the one place where exceptions become messages
// and exit statuses (STYLE 2.6).
#include <algorithm>
#include <exception>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include <timeline/io/input_error.hpp>

#include "command.hpp"

namespace timeline::cli {
std::vector<command>& registered_commands() {
  static std::vector<command> commands;
  return commands;
}
}  // namespace timeline::cli

int main(int argc, char** argv) {
  namespace cli = timeline::cli;
  CLI::App app{"timeline: one dated timeline from many news articles", "timeline"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "timeline 0.1.0");

  auto& commands = cli::registered_commands();
  std::sort(commands.begin(), commands.end(), [](auto const& a, auto const& b) { return a.name < b.name; });
  std::map<CLI::App const*, std::function<int()>> runners;
  for (auto const& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runners[sub] = command.setup(*sub);
  }

  try {
    app.parse(argc, argv);
  } catch (CLI::ParseError const& e) {
    int const status = app.exit(e);
    return status == 0 ? cli::exit_ok : cli::exit_usage;
  }

  try {
    for (CLI::App* sub : app.get_subcommands()) {
      return runners.at(sub)();
    }
  } catch (cli::usage_error const& e) {
    std::cerr << "timeline: " << e.what() << "\n";
    return cli::exit_usage;
  } catch (timeline::io::input_error const& e) {
    std::cerr << "timeline: " << e.what() << "\n";
    return cli::exit_input_failed;
  } catch (nlohmann::json::exception const& e) {
    std::cerr << "timeline: " << e.what() << "\n";
    return cli::exit_input_failed;
  } catch (std::exception const& e) {
    std::cerr << "timeline: internal error: " << e.what() << "\n";
    return cli::exit_input_failed;
  }
  return cli::exit_usage;
}
