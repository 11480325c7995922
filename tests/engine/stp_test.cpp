// SPDX-License-Identifier: MIT
//
// Tests of the STP solver: hand-built networks with known bounds, planted contradictions, the
// relaxation policy, incremental solving, and a randomized comparison with Floyd-Warshall.
#include "timeline/engine/stp.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <vector>

#include <date/date.h>
#include <gtest/gtest.h>

namespace timeline::engine {

// Readable failures instead of gtest's raw bytes.
void PrintTo(day_bounds const& b, std::ostream* os) {
  *os << '[';
  if (b.earliest) {
    *os << date::year_month_day{*b.earliest};
  } else {
    *os << "-inf";
  }
  *os << ", ";
  if (b.latest) {
    *os << date::year_month_day{*b.latest};
  } else {
    *os << "+inf";
  }
  *os << ']';
}

void PrintTo(gap_bounds const& g, std::ostream* os) {
  *os << '[' << (g.min ? std::to_string(g.min->count()) : "-inf") << ", "
      << (g.max ? std::to_string(g.max->count()) : "+inf") << ']';
}

namespace {

using date::days;
using date::sys_days;
using namespace date::literals;

constexpr stp_claim soft(claim_id id, double weight = 1.0) { return {id, claim_strength::soft, weight}; }
constexpr stp_claim hard(claim_id id, double weight = 1.0) { return {id, claim_strength::hard, weight}; }

day_bounds window(sys_days earliest, sys_days latest) { return {earliest, latest}; }

// ---------------------------------------------------------------------------------------------
// Hand-built networks with known bounds.

TEST(StpBounds, EmptyNetworkHasOnlyTheOrigin) {
  stp_network net;
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.bounds.size(), 1U);
  EXPECT_EQ(s[stp_origin], window(sys_days{days{0}}, sys_days{days{0}}));
  EXPECT_TRUE(s.consistent());
  EXPECT_TRUE(s.relaxed.empty());
  EXPECT_EQ(net.last_solve_stats().components_solved, 0U);
}

TEST(StpBounds, SingleNodeWithoutClaimsIsUnbounded) {
  stp_network net;
  stp_node const n = net.add_node();
  EXPECT_EQ(n, stp_node{1});
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.bounds.size(), 2U);
  EXPECT_EQ(s[n], day_bounds{});
  EXPECT_TRUE(s.consistent());
}

TEST(StpBounds, SingleNodeTakesItsWindow) {
  stp_network net;
  stp_node const n = net.add_node();
  net.add_window(n, 2019_y / date::March / 1, 2019_y / date::March / 31, hard(1));
  EXPECT_EQ(net.solve()[n], window(2019_y / date::March / 1, 2019_y / date::March / 31));
}

TEST(StpBounds, HeaderExampleTightensBothWays) {
  stp_network net;
  stp_node const attack = net.add_node();
  stp_node const truce = net.add_node();
  net.add_window(attack, 2014_y / date::July / 17, 2014_y / date::July / 20, soft(1));
  net.add_order(attack, truce, days{1}, std::nullopt, soft(2));
  net.add_window(truce, std::nullopt, 2014_y / date::July / 18, soft(3, 0.5));
  stp_solution const& s = net.solve();
  EXPECT_TRUE(s.consistent());
  EXPECT_EQ(s[attack], window(2014_y / date::July / 17, 2014_y / date::July / 17));
  EXPECT_EQ(s[truce], window(2014_y / date::July / 18, 2014_y / date::July / 18));

  net.add_window(truce, 2014_y / date::July / 1, 2014_y / date::July / 10, soft(4, 0.2));
  stp_solution const& t = net.solve();
  ASSERT_EQ(t.conflicts.size(), 1U);
  EXPECT_EQ(t.conflicts[0].claims, (std::vector<claim_id>{1, 2, 4}));
  EXPECT_EQ(t.conflicts[0].relaxed, 4U);
  EXPECT_EQ(t.conflicts[0].excess, days{8});  // the 18th at the earliest against the 10th at the latest
  EXPECT_EQ(t.relaxed, (std::vector<claim_id>{4}));
  EXPECT_EQ(t[attack], window(2014_y / date::July / 17, 2014_y / date::July / 17));
  EXPECT_EQ(t[truce], window(2014_y / date::July / 18, 2014_y / date::July / 18));
}

