// SPDX-License-Identifier: MIT
//
// `timeline eval GOLD_DIR SYSTEM_DIR [--json] [--errors]`: TempEval-3 Task A scores of the
// system's TIMEX3 annotations against gold TimeML, the same figures and the same report as
// /work/shared/tools/te3score.py (see timeline/io/tempeval.hpp). --errors adds, after the figures,
// one line per disagreement (wrong-value, wrong-type, span, spurious, missed; see
// format_tempeval_disagreements), or an "errors" array to the --json object.
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <timeline/io/tempeval.hpp>

#include "command.hpp"

namespace {

struct eval_options {
  std::string gold_dir;
  std::string system_dir;
  bool json = false;
  bool errors = false;
};

int run_eval(eval_options const& options) {
  // score_tempeval() throws input_error for a missing folder; timeline.cpp reports it.
  auto const result = timeline::io::score_tempeval(options.gold_dir, options.system_dir);
  if (options.json) {
    nlohmann::ordered_json j = result;
    if (options.errors) j["errors"] = timeline::io::disagreements_json(result);
    std::cout << j.dump() << "\n";
  } else {
    std::cout << timeline::io::format_tempeval_report(result);
    if (options.errors) std::cout << timeline::io::format_tempeval_disagreements(result);
  }
  return timeline::cli::exit_ok;
}

timeline::cli::registration const eval{
    "eval", "Score TIMEX3 annotations against gold TimeML (TempEval-3 Task A, as te3score.py)",
    [](CLI::App& sub) {
      auto options = std::make_shared<eval_options>();
      sub.add_option("gold_dir", options->gold_dir, "Folder of gold *.tml files")->required();
      sub.add_option("system_dir", options->system_dir, "Folder of system files, paired by name up to \".tml\"")
          ->required();
      sub.add_flag("--json", options->json, "Print one JSON object (te3score.py --json's fields)");
      sub.add_flag("--errors", options->errors,
                   "Then list each disagreement, one tab-separated line: kind (wrong-value, wrong-type, span, "
                   "spurious, missed), document, offset, gold text/type/value, system text/type/value");
      return [options] { return run_eval(*options); };
    }};

}  // namespace
