// SPDX-License-Identifier: MIT
//
// `timeline inspect [--format json|text] [--dct [ID=]DATE]... [--manifest FILE] [--keep-boilerplate]
//  [--sentences] PATH...`: what the reader made of each document, before any tagging: its id,
// title, publication date and where it came from, how many sentences it has, and which spans are
// boilerplate. One JSON object per line (the contract, field names fixed):
//   {"document": id, "title", "status": "ok"|"error", "error" (when status is error),
//    "dct": {"value": "YYYY-MM-DD" or null, "source", "text"}, "sentences": N,
//    "boilerplate": [{"begin", "end", "text"}]}
// plus "kind" per boilerplate span, "time" and "confidence" in "dct", "source", "url",
// "paragraphs" and "warnings". Offsets count code points. Every document given appears, read or
// not; problems also go to standard error, one line each, and the exit status is 1 if any.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <timeline/engine/document.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/read.hpp>
#include <timeline/io/utf8.hpp>

#include "command.hpp"

namespace {

namespace engine = timeline::engine;
namespace io = timeline::io;
using json = nlohmann::ordered_json;

struct inspect_options {
  std::string format = "json";
  std::vector<std::string> dct;
  std::string manifest;
  bool keep_boilerplate = false;
  bool sentences = false;
  std::vector<std::string> paths;
};

std::string clock_time(std::chrono::minutes m) {
  auto const h = m.count() / 60;
  auto const min = m.count() % 60;
  std::string out = std::to_string(h) + ":" + (min < 10 ? "0" : "") + std::to_string(min);
  return h < 10 ? "0" + out : out;
}

std::string describe(io::input_error const& e) {
  return e.place().empty() ? e.message() : e.place() + ": " + e.message();
}

json dct_json(engine::publication_date const& dct) {
  json out;
  out["value"] = dct.day ? json(io::format_day(*dct.day)) : json(nullptr);
  out["source"] = std::string{engine::to_string(dct.source)};
  out["text"] = dct.text.empty() ? json(nullptr) : json(dct.text);
  if (dct.time_of_day) {
    out["time"] = clock_time(*dct.time_of_day);
  }
  out["confidence"] = dct.confidence;
  return out;
}

json document_json(io::source_document const& read, bool with_sentences) {
  engine::document const& doc = read.document;
  io::offset_converter const offsets{doc.text};
  json out;
  out["document"] = doc.id;
  out["title"] = doc.title.empty() ? json(nullptr) : json(doc.title);
  out["status"] = read.errors.empty() ? "ok" : "error";
  if (!read.errors.empty()) {
    std::string message;
    for (auto const& e : read.errors) {
      message += (message.empty() ? "" : "; ") + describe(e);
    }
    out["error"] = message;
  }
  out["dct"] = dct_json(doc.dct);
  auto const taggable = engine::taggable_sentences(doc);
  out["sentences"] = taggable.size();
  json boilerplate = json::array();
  for (auto const& b : doc.boilerplate) {
    boilerplate.push_back({{"begin", offsets.to_code_points(b.span.begin)},
                           {"end", offsets.to_code_points(b.span.end)},
                           {"text", doc.slice(b.span)},
                           {"kind", std::string{engine::to_string(b.kind)}}});
  }
  out["boilerplate"] = std::move(boilerplate);
  out["source"] = doc.source;
  if (!doc.url.empty()) {
    out["url"] = doc.url;
  }
  out["paragraphs"] = doc.paragraphs.size();
  if (!read.warnings.empty()) {
    json warnings = json::array();
    for (auto const& w : read.warnings) {
      warnings.push_back(w.message());
    }
    out["warnings"] = std::move(warnings);
  }
  if (with_sentences) {
    json sentences = json::array();
    for (auto const& s : taggable) {
      sentences.push_back({{"begin", offsets.to_code_points(s.span.begin)},
                           {"end", offsets.to_code_points(s.span.end)},
                           {"text", doc.slice(s.span)}});
    }
    out["sentence_spans"] = std::move(sentences);
  }
  return out;
}

json failure_json(io::read_failure const& e) {
  json out;
  out["document"] = e.id();
  out["title"] = nullptr;
  out["status"] = "error";
  out["error"] = describe(e);
  out["dct"] = {{"value", nullptr}, {"source", "none"}, {"text", nullptr}};
  out["sentences"] = 0;
  out["boilerplate"] = json::array();
  out["source"] = e.document();
  return out;
}

// One human-readable block per document.
void print_text(json const& j) {
  std::cout << j["document"].get<std::string>() << "  " << j["status"].get<std::string>();
  if (j.contains("error")) {
    std::cout << "  (" << j["error"].get<std::string>() << ")";
  }
  std::cout << "\n";
  if (!j["title"].is_null()) {
    std::cout << "  title: " << j["title"].get<std::string>() << "\n";
  }
  auto const& dct = j["dct"];
  std::cout << "  dct: " << (dct["value"].is_null() ? "none" : dct["value"].get<std::string>());
  if (!dct["value"].is_null()) {
    std::cout << " from " << dct["source"].get<std::string>();
    if (!dct["text"].is_null()) {
      std::cout << " \"" << dct["text"].get<std::string>() << "\"";
    }
  }
  std::cout << "\n  sentences: " << j["sentences"].get<std::size_t>() << "\n";
  for (auto const& b : j["boilerplate"]) {
    std::string text = b["text"].get<std::string>();
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (text.size() > 70) {
      text = text.substr(0, 67) + "...";
    }
    std::cout << "  boilerplate [" << b["begin"].get<std::size_t>() << ", " << b["end"].get<std::size_t>() << ") "
              << b.value("kind", "") << ": " << text << "\n";
  }
}

int run_inspect(inspect_options const& options) {
  io::read_options read;
  try {
    if (!options.manifest.empty()) {
      io::add_manifest(read, options.manifest);
    }
    for (auto const& value : options.dct) {
      io::add_dct_option(read, value);
    }
  } catch (io::input_error const& e) {
    if (e.document() == "--dct") {
      throw timeline::cli::usage_error{e.what()};
    }
    throw;
  }
  read.keep_boilerplate = options.keep_boilerplate;
  auto const emit = [&](json const& j) {
    if (options.format == "text") {
      print_text(j);
    } else {
      std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
    }
    std::cout.flush();
  };
  std::size_t const failures = io::read_documents(
      options.paths, read,
      [&](io::source_document&& d) {
        for (auto const& w : d.warnings) {
          std::cerr << "timeline: warning: " << d.document.source << ": " << w.message() << "\n";
        }
        for (auto const& e : d.errors) {
          std::cerr << "timeline: " << d.document.id << " (" << d.document.source << "): " << describe(e) << "\n";
        }
        emit(document_json(d, options.sentences));
      },
      [&](io::read_failure const& e) {
        std::cerr << "timeline: " << e.what() << "\n";
        emit(failure_json(e));
      });
  return failures == 0 ? timeline::cli::exit_ok : timeline::cli::exit_input_failed;
}

timeline::cli::registration const inspect{
    "inspect", "Show how articles are read: id, title, publication date, sentences, boilerplate",
    [](CLI::App& sub) {
      auto options = std::make_shared<inspect_options>();
      sub.add_option("--format", options->format, "json (one object per line) or text")
          ->check(CLI::IsMember({"json", "text"}));
      sub.add_option("--dct", options->dct,
                     "Publication date: ID=DATE for one document, DATE for every document without one")
          ->allow_extra_args(false);
      sub.add_option("--manifest", options->manifest, "JSON object mapping document ids to publication dates");
      sub.add_flag("--keep-boilerplate", options->keep_boilerplate, "Count boilerplate sentences too");
      sub.add_flag("--sentences", options->sentences, "Also print every sentence with its offsets");
      sub.add_option("paths", options->paths, "Files, directories, or - for standard input")->required();
      return [options] { return run_inspect(*options); };
    }};

}  // namespace