TEST(StpBounds, ChainOfRelativeClaimsAroundAPublicationDate) {
  // An article published on 2020-05-10 says: the vote was "yesterday", the count "two days after
  // the vote", and the protests "ahead of" the count; a second article dates the protests to May.
  stp_network net;
  stp_node const dct = net.add_node();
  stp_node const vote = net.add_node();
  stp_node const count = net.add_node();
  stp_node const protests = net.add_node();
  net.add_window(dct, 2020_y / date::May / 10, 2020_y / date::May / 10, hard(1));
  net.add_order(vote, dct, days{1}, days{1}, soft(2));
  net.add_order(vote, count, days{2}, days{2}, hard(3));
  net.add_order(protests, count, days{1}, std::nullopt, hard(4));
  net.add_window(protests, 2020_y / date::May / 1, 2020_y / date::May / 31, soft(5));
  stp_solution const& s = net.solve();
  EXPECT_TRUE(s.consistent());
  EXPECT_EQ(s[vote], window(2020_y / date::May / 9, 2020_y / date::May / 9));
  EXPECT_EQ(s[count], window(2020_y / date::May / 11, 2020_y / date::May / 11));
  EXPECT_EQ(s[protests], window(2020_y / date::May / 1, 2020_y / date::May / 10));
  EXPECT_EQ(net.last_solve_stats().components_solved, 1U);
  EXPECT_EQ(net.last_solve_stats().nodes_solved, 4U);
}

TEST(StpBounds, HalfOpenClaimsLeaveOneSideUnbounded) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_window(a, 2001_y / date::September / 11, std::nullopt, hard(1));
  net.add_order(a, b, days{3}, std::nullopt, soft(2));
  stp_solution const& s = net.solve();
  EXPECT_EQ(s[a], (day_bounds{2001_y / date::September / 11, std::nullopt}));
  EXPECT_EQ(s[b], (day_bounds{2001_y / date::September / 14, std::nullopt}));
}

TEST(StpBounds, OrderingWithoutAnchorHasNoBounds) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_order(a, b, days{1}, days{5}, soft(1));
  stp_solution const& s = net.solve();
  EXPECT_EQ(s[a], day_bounds{});
  EXPECT_EQ(s[b], day_bounds{});
  EXPECT_EQ(net.between(a, b), (gap_bounds{days{1}, days{5}}));
  EXPECT_EQ(net.between(b, a), (gap_bounds{days{-5}, days{-1}}));
}

TEST(StpBetween, GapWithinAComponentIsTighterThanTheBounds) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  stp_node const other = net.add_node();
  net.add_window(a, 2021_y / date::May / 1, 2021_y / date::May / 3, hard(1));
  net.add_order(a, b, days{2}, days{2}, hard(2));
  net.add_window(other, 2021_y / date::May / 10, 2021_y / date::May / 12, hard(3));
  net.solve();
  // b - a is exactly 2 although both move within three days.
  EXPECT_EQ(net.between(a, b), (gap_bounds{days{2}, days{2}}));
  // Separate components: only the bounds relate them.
  EXPECT_EQ(net.between(a, other), (gap_bounds{days{7}, days{11}}));
  EXPECT_EQ(net.between(stp_origin, a), (gap_bounds{sys_days{2021_y / date::May / 1}.time_since_epoch(),
                                                    sys_days{2021_y / date::May / 3}.time_since_epoch()}));
  EXPECT_EQ(net.between(b, b), (gap_bounds{days{0}, days{0}}));
}

// ---------------------------------------------------------------------------------------------
// Contradictions.

