// SPDX-License-Identifier: MIT
//
// Tagging throughput of timeline::grammar::extract() on one thread.
//
//   BM_TagTbaq      every TBAQ-cleaned document (TimeBank 183 + AQUAINT 73, read from
//                   ../shared/corpora/tbaq with io::parse_timeml), each against its own creation
//                   time; one iteration tags the whole corpus once
//   BM_TagFixtures  the project's own fixtures (fixtures/corpus/en/*.jsonl sentences and
//                   fixtures/example/article.jsonl), so something runs without ../shared
//
// Counters: bytes_per_second is text bytes tagged per second (Google Benchmark prints it in
// binary units, MiB/s); expressions is the rate of temporal expressions found per second;
// items_per_second is documents per second; peak_rss_mb is VmHWM, reset before each benchmark
// when the kernel allows it (/proc/self/clear_refs), so it covers the corpus held in memory plus
// what tagging needs.
//
// The side-by-side comparison with chrono-node, through the command line on a JSON Lines file,
// is bench/compare_chrono.sh; figures are in bench/README.md.
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <date/date.h>
#include <nlohmann/json.hpp>

#include "timeline/grammar/extract.hpp"
#include "timeline/io/timeml.hpp"

#include "peak_rss.hpp"

namespace {

namespace fs = std::filesystem;
using timeline::grammar::reference_time;

struct text_with_dct {
  std::string text;
  reference_time dct;
};

struct corpus {
  std::vector<text_with_dct> texts;
  std::size_t bytes = 0;
  std::string missing;  // why the corpus is empty, for SkipWithError
};

using timeline::bench::peak_rss_mb;
using timeline::bench::reset_peak_rss;

std::string slurp(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::move(contents).str();
}

void add(corpus& c, std::string text, reference_time dct) {
  c.bytes += text.size();
  c.texts.push_back({std::move(text), dct});
}

// Every *.tml under TimeBank/ and AQUAINT/, in sorted order. A document that does not parse or
// has no creation time is left out (TBAQ has none of either; the check keeps the bench honest
// if the corpus changes).
corpus const& tbaq() {
  static corpus const loaded = [] {
    corpus c;
    fs::path const root = fs::path{TIMELINE_SHARED_DIR} / "corpora" / "tbaq";
    std::vector<fs::path> files;
    for (char const* part : {"TimeBank", "AQUAINT"}) {
      std::error_code ec;
      for (auto it = fs::directory_iterator(root / part, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".tml") files.push_back(it->path());
      }
    }
    std::sort(files.begin(), files.end());
    for (auto const& file : files) {
      try {
        auto doc = timeline::io::parse_timeml(slurp(file), file.filename().string());
        if (doc.dct) add(c, std::move(doc.text), *doc.dct);
      } catch (std::exception const&) {
        // counted as missing below only if nothing at all was read
      }
    }
    if (c.texts.empty()) {
      c.missing = "no TBAQ documents under " + root.string() +
                  "/{TimeBank,AQUAINT}/*.tml: the corpus is read from ../shared at run time (see its SOURCE.md)";
    }
    return c;
  }();
  return loaded;
}

// The sentences of fixtures/corpus/en/*.jsonl ("texts" and "sentence", against the line's "pub",
// or the last one seen in the file) and the article of fixtures/example/article.jsonl.
corpus const& fixtures() {
  static corpus const loaded = [] {
    corpus c;
    fs::path const root{TIMELINE_FIXTURES_DIR};
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::directory_iterator(root / "corpus" / "en", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (it->path().extension() == ".jsonl") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    files.push_back(root / "example" / "article.jsonl");
    // "YYYY-MM-DD" (what the fixtures write); anything else falls back to the fixtures' usual pub.
    auto parse_day = [](std::string const& s) -> date::sys_days {
      int y = 0;
      unsigned m = 0;
      unsigned d = 0;
      if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && std::from_chars(s.data(), s.data() + 4, y).ec == std::errc{} &&
          std::from_chars(s.data() + 5, s.data() + 7, m).ec == std::errc{} &&
          std::from_chars(s.data() + 8, s.data() + 10, d).ec == std::errc{}) {
        date::year_month_day const ymd{date::year{y}, date::month{m}, date::day{d}};
        if (ymd.ok()) return date::sys_days{ymd};
      }
      return date::sys_days{date::year{2013} / 2 / 14};
    };
    for (auto const& file : files) {
      std::ifstream in(file);
      std::string line;
      reference_time dct{date::sys_days{date::year{2013} / 2 / 14}, std::nullopt};
      while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto const j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!j.is_object()) continue;
        for (char const* key : {"pub", "dct"}) {
          if (j.contains(key) && j[key].is_string()) dct.day = parse_day(j[key].get<std::string>());
        }
        if (j.contains("texts") && j["texts"].is_array()) {
          for (auto const& t : j["texts"]) {
            if (t.is_string()) add(c, t.get<std::string>(), dct);
          }
        }
        for (char const* key : {"sentence", "text"}) {
          if (j.contains(key) && j[key].is_string()) add(c, j[key].get<std::string>(), dct);
        }
      }
    }
    if (c.texts.empty()) c.missing = "no fixture texts under " + root.string();
    return c;
  }();
  return loaded;
}

void tag_all(benchmark::State& state, corpus const& c) {
  if (c.texts.empty()) {
    state.SkipWithError(c.missing.c_str());
    return;
  }
  reset_peak_rss();
  std::size_t expressions = 0;
  for (auto _ : state) {
    for (auto const& t : c.texts) {
      auto mentions = timeline::grammar::extract(t.text, t.dct);
      expressions += mentions.size();
      benchmark::DoNotOptimize(mentions.data());
    }
  }
  auto const iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(c.bytes));
  state.SetItemsProcessed(iterations * static_cast<std::int64_t>(c.texts.size()));
  state.counters["expressions"] = benchmark::Counter(static_cast<double>(expressions), benchmark::Counter::kIsRate);
  state.counters["expr_per_pass"] =
      static_cast<double>(expressions) / static_cast<double>(std::max<std::int64_t>(1, iterations));
  state.counters["text_mb"] = static_cast<double>(c.bytes) / 1e6;
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

void BM_TagTbaq(benchmark::State& state) { tag_all(state, tbaq()); }
void BM_TagFixtures(benchmark::State& state) { tag_all(state, fixtures()); }

// Rates are per second of CPU time (the Google Benchmark default): the machines this runs on are
// shared, and the CPU time of one thread is what the comparison with chrono-node is about.
BENCHMARK(BM_TagTbaq)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagFixtures)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
