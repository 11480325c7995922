// SPDX-License-Identifier: MIT
//
// STP solver over generated news stories. A story is a set of event clusters (an incident, its
// aftermath, a trial ...); about 50 articles report on each cluster, and each article brings its
// publication date (DCT) and a few claims: "k days ago", a calendar window, an ordering between
// two events, a duration. A few articles make a planted wrong claim, and some link their cluster
// to the previous one ("following the earlier ..."), which joins components.
//
//   BM_StpStory/N           build and solve a story of N articles, clusters loosely linked
//   BM_StpConnectedStory/N  the same, every cluster linked to the next: one big component
//   BM_StpAddArticle/N      one more article into a solved story of N, then solve() again
//
// Counters: items_per_second is articles per second; peak_rss_mb is VmHWM, reset before each
// benchmark when the kernel allows it (/proc/self/clear_refs).
#include "timeline/engine/stp.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <date/date.h>

#include "peak_rss.hpp"

namespace {

using timeline::engine::claim_strength;
using timeline::engine::stp_claim;
using timeline::engine::stp_network;
using timeline::engine::stp_node;

constexpr int articles_per_cluster = 50;
constexpr int events_per_cluster = 6;

using timeline::bench::peak_rss_mb;
using timeline::bench::reset_peak_rss;

struct story {
  struct event {
    stp_node start;
    stp_node end;
    int day;       // the true start, in days since 1970-01-01
    int duration;  // true end - start
  };

  stp_network net;
  std::vector<event> events;  // cluster c owns events [c * events_per_cluster, (c + 1) * events_per_cluster)
  std::mt19937 rng{42};
  double link_probability = 0.0;
  std::size_t next_claim = 0;
  int clusters = 0;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng); }
  stp_claim claim(claim_strength strength, double weight) { return {next_claim++, strength, weight}; }
  static date::sys_days day(int d) { return date::sys_days{date::days{d}}; }

  story(int article_count, double link) : link_probability(link) {
    clusters = std::max(1, article_count / articles_per_cluster);
    for (int c = 0; c < clusters; ++c) {
      int const base = 18000 + 3 * c;  // clusters start every few days: the story runs for years
      for (int e = 0; e < events_per_cluster; ++e) {
        event ev{net.add_node(), net.add_node(), base + pick(0, 20), pick(0, 5)};
        events.push_back(ev);
      }
    }
    for (int a = 0; a < article_count; ++a) add_article(a % clusters);
  }

  event const& random_event(int cluster) { return events[cluster * events_per_cluster + pick(0, events_per_cluster - 1)]; }

  void add_article(int cluster) {
    auto const* const first = &events[cluster * events_per_cluster];
    int const newest = std::max_element(first, first + events_per_cluster, [](event const& x, event const& y) {
                         return x.day + x.duration < y.day + y.duration;
                       })->day + 5;
    int const published = newest + pick(0, 10);
    stp_node const dct = net.add_node();
    if (chance(0.8)) {
      net.add_window(dct, day(published), day(published), claim(claim_strength::hard, 3.0));
    } else {  // only the crawl date is known
      net.add_window(dct, day(published - 2), day(published + 30), claim(claim_strength::soft, 0.5));
    }

    // "k days ago": the event's start relative to the DCT.
    event const& told = random_event(cluster);
    int const ago = published - told.day;
    net.add_order(told.start, dct, date::days{ago}, date::days{ago}, claim(claim_strength::hard, 1.0));

    // A calendar window around the truth ("mid-July", "in the week of ...").
    event const& dated = random_event(cluster);
    net.add_window(dated.start, day(dated.day - pick(0, 4)), day(dated.day + pick(0, 4)),
                   claim(chance(0.5) ? claim_strength::hard : claim_strength::soft, 1.0 + pick(0, 3)));

    // "x ahead of y".
    event const& x = random_event(cluster);
    event const& y = random_event(cluster);
    if (&x != &y) {
      auto const& [before, after] = x.day <= y.day ? std::pair{&x, &y} : std::pair{&y, &x};
      net.add_order(before->start, after->start, date::days{0}, std::nullopt, claim(claim_strength::soft, 1.0));
    }

    // "lasted n days".
    event const& lasted = random_event(cluster);
    net.add_order(lasted.start, lasted.end, date::days{lasted.duration}, date::days{lasted.duration},
                  claim(claim_strength::hard, 2.0));

    // "following the earlier ...": joins this cluster to the previous one.
    if (cluster > 0 && chance(link_probability)) {
      event const& earlier = random_event(cluster - 1);
      event const& later = random_event(cluster);
      auto const& [before, after] = earlier.day <= later.day ? std::pair{&earlier, &later} : std::pair{&later, &earlier};
      net.add_order(before->start, after->start, date::days{0}, std::nullopt, claim(claim_strength::soft, 1.0));
    }

    // A planted error: a window six weeks off.
    if (chance(0.004)) {
      event const& wrong = random_event(cluster);
      net.add_window(wrong.start, day(wrong.day + 40), day(wrong.day + 45), claim(claim_strength::soft, 0.5));
    }
  }
};

void report(benchmark::State& state, stp_network const& net, std::size_t conflicts) {
  state.counters["conflicts"] = static_cast<double>(conflicts);
  state.counters["nodes"] = static_cast<double>(net.node_count());
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

void run_story(benchmark::State& state, double link) {
  reset_peak_rss();
  auto const articles = static_cast<int>(state.range(0));
  std::size_t conflicts = 0;
  std::size_t components = 0;
  std::size_t nodes = 0;
  std::unique_ptr<story> last;
  for (auto _ : state) {
    state.PauseTiming();
    last.reset();  // free the previous story outside the timed region
    state.ResumeTiming();
    auto s = std::make_unique<story>(articles, link);
    auto const& solution = s->net.solve();
    benchmark::DoNotOptimize(solution.bounds.data());
    conflicts = solution.conflicts.size();
    components = s->net.last_solve_stats().components_solved;
    nodes = s->net.last_solve_stats().nodes_solved;
    last = std::move(s);
  }
  state.SetItemsProcessed(state.iterations() * articles);
  state.counters["components"] = static_cast<double>(components);
  state.counters["nodes_per_component"] = components == 0 ? 0.0 : static_cast<double>(nodes) / static_cast<double>(components);
  report(state, last->net, conflicts);
}

void BM_StpStory(benchmark::State& state) { run_story(state, 0.02); }
void BM_StpConnectedStory(benchmark::State& state) { run_story(state, 1.0); }

void BM_StpAddArticle(benchmark::State& state) {
  reset_peak_rss();
  story s(static_cast<int>(state.range(0)), 0.02);
  s.net.solve();
  std::size_t nodes_solved = 0;
  int next = 0;
  for (auto _ : state) {
    s.add_article(s.pick(0, s.clusters - 1));
    auto const& solution = s.net.solve();
    benchmark::DoNotOptimize(solution.bounds.data());
    nodes_solved += s.net.last_solve_stats().nodes_solved;
    ++next;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["nodes_resolved_per_add"] = static_cast<double>(nodes_solved) / std::max(1, next);
  report(state, s.net, s.net.solve().conflicts.size());
}

BENCHMARK(BM_StpStory)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StpConnectedStory)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StpAddArticle)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