TEST(StpConflict, TwoClashingWindowsAreExactlyTheConflict) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_window(a, 2019_y / date::March / 1, 2019_y / date::March / 5, soft(10, 2.0));
  net.add_window(b, 2019_y / date::March / 2, 2019_y / date::March / 3, soft(11));  // unrelated
  net.add_window(a, 2019_y / date::March / 10, 2019_y / date::March / 12, soft(12, 1.0));
  net.add_order(a, b, days{-30}, days{30}, soft(13, 3.0));  // joins b's component, no clash
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 1U);
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{10, 12}));
  EXPECT_EQ(s.conflicts[0].relaxed, 12U);
  EXPECT_EQ(s.conflicts[0].excess, days{5});
  EXPECT_EQ(s.relaxed, (std::vector<claim_id>{12}));
  EXPECT_EQ(s[a], window(2019_y / date::March / 1, 2019_y / date::March / 5));
  EXPECT_EQ(s[b], window(2019_y / date::March / 2, 2019_y / date::March / 3));
}

TEST(StpConflict, ThreeOrderingsInACycleLeaveTheUnrelatedClaimOut) {
  // "a ahead of b", "c following b", "c ahead of a": a < b < c < a.
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  stp_node const c = net.add_node();
  net.add_window(a, 2022_y / date::June / 1, 2022_y / date::June / 30, hard(4));  // same component
  net.add_order(a, b, days{1}, std::nullopt, soft(1, 3.0));
  net.add_order(b, c, days{1}, std::nullopt, soft(2, 2.0));
  net.add_order(c, a, days{1}, std::nullopt, soft(3, 1.0));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 1U);
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{1, 2, 3}));
  EXPECT_EQ(s.conflicts[0].relaxed, 3U);
  EXPECT_EQ(s.conflicts[0].excess, days{3});
  EXPECT_EQ(s.conflicts[0].cycle.size(), 3U);
  EXPECT_EQ(s[a], window(2022_y / date::June / 1, 2022_y / date::June / 30));
  EXPECT_EQ(s[c], (day_bounds{2022_y / date::June / 3, std::nullopt}));
}

TEST(StpConflict, WitnessCycleIsClosedAndAddsUpToTheExcess) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_window(a, 2010_y / date::January / 10, 2010_y / date::January / 10, hard(1));
  net.add_window(b, 2010_y / date::January / 1, 2010_y / date::January / 4, soft(2));
  net.add_order(a, b, days{2}, days{7}, soft(3));  // b is 2 to 7 days after a: Jan 12 at the earliest
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 1U);
  stp_conflict const& c = s.conflicts[0];
  EXPECT_EQ(c.claims, (std::vector<claim_id>{1, 2, 3}));
  days length{0};
  std::set<claim_id> used;
  for (std::size_t i = 0; i < c.cycle.size(); ++i) {
    EXPECT_EQ(c.cycle[i].to, c.cycle[(i + 1) % c.cycle.size()].from);
    length += c.cycle[i].weight;
    used.insert(c.cycle[i].claim);
  }
  EXPECT_EQ(length, -c.excess);
  EXPECT_EQ(c.excess, days{8});
  EXPECT_EQ(std::vector<claim_id>(used.begin(), used.end()), c.claims);
}

TEST(StpConflict, SelfContradictoryClaimIsItsOwnConflict) {
  stp_network net;
  stp_node const a = net.add_node();
  net.add_window(a, 2018_y / date::April / 9, 2018_y / date::April / 2, hard(7));
  net.add_window(a, 2018_y / date::April / 1, 2018_y / date::April / 30, soft(8));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 1U);
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{7}));
  EXPECT_EQ(s.conflicts[0].relaxed, 7U);
  EXPECT_EQ(s[a], window(2018_y / date::April / 1, 2018_y / date::April / 30));
}

