// SPDX-License-Identifier: MIT
//
// Reconciling generated stories: 1k, 10k and 100k articles, each story a handful of articles about
// one visit and the agreement signed after it, by people no other story names. One story in ten
// carries a misdated report (a contradiction), one article in a hundred has no publication date
// but a week-wide metadata window (DCT inference over its candidate days). Reports wall time,
// peak resident memory, and the cost of adding one article to the solved timeline.
//
//   build-engine/bench/reconcile_bench --benchmark_counters_tabular=true

#include <array>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <timeline/engine/reconcile.hpp>

#include "peak_rss.hpp"

namespace {

using namespace timeline::engine;

constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 6> places{"Moscow", "Pyongyang", "Beijing", "Tokyo", "Seoul", "Kyiv"};

// A name no other story uses and the lexicon does not know: "Vorak Tamin" + a base-20 suffix.
std::string name(std::size_t story, std::string_view stem) {
  static constexpr std::string_view syllables[] = {"ba", "de", "fi", "go", "ku", "la", "me", "ni", "po", "ru",
                                                   "sa", "te", "vi", "wo", "xu", "ya", "ze", "qo", "ji", "ha"};
  std::string s{stem};
  do {
    s += syllables[story % 20];
    story /= 20;
  } while (story > 0);
  return s;
}

struct generated {
  document doc;
  std::optional<timeline::grammar::day_interval> window;
};

std::vector<generated> make_corpus(std::size_t articles) {
  std::vector<generated> out;
  out.reserve(articles);
  constexpr std::size_t per_story = 4;
  for (std::size_t i = 0; i < articles; ++i) {
    std::size_t const story = i / per_story;
    std::size_t const k = i % per_story;
    date::sys_days const visit = date::sys_days{date::year{2015} / 1 / 1} + date::days{static_cast<int>((story * 37) % 3600)};
    date::year_month_day const ymd{visit};
    date::sys_days const published = visit + date::days{static_cast<int>(5 + k)};
    std::string const a = "Minister " + name(story, "Vor") + " " + name(story, "Tam");
    std::string const a_short = name(story, "Tam");
    std::string const b = name(story, "Kel") + " " + name(story, "Dor");
    std::string_view const place = places[story % places.size()];
    std::string const day_text = std::string{months[static_cast<unsigned>(ymd.month()) - 1]} + " " +
                                 std::to_string(static_cast<unsigned>(ymd.day())) + ", " + std::to_string(static_cast<int>(ymd.year()));
    generated g;
    g.doc.id = 's';
    g.doc.id += std::to_string(story);
    g.doc.id += '-';
    g.doc.id += std::to_string(k);
    std::string text;
    if (story % 10 == 3 && k == 0) {
      // The misdated report: two months off, said as a relative date.
      text = a + " traveled to " + std::string{place} + " in " + std::string{months[(static_cast<unsigned>(ymd.month()) + 1) % 12]} + ".";
    } else if (k % 2 == 0) {
      text = a + " traveled to " + std::string{place} + " on " + day_text + ".";
    } else {
      text = "The visit of " + a + " to " + std::string{place} + " took place " +
             std::to_string((published - visit).count()) + " days ago.";
    }
    text += " " + b + " and " + a_short + " signed an agreement three days after " + a_short + "'s visit.";
    text += " Officials said the talks would continue next month.\n";
    g.doc.text = std::move(text);
    if (i % 100 == 57) {
      g.window = timeline::grammar::day_interval{published - date::days{3}, published + date::days{3}};
    } else {
      g.doc.dct.day = published;
      g.doc.dct.source = dct_source::option;
      g.doc.dct.confidence = 1.0;
    }
    segment(g.doc);
    out.push_back(std::move(g));
  }
  return out;
}

using timeline::bench::peak_rss_mb;

void BM_Reconcile(benchmark::State& state) {
  auto const articles = static_cast<std::size_t>(state.range(0));
  std::vector<generated> const corpus = make_corpus(articles + 1);
  reconcile_stats stats;
  std::size_t contradictions = 0;
  std::size_t events = 0;
  double incremental_ms = 0;
  for (auto _ : state) {
    reconcile_options options;
    options.keep_mentions = false;
    reconciler r{options};
    for (std::size_t i = 0; i < articles; ++i) r.add(corpus[i].doc, corpus[i].window);
    auto const& tl = r.solve();
    contradictions = tl.contradictions.size();
    events = tl.events.size();
    // One more article into the solved timeline: only its component is re-solved.
    auto const t0 = std::chrono::steady_clock::now();
    r.add(corpus[articles].doc, corpus[articles].window);
    r.solve();
    incremental_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    stats = r.stats();
    benchmark::DoNotOptimize(tl);
  }
  state.counters["articles"] = static_cast<double>(articles);
  state.counters["events"] = static_cast<double>(events);
  state.counters["mentions"] = static_cast<double>(stats.event_mentions);
  state.counters["conflicts"] = static_cast<double>(contradictions);
  state.counters["incr_components"] = static_cast<double>(stats.components_solved);
  state.counters["incr_ms"] = incremental_ms;
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.counters["us_per_article"] = benchmark::Counter(static_cast<double>(articles), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_Reconcile)->Arg(1000)->Arg(10000)->Arg(100000)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
