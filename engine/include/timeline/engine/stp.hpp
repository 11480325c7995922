// SPDX-License-Identifier: MIT
//
// A Simple Temporal Problem (STP) over calendar days: nodes are unknown days (an event's start or
// end, a document's unknown publication date), and every constraint bounds the difference of two
// of them, `t_to - t_from <= w` (Dechter, Meiri and Pearl 1991). One extra node, the origin
// `stp_origin`, is pinned to 1970-01-01, so a window "between March 2 and March 5" is the pair of
// constraints `t - origin <= March 5` and `origin - t <= -March 2`.
//
// Every constraint belongs to a *claim*: the caller's id for the sentence that said it, with a
// strength (hard: stated in the text; soft: implied) and a weight (how much the caller trusts it).
// One claim may contribute several constraints (a window is two); the solver reasons about claims.
//
// solve() finds, for every node, the tightest [earliest, latest] days the claims allow. When the
// claims contradict each other (a negative cycle), the contradiction is a result, not an error:
// the solver reports a *minimal* set of clashing claims (drop any one and the rest hold together),
// relaxes the weakest claim of that set, and repeats until the rest is consistent, so one bad
// claim never blanks the timeline.
//
// In this file:
//   stp_node, stp_origin, claim_id, claim_strength, stp_claim   identities and provenance
//   day_bounds, gap_bounds, stp_edge, stp_conflict, stp_solution results (plain values)
//   stp_network                                                  the network and its solver
//
// Example:
//   stp_network net;
//   stp_node const attack = net.add_node();
//   stp_node const truce = net.add_node();
//   net.add_window(attack, 2014_y/July/17, 2014_y/July/20, {.id = 1});                 // "mid-July"
//   net.add_order(attack, truce, date::days{1}, std::nullopt, {.id = 2});             // "following"
//   net.add_window(truce, std::nullopt, 2014_y/July/18, {.id = 3, .weight = 0.5});     // "by the 18th"
//   stp_solution const& s = net.solve();
//   // s[attack] == [2014-07-17, 2014-07-17], s[truce] == [2014-07-18, 2014-07-18], s.consistent()
//   net.add_window(truce, 2014_y/July/1, 2014_y/July/10, {.id = 4, .weight = 0.2});     // a bad claim
//   net.solve();
//   // conflicts: {claims {1, 2, 4}, relaxed 4}; the timeline above is unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include <date/date.h>

namespace timeline::engine {

// A node of the network: an index handed out by stp_network::add_node(). A distinct type, so it
// cannot be mixed up with a claim id or a day count.
enum class stp_node : std::uint32_t {};

// The origin z, pinned to day 0 (1970-01-01). Every network has it.
inline constexpr stp_node stp_origin{0};

// The caller's identifier of a claim (an article's sentence, a mention, a linking rule).
using claim_id = std::size_t;

// Hard claims are stated in the text; soft claims are implied. The solver relaxes a hard claim
// only when every claim of a contradiction is hard.
enum class claim_strength : std::uint8_t { soft, hard };

// A claim's identity and how much to trust it. Ranking claims (more sources, more specific, more
// recent) is the caller's business; the solver only compares (strength, weight).
struct stp_claim {
  claim_id id = 0;
  claim_strength strength = claim_strength::soft;
  double weight = 1.0;
  friend bool operator==(stp_claim const&, stp_claim const&) = default;
};

// The tightest days a node can take. An absent side is unbounded.
struct day_bounds {
  std::optional<date::sys_days> earliest;
  std::optional<date::sys_days> latest;
  friend bool operator==(day_bounds const&, day_bounds const&) = default;
};

// The tightest range of `t_b - t_a`. An absent side is unbounded.
struct gap_bounds {
  std::optional<date::days> min;
  std::optional<date::days> max;
  friend bool operator==(gap_bounds const&, gap_bounds const&) = default;
};

// One constraint `t_to - t_from <= weight` and the claim it came from.
struct stp_edge {
  stp_node from{};
  stp_node to{};
  date::days weight{};
  claim_id claim = 0;
  friend bool operator==(stp_edge const&, stp_edge const&) = default;
};

// A contradiction: a minimal set of claims that cannot all hold.
struct stp_conflict {
  std::vector<claim_id> claims;  // sorted; removing any one of them leaves a consistent set
  std::vector<stp_edge> cycle;   // a negative cycle over those claims' constraints, as a witness
  date::days excess{};           // minus the cycle's length: by how many days the claims disagree, > 0
  claim_id relaxed = 0;          // the claim the solver dropped to resolve it (one of `claims`)
  friend bool operator==(stp_conflict const&, stp_conflict const&) = default;
};

// What solve() returns: bounds for every node under the relaxed network, and how it was relaxed.
struct stp_solution {
  std::vector<day_bounds> bounds;       // indexed by node; bounds[0] is the origin, [1970-01-01, 1970-01-01]
  std::vector<stp_conflict> conflicts;  // sorted by `claims`
  std::vector<claim_id> relaxed;        // sorted; every conflict's `relaxed`, once each