TEST(StpConflict, ShrinksToTheClashingPair) {
  // Claim 1 alone pins a to Jan 20 and c to Jan 5 and claim 2 says c follows a: {1, 2} clash.
  // Claim 3 ("b between a and c") is on a longer negative cycle but is not needed.
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  stp_node const c = net.add_node();
  net.add_order(a, b, days{0}, std::nullopt, soft(3, 0.1));
  net.add_order(b, c, days{0}, std::nullopt, soft(3, 0.1));
  net.add_window(a, 2000_y / date::January / 20, 2000_y / date::January / 20, hard(1));
  net.add_window(c, 2000_y / date::January / 5, 2000_y / date::January / 5, hard(1));
  net.add_order(a, c, days{1}, std::nullopt, soft(2, 5.0));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 2U);
  // Two contradictions: {1, 2} and {1, 3}; each relaxes its soft claim, never the hard one.
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{1, 2}));
  EXPECT_EQ(s.conflicts[0].relaxed, 2U);
  EXPECT_EQ(s.conflicts[1].claims, (std::vector<claim_id>{1, 3}));
  EXPECT_EQ(s.conflicts[1].relaxed, 3U);
  EXPECT_EQ(s.relaxed, (std::vector<claim_id>{2, 3}));
  EXPECT_EQ(s[a], window(2000_y / date::January / 20, 2000_y / date::January / 20));
  EXPECT_EQ(s[b], day_bounds{});
}

TEST(StpConflict, TwoIndependentContradictionsAreBothReported) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  stp_node const c = net.add_node();
  stp_node const d = net.add_node();
  // Component {a, b}: b after a, but b's window ends before a's starts.
  net.add_window(a, 2015_y / date::June / 10, 2015_y / date::June / 12, hard(1));
  net.add_window(b, 2015_y / date::June / 1, 2015_y / date::June / 3, soft(2, 0.5));
  net.add_order(a, b, days{1}, std::nullopt, soft(3, 0.8));
  // Component {c, d}: c and d on the same day, in disjoint windows.
  net.add_window(c, 2016_y / date::June / 1, 2016_y / date::June / 1, soft(4, 0.9));
  net.add_window(d, 2016_y / date::July / 1, 2016_y / date::July / 1, soft(5, 0.4));
  net.add_order(c, d, days{0}, days{0}, soft(6, 0.6));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 2U);
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{1, 2, 3}));
  EXPECT_EQ(s.conflicts[0].relaxed, 2U);
  EXPECT_EQ(s.conflicts[1].claims, (std::vector<claim_id>{4, 5, 6}));
  EXPECT_EQ(s.conflicts[1].relaxed, 5U);
  EXPECT_EQ(s.relaxed, (std::vector<claim_id>{2, 5}));
  EXPECT_EQ(s[b], (day_bounds{2015_y / date::June / 11, std::nullopt}));
  EXPECT_EQ(s[d], window(2016_y / date::June / 1, 2016_y / date::June / 1));
  EXPECT_EQ(net.last_solve_stats().components_solved, 2U);
}

TEST(StpConflict, LowestWeightClaimIsRelaxed) {
  for (int lightest = 0; lightest < 3; ++lightest) {
    stp_network net;
    stp_node const a = net.add_node();
    stp_node const b = net.add_node();
    auto weight = [&](int k) { return k == lightest ? 0.25 : 1.0 + k; };
    net.add_window(a, 2012_y / date::May / 5, 2012_y / date::May / 5, soft(0, weight(0)));
    net.add_window(b, 2012_y / date::May / 1, 2012_y / date::May / 1, soft(1, weight(1)));
    net.add_order(a, b, days{2}, days{2}, soft(2, weight(2)));
    stp_solution const& s = net.solve();
    ASSERT_EQ(s.conflicts.size(), 1U) << "lightest " << lightest;
    EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{0, 1, 2}));
    EXPECT_EQ(s.relaxed, (std::vector<claim_id>{static_cast<claim_id>(lightest)}));
  }
}

