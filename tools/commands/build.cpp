// SPDX-License-Identifier: MIT
//
// `timeline build`: one timeline from many articles. Reads every input (io::read_documents), runs
// the reconciler (engine/reconcile.hpp) and writes the JSON contract (io/timeline_json.hpp), or a
// chronological table with sources and then the contradictions, for people (text, markdown).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <timeline/engine/reconcile.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/read.hpp>
#include <timeline/io/timeline_json.hpp>

#include "../command.hpp"

namespace timeline::cli {
namespace {

struct build_options {
  std::vector<std::string> dct;
  std::string manifest;
  std::string format = "json";
  std::string out;
  std::vector<std::string> paths;
};

std::string day_or_dash(std::optional<date::sys_days> const& d) { return d ? io::format_day(*d) : "?"; }

std::string sources_of(engine::timeline_event const& e) {
  std::string s;
  for (auto const& m : e.mentions) {
    std::string const tag = m.document + (m.timex_text.empty() ? "" : " \"" + m.timex_text + "\"") + (m.relaxed ? " (set aside)" : "");
    if (s.find(tag) == std::string::npos) s += (s.empty() ? "" : "; ") + tag;
  }
  return s;
}

std::string escape_cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

void write_people(std::ostream& out, engine::timeline const& tl, bool markdown) {
  if (markdown) {
    out << "# Timeline\n\n| when | earliest | latest | event | sources | support |\n|---|---|---|---|---|---|\n";
  } else {
    out << "TIMELINE\n";
  }
  for (auto const& e : tl.events) {
    std::string const when = e.value.empty() ? "undated" : e.value;
    std::string const modality = e.mod == engine::modality::reported ? "" : " [" + std::string{to_string(e.mod)} + "]";
    if (markdown) {
      out << "| " << when << " | " << day_or_dash(e.earliest) << " | " << day_or_dash(e.latest) << " | "
          << escape_cell(e.label + modality) << " | " << escape_cell(sources_of(e)) << " | " << e.support << " |\n";
    } else {
      out << "  " << when << std::string(when.size() < 12 ? 12 - when.size() : 1, ' ') << "[" << day_or_dash(e.earliest) << " .. "
          << day_or_dash(e.latest) << "]  " << e.label << modality << "  (" << e.support << " source"
          << (e.support == 1 ? "" : "s") << ": " << sources_of(e) << ")\n";
    }
  }
  out << (markdown ? "\n## Publication dates\n\n" : "\nPUBLICATION DATES\n");
  for (auto const& d : tl.documents) {
    std::string const when = d.value ? io::format_day(*d.value) : day_or_dash(d.earliest) + " .. " + day_or_dash(d.latest);
    out << (markdown ? "- " : "  ") << d.id << ": " << when << " (" << d.source << ")\n";
    for (auto const& ev : d.evidence) out << (markdown ? "  - " : "      ") << ev << "\n";
  }
  out << (markdown ? "\n## Contradictions\n\n" : "\nCONTRADICTIONS\n");
  if (tl.contradictions.empty()) out << (markdown ? "None.\n" : "  none\n");
  for (auto const& c : tl.contradictions) {
    out << (markdown ? "- " : "  * ") << c.explanation << "\n";
    for (auto const& q : c.claims) {
      out << (markdown ? "  - " : "      - ") << q.document << ", sentence " << q.sentence << ": \"" << q.text << "\" -> " << q.value
          << (q.relaxed ? " (set aside)" : "") << "\n";
    }
    out << (markdown ? "  - **Resolution:** " : "      resolution: ") << c.resolution << "\n";
  }
}

int run_build(build_options const& options) {
  io::read_options read;
  for (auto const& d : options.dct) io::add_dct_option(read, d);
  if (!options.manifest.empty()) io::add_manifest(read, options.manifest);
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("-");

  engine::reconciler reconciler;
  std::size_t failed = 0;
  io::read_documents(
      paths, read,
      [&](io::source_document&& source) {
        for (auto const& w : source.warnings) std::cerr << "timeline: warning: " << w.what() << "\n";
        for (auto const& e : source.errors) std::cerr << "timeline: " << e.what() << "\n";
        if (!source.errors.empty()) ++failed;
        reconciler.add(std::move(source.document));
      },
      [&](io::read_failure const& e) {
        ++failed;
        std::cerr << "timeline: " << e.what() << "\n";
      });
  engine::timeline const& tl = reconciler.solve();

  std::ostringstream text;
  if (options.format == "json") text << io::to_json(tl).dump(2) << "\n";
  else write_people(text, tl, options.format == "markdown");
  if (options.out.empty()) {
    std::cout << text.str();
  } else {
    std::ofstream file{options.out, std::ios::binary};
    file << text.str();
    if (!file) throw io::input_error{options.out, "", "cannot write"};
  }
  return failed > 0 ? exit_input_failed : exit_ok;
}

registration const build_command{
    "build", "Reconcile articles into one dated timeline with sources and contradictions",
    [](CLI::App& sub) -> std::function<int()> {
      auto options = std::make_shared<build_options>();
      // One value per --dct, so that the paths after it stay paths.
      sub.add_option("--dct", options->dct, "Publication date: ID=DATE for one document, or DATE for every undated one; repeatable")
          ->allow_extra_args(false);
      sub.add_option("--manifest", options->manifest, "JSON file mapping document ids to publication dates");
      sub.add_option("--format", options->format, "json (default), text or markdown")
          ->check(CLI::IsMember({"json", "text", "markdown"}));
      sub.add_option("--out", options->out, "Write here instead of standard output");
      sub.add_option("paths", options->paths, "Files or folders; - or none reads standard input");
      return [options] { return run_build(*options); };
    }};

}  // namespace
}  // namespace timeline::cli