  bool consistent() const noexcept { return conflicts.empty(); }
  day_bounds const& operator[](stp_node n) const { return bounds[static_cast<std::size_t>(n)]; }
  friend bool operator==(stp_solution const&, stp_solution const&) = default;
};

// What the last solve() did; the incremental tests and the benchmark read it.
struct stp_solve_stats {
  std::size_t components_solved = 0;   // touched components re-solved
  std::size_t nodes_solved = 0;        // user nodes in them
  std::size_t edges_solved = 0;        // constraints in them
  std::size_t consistency_checks = 0;  // negative-cycle searches, including those of the shrinking
  friend bool operator==(stp_solve_stats const&, stp_solve_stats const&) = default;
};

// A network of day-difference constraints, solved per connected component and incrementally.
//
// Two user nodes are in the same component when a chain of constraints or claims joins them
// without passing through the origin. Components share only the origin, so each one is solved on
// its own; solve() re-solves only those touched since the last call. Not thread-safe; const
// members may be called concurrently with each other.
class stp_network {
 public:
  // A network holding only the origin.
  stp_network();

  // A new, unconstrained node.
  // Example: stp_network net; net.add_node() -> stp_node{1}
  stp_node add_node();

  // Number of nodes, origin included.
  std::size_t node_count() const noexcept { return parent_.size(); }

  // Adds `t_to - t_from <= max_diff`, said by `claim`. The first time a claim id is seen fixes its
  // strength and weight; later uses must repeat them. `from` and `to` must not both be the origin.
  // Example: add_constraint(a, b, days{-1}, {.id = 7}) // b is at least one day before a
  void add_constraint(stp_node from, stp_node to, date::days max_diff, stp_claim const& claim);

  // `earliest <= t_node <= latest`; an absent side adds nothing. Both sides belong to one claim.
  // Example: add_window(n, 2019y/March/1, 2019y/March/31, c) // "in March 2019"
  void add_window(stp_node node, std::optional<date::sys_days> earliest,
                  std::optional<date::sys_days> latest, stp_claim const& claim);

  // `min_gap <= t_after - t_before <= max_gap`; without max_gap the gap is unbounded above.
  // Example: add_order(a, b, days{1}, std::nullopt, c)  // "b following a": b at least a day later
  //          add_order(a, b, days{3}, days{3}, c)       // "three days after a"
  void add_order(stp_node before, stp_node after, date::days min_gap, std::optional<date::days> max_gap,
                 stp_claim const& claim);

  // Solves every component touched since the last call and returns the whole solution. Each
  // contradiction found is shrunk to a minimal set of claims and its weakest claim relaxed (see
  // POLICY in stp.cpp); the reference stays valid until the next non-const call.
  stp_solution const& solve();

  stp_solve_stats const& last_solve_stats() const noexcept { return stats_; }

  // The tightest range of `t_b - t_a` in the relaxed network, computed on demand (one or two
  // Dijkstra runs over the components of a and b). Requires a solve() after the last addition.
  // Example: with a in [May 1, May 3] and b = a + 2 days: between(a, b) -> [2, 2]
  gap_bounds between(stp_node a, stp_node b) const;

 private:
  struct edge_state {
    std::uint32_t from;
    std::uint32_t to;
    std::int64_t weight;
    std::uint32_t claim;          // index into claims_
    std::uint32_t next_in_claim;  // the claim's next edge, or none
  };
  struct claim_state {
    stp_claim claim;
    std::uint32_t first_edge;
    std::uint32_t anchor;  // a user node the claim touches: all its edges share that node's component
    bool relaxed;
  };
  struct component_result {
    std::vector<stp_conflict> conflicts;
    std::vector<claim_id> relaxed;
  };

  std::uint32_t find(std::uint32_t v);
  std::uint32_t find(std::uint32_t v) const;
  void unite(std::uint32_t a, std::uint32_t b);
  std::uint32_t intern_claim(stp_claim const& claim);
  void solve_component(std::uint32_t root);
  // The edges (global indices, in cycle order) of a negative cycle among the constraints of
  // `claims` (indices into claims_); empty when those claims hold together.
  std::vector<std::uint32_t> negative_cycle_among(std::vector<std::uint32_t> const& claims);
  // Shrinks the claims of a negative cycle to a minimal clashing set and picks the one to relax.
  stp_conflict explain_conflict(std::vector<std::uint32_t> claims);

  // Union-find over user nodes; the origin (0) stays a singleton. Each root also owns its
  // members (a ring through next_member_) and its edges (a list through next_in_component_).
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
  std::vector<std::uint32_t> next_member_;
  std::vector<std::uint32_t> first_edge_;
  std::vector<std::uint32_t> last_edge_;
  std::vector<std::uint32_t> next_in_component_;

  std::vector<edge_state> edges_;
  std::vector<claim_state> claims_;
  std::unordered_map<claim_id, std::uint32_t> claim_index_;

  std::vector<std::uint32_t> touched_;                         // nodes whose component is stale
  std::vector<std::int64_t> potential_;                        // a feasible schedule, origin at 0
  std::unordered_map<std::uint32_t, component_result> results_;  // roots with conflicts only
  std::vector<std::uint32_t> local_of_;                        // scratch: node -> local index
  stp_solution solution_;
  stp_solve_stats stats_;
};

}  // namespace timeline::engine