TEST(StpConflict, HardClaimKeptWhenSoftCanGo) {
  stp_network net;
  stp_node const a = net.add_node();
  net.add_window(a, 2012_y / date::May / 5, 2012_y / date::May / 6, hard(1, 0.01));
  net.add_window(a, 2012_y / date::May / 8, 2012_y / date::May / 9, soft(2, 100.0));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 1U);
  EXPECT_EQ(s.conflicts[0].relaxed, 2U);
  EXPECT_EQ(s[a], window(2012_y / date::May / 5, 2012_y / date::May / 6));
}

TEST(StpConflict, AllHardClashRelaxesTheLightestAndTiesTheNewest) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_window(a, 2012_y / date::May / 5, 2012_y / date::May / 6, hard(1, 2.0));
  net.add_window(a, 2012_y / date::May / 8, 2012_y / date::May / 9, hard(2, 1.0));
  net.add_window(b, 2012_y / date::May / 5, 2012_y / date::May / 6, hard(3, 1.0));
  net.add_window(b, 2012_y / date::May / 8, 2012_y / date::May / 9, hard(4, 1.0));
  stp_solution const& s = net.solve();
  ASSERT_EQ(s.conflicts.size(), 2U);
  EXPECT_EQ(s.relaxed, (std::vector<claim_id>{2, 4}));
  EXPECT_EQ(s[b], window(2012_y / date::May / 5, 2012_y / date::May / 6));
}

// ---------------------------------------------------------------------------------------------
// Incremental solving.

TEST(StpIncremental, ResolvesOnlyTouchedComponents) {
  stp_network net;
  std::vector<stp_node> nodes;
  for (int i = 0; i < 6; ++i) nodes.push_back(net.add_node());
  for (int i = 0; i < 6; i += 2) {
    net.add_window(nodes[i], 2020_y / date::January / 1, 2020_y / date::January / 31, soft(i));
    net.add_order(nodes[i], nodes[i + 1], days{1}, days{3}, soft(100 + i));
  }
  net.solve();
  EXPECT_EQ(net.last_solve_stats().components_solved, 3U);
  net.solve();
  EXPECT_EQ(net.last_solve_stats().components_solved, 0U);

  net.add_window(nodes[3], 2020_y / date::January / 10, 2020_y / date::January / 10, hard(50));
  stp_solution const& s = net.solve();
  EXPECT_EQ(net.last_solve_stats().components_solved, 1U);
  EXPECT_EQ(net.last_solve_stats().nodes_solved, 2U);
  EXPECT_EQ(s[nodes[2]], window(2020_y / date::January / 7, 2020_y / date::January / 9));
  EXPECT_EQ(s[nodes[0]], window(2020_y / date::January / 1, 2020_y / date::January / 31));
}

TEST(StpIncremental, MergingComponentsKeepsEachConflictOnce) {
  stp_network net;
  stp_node const a = net.add_node();
  stp_node const b = net.add_node();
  net.add_window(a, 2020_y / date::March / 1, 2020_y / date::March / 2, hard(1));
  net.add_window(a, 2020_y / date::March / 5, 2020_y / date::March / 6, soft(2));
  net.add_window(b, 2020_y / date::March / 10, 2020_y / date::March / 10, hard(3));
  EXPECT_EQ(net.solve().conflicts.size(), 1U);
  net.add_order(a, b, days{0}, days{5}, soft(4, 0.5));  // b - a <= 5 clashes: a <= Mar 2
  stp_solution const& s = net.solve();
  EXPECT_EQ(net.last_solve_stats().components_solved, 1U);
  ASSERT_EQ(s.conflicts.size(), 2U);
  EXPECT_EQ(s.conflicts[0].claims, (std::vector<claim_id>{1, 2}));
  EXPECT_EQ(s.conflicts[1].claims, (std::vector<claim_id>{1, 3, 4}));
  EXPECT_EQ(s.relaxed, (std::vector<claim_id>{2, 4}));
}

// ---------------------------------------------------------------------------------------------
// Randomized comparison with Floyd-Warshall on small networks.

struct raw_edge {
  std::uint32_t from;
  std::uint32_t to;
  std::int64_t weight;
  std::size_t claim;  // index into the trial's claims
};

constexpr std::int64_t inf = std::numeric_limits<std::int64_t>::max() / 4;

// All-pairs shortest paths over nodes [0, n) using the edges of claims in `use`; nullopt when
// there is a negative cycle.
std::optional<std::vector<std::vector<std::int64_t>>> floyd_warshall(std::size_t n, std::vector<raw_edge> const& edges,
                                                                     std::vector<bool> const& use) {
  std::vector<std::vector<std::int64_t>> d(n, std::vector<std::int64_t>(n, inf));
  for (std::size_t i = 0; i < n; ++i) d[i][i] = 0;
  for (raw_edge const& e : edges) {
    if (use[e.claim]) d[e.from][e.to] = std::min(d[e.from][e.to], e.weight);
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      if (d[i][k] == inf) continue;
      for (std::size_t j = 0; j < n; ++j) {
        if (d[k][j] != inf) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (d[i][i] < 0) return std::nullopt;
  }
  return d;
}

struct random_trial {
  std::size_t nodes = 0;  // origin included
  std::vector<stp_claim> claims;
  std::vector<raw_edge> edges;  // in insertion order, as the network receives them
};

random_trial make_trial(std::mt19937& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  random_trial t;
  t.nodes = static_cast<std::size_t>(pick(1, 8));
  int const claim_count = pick(0, 14);
  for (int c = 0; c < claim_count; ++c) {
    claim_id const id = static_cast<claim_id>(1000 - 7 * c);  // ids in no particular order
    // Few distinct weights, so that ties are exercised too.
    t.claims.push_back({id, pick(0, 2) == 0 ? claim_strength::hard : claim_strength::soft, 0.5 * pick(1, 4)});
    int const parts = pick(1, 3);  // a claim may say several things
    for (int p = 0; p < parts; ++p) {
      if (t.nodes == 1) break;
      auto const a = static_cast<std::uint32_t>(pick(1, static_cast<int>(t.nodes) - 1));
      auto const b = static_cast<std::uint32_t>(pick(0, static_cast<int>(t.nodes) - 1));
      switch (pick(0, 2)) {
        case 0: {  // window
          int const earliest = pick(0, 20);
          int const latest = earliest + pick(-2, 8);
          t.edges.push_back({0, a, latest, t.claims.size() - 1});
          t.edges.push_back({a, 0, -earliest, t.claims.size() - 1});
          break;
        }
        case 1: {  // order with a gap range
          if (a == b) break;
          int const min_gap = pick(-3, 5);
          t.edges.push_back({b, a, -min_gap, t.claims.size() - 1});
          if (pick(0, 1) == 0) t.edges.push_back({a, b, min_gap + pick(0, 6), t.claims.size() - 1});
          break;
        }
        default:  // a raw difference constraint
          t.edges.push_back({b, a, pick(-6, 10), t.claims.size() - 1});
      }
    }
  }
  return t;
}

void add_edge(stp_network& net, random_trial const& t, raw_edge const& e) {
  net.add_constraint(stp_node{e.from}, stp_node{e.to}, days{static_cast<int>(e.weight)}, t.claims[e.claim]);
}

std::size_t claim_index(random_trial const& t, claim_id id) {
  auto const it = std::find_if(t.claims.begin(), t.claims.end(), [&](stp_claim const& c) { return c.id == id; });
  return static_cast<std::size_t>(it - t.claims.begin());
}

// Strictly weaker under the relaxation policy, ignoring the insertion-order tie break.
bool strictly_weaker(stp_claim const& x, stp_claim const& y) {
  if (x.strength != y.strength) return x.strength == claim_strength::soft;
  return x.weight < y.weight;
}

TEST(StpProperty, MatchesFloydWarshallAndIncrementalEqualsBatch) {
  std::mt19937 rng(20250813);
  int inconsistent_trials = 0;
  int multi_conflict_trials = 0;
  for (int trial = 0; trial < 400; ++trial) {
    SCOPED_TRACE(testing::Message() << "trial " << trial);
    random_trial const t = make_trial(rng);
    std::vector<bool> all(t.claims.size(), true);

    stp_network batch;
    for (std::size_t i = 1; i < t.nodes; ++i) batch.add_node();
    for (raw_edge const& e : t.edges) add_edge(batch, t, e);
    stp_solution const s = batch.solve();
    ASSERT_EQ(s.bounds.size(), t.nodes);

    bool const consistent = floyd_warshall(t.nodes, t.edges, all).has_value();
    EXPECT_EQ(s.consistent(), consistent);
    inconsistent_trials += consistent ? 0 : 1;
    multi_conflict_trials += s.conflicts.size() > 1 ? 1 : 0;

    // Every conflict is a minimal clashing set whose relaxed claim is one of its weakest.
    std::vector<bool> kept = all;
    for (stp_conflict const& c : s.conflicts) {
      std::vector<bool> only(t.claims.size(), false);
      for (claim_id const id : c.claims) only[claim_index(t, id)] = true;
      EXPECT_FALSE(floyd_warshall(t.nodes, t.edges, only).has_value()) << "conflict does not clash";
      for (claim_id const id : c.claims) {
        std::vector<bool> without = only;
        without[claim_index(t, id)] = false;
        EXPECT_TRUE(floyd_warshall(t.nodes, t.edges, without).has_value()) << "conflict not minimal without " << id;
        EXPECT_FALSE(strictly_weaker(t.claims[claim_index(t, id)], t.claims[claim_index(t, c.relaxed)]))
            << "relaxed " << c.relaxed << " while " << id << " is weaker";
      }
      EXPECT_TRUE(std::binary_search(c.claims.begin(), c.claims.end(), c.relaxed));
      days length{0};
      for (stp_edge const& e : c.cycle) length += e.weight;
      EXPECT_EQ(length, -c.excess);
      EXPECT_GT(c.excess, days{0});
      kept[claim_index(t, c.relaxed)] = false;
    }
    EXPECT_EQ(s.relaxed.size(), s.conflicts.size());

    // What is left is consistent and the bounds are those of the shortest paths through the origin.
    auto const d = floyd_warshall(t.nodes, t.edges, kept);
    ASSERT_TRUE(d.has_value()) << "the relaxed network still clashes";
    for (std::size_t v = 0; v < t.nodes; ++v) {
      day_bounds expected;
      if ((*d)[v][0] != inf) expected.earliest = sys_days{days{static_cast<int>(-(*d)[v][0])}};
      if ((*d)[0][v] != inf) expected.latest = sys_days{days{static_cast<int>((*d)[0][v])}};
      EXPECT_EQ(s.bounds[v], expected) << "node " << v;
      for (std::size_t w = 0; w < t.nodes; ++w) {
        gap_bounds gap;
        if ((*d)[w][v] != inf) gap.min = days{static_cast<int>(-(*d)[w][v])};
        if ((*d)[v][w] != inf) gap.max = days{static_cast<int>((*d)[v][w])};
        EXPECT_EQ(batch.between(stp_node{static_cast<std::uint32_t>(v)}, stp_node{static_cast<std::uint32_t>(w)}), gap)
            << "t_" << w << " - t_" << v;
      }
    }

    // The same constraints, added in the same order with solves in between, give the same answer.
    stp_network incremental;
    for (std::size_t i = 1; i < t.nodes; ++i) incremental.add_node();
    for (raw_edge const& e : t.edges) {
      add_edge(incremental, t, e);
      if (std::uniform_int_distribution<int>(0, 2)(rng) == 0) incremental.solve();
    }
    EXPECT_EQ(incremental.solve(), s);
  }
  // The generator must actually produce the interesting cases.
  EXPECT_GT(inconsistent_trials, 80);
  EXPECT_GT(multi_conflict_trials, 20);
}

}  // namespace
}  // namespace timeline::engine
