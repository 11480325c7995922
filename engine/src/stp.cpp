// SPDX-License-Identifier: MIT
//
// The STP solver. Day numbers are raw int64 counts since 1970-01-01 in here only (STYLE 2.4);
// the API converts them to and from date::sys_days / date::days.
//
// Per component, the work is:
//   1. a negative-cycle search: FIFO label-correcting (SPFA) from the origin, with an amortized
//      check of the predecessor graph (Cherkassky and Goldberg). Consistent: the labels are a
//      feasible schedule, i.e. potentials.
//   2. on a cycle: shrink its claims to a minimal set (deletion-based), relax the weakest claim,
//      and resume 1 from the current labels without its constraints.
//   3. two Dijkstra runs from the origin on weights reduced by the potentials (Johnson), forward
//      for the latest days and backward for the earliest days.
#include "timeline/engine/stp.hpp"

#include <algorithm>
#include <cassert>
#include <deque>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <utility>

namespace timeline::engine {
namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t unreachable = std::numeric_limits<std::int64_t>::max();

constexpr std::uint32_t index_of(stp_node n) noexcept { return static_cast<std::uint32_t>(n); }

date::days to_days(std::int64_t count) {
  assert(count >= std::numeric_limits<date::days::rep>::min() && count <= std::numeric_limits<date::days::rep>::max());
  return date::days{static_cast<date::days::rep>(count)};
}

struct local_edge {
  std::uint32_t from;
  std::uint32_t to;
  std::int64_t weight;
  std::uint32_t global;  // index into stp_network::edges_
};

// A component, or the constraints of a few claims, renumbered densely, with the edges indexed by
// source (out) and by target (in).
struct local_graph {
  local_graph(std::uint32_t node_count, std::vector<local_edge> all) : nodes(node_count), edges(std::move(all)) {
    index(out_begin, out, [](local_edge const& e) { return e.from; });
    index(in_begin, in, [](local_edge const& e) { return e.to; });
  }

  std::uint32_t nodes;
  std::vector<local_edge> edges;
  std::vector<std::uint32_t> out_begin;  // out[out_begin[v] .. out_begin[v + 1]) leave v
  std::vector<std::uint32_t> out;
  std::vector<std::uint32_t> in_begin;
  std::vector<std::uint32_t> in;

 private:
  template <class Key>
  void index(std::vector<std::uint32_t>& begin, std::vector<std::uint32_t>& list, Key key) {
    begin.assign(nodes + 1, 0);
    for (local_edge const& e : edges) ++begin[key(e) + 1];
    for (std::uint32_t v = 0; v < nodes; ++v) begin[v + 1] += begin[v];
    list.resize(edges.size());
    std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
    for (std::uint32_t k = 0; k < edges.size(); ++k) list[fill[key(edges[k])]++] = k;
  }
};

// Label-correcting shortest paths from local node 0 (the origin in a component), resumable after
// edges are removed. run() returns a negative cycle (local edge indices in cycle order), or an
// empty vector and labels() holding a feasible schedule: for every live edge,
// label[to] <= label[from] + weight.
//
// Node 0 starts at 0 and every other node at `big`, longer than any simple path: that is a
// virtual source with an edge of 0 to node 0 and of `big` to the others, so nodes the origin
// does not reach still get labels. The labels of reached nodes become the latest days.
//
// Why resumable: after a cycle is found and a claim relaxed, starting over costs a full pass over
// the component for every contradiction. Going on from the current labels is also correct: the
// method only stops once no live edge is violated, it terminates on integer weights whatever the
// starting labels, and a predecessor cycle is still negative once the removed edges are cut out
// of the predecessor graph (each predecessor edge keeps label[to] >= label[from] + weight).
//
// Why node 0 is guarded: most contradictions run through the origin (a window against a chain of
// relative claims). Letting its label drop would violate every window edge leaving it and send a
// wave over the whole component for each contradiction, so a relaxation that would lower it is
// first checked for a cycle, and held back when it closes one.
class label_correcting {
 public:
  explicit label_correcting(local_graph const& g)
      : g_(g), dist_(g.nodes, 0), pred_(g.nodes, none), seen_(g.nodes, 0), queued_(g.nodes, 1),
        dead_(g.edges.size(), 0) {
    std::int64_t big = 1;
    for (local_edge const& e : g.edges) big += e.weight < 0 ? -e.weight : e.weight;
    for (std::uint32_t v = 0; v < g.nodes; ++v) {
      dist_[v] = v == 0 ? 0 : big;
      queue_.push_back(v);
    }
  }

  std::vector<std::uint32_t> run() {
    while (!queue_.empty()) {
      std::uint32_t const u = queue_.front();
      queue_.pop_front();
      queued_[u] = 0;
      for (std::uint32_t k = g_.out_begin[u]; k < g_.out_begin[u + 1]; ++k) {
        std::uint32_t const id = g_.out[k];
        if (dead_[id] != 0) continue;
        local_edge const& e = g_.edges[id];
        std::int64_t const candidate = dist_[u] + e.weight;
        if (candidate >= dist_[e.to]) continue;
        if (e.to == 0) {
          std::uint32_t const before = pred_[0];
          pred_[0] = id;
          begin_sweep();
          if (auto cycle = walk_back(0); !cycle.empty()) {
            pred_[0] = before;
            return stop(u, std::move(cycle));
          }
          // No cycle: a label left low by a relaxed claim. Lowering the origin is then correct.
        }
        dist_[e.to] = candidate;
        pred_[e.to] = id;
        if (queued_[e.to] == 0) {
          queued_[e.to] = 1;
          queue_.push_back(e.to);
        }
        // Looking for a predecessor cycle after every `nodes` relaxations costs O(1) per
        // relaxation; once a negative cycle has pulled a label below every simple path, the
        // predecessor graph has a cycle at every moment.
        if (++since_check_ >= g_.nodes) {
          since_check_ = 0;
          begin_sweep();
          for (std::uint32_t v = 0; v < g_.nodes; ++v) {
            if (auto cycle = walk_back(v); !cycle.empty()) return stop(u, std::move(cycle));
          }
        }
      }
    }
    return {};
  }

  // Removes an edge for the following runs.
  void kill(std::uint32_t id) {
    dead_[id] = 1;
    std::uint32_t const to = g_.edges[id].to;
    if (pred_[to] == id) pred_[to] = none;
  }

  // The labels: a feasible schedule once run() has returned no cycle.
  std::vector<std::int64_t>& labels() noexcept { return dist_; }

 private:
  // Starts a sweep of walk_back() calls: a walk ends at a node an earlier walk of the same sweep
  // saw, since that node leads to no cycle, so a sweep over all nodes costs O(nodes).
  void begin_sweep() noexcept { sweep_start_ = step_ + 1; }

  // The cycle met walking the predecessor graph back from `start`, or empty. Any cycle of the
  // predecessor graph is negative (Cherkassky and Goldberg 1999, "Negative-cycle detection
  // algorithms").
  std::vector<std::uint32_t> walk_back(std::uint32_t start) {
    std::uint64_t const walk = ++step_;
    std::uint32_t v = start;
    while (v != none && seen_[v] < sweep_start_) {
      seen_[v] = walk;
      v = pred_[v] == none ? none : g_.edges[pred_[v]].from;
    }
    if (v == none || seen_[v] != walk) return {};
    std::vector<std::uint32_t> cycle;
    std::uint32_t x = v;
    do {
      cycle.push_back(pred_[x]);
      x = g_.edges[pred_[x]].from;
    } while (x != v);
    std::reverse(cycle.begin(), cycle.end());
    return cycle;
  }

  std::vector<std::uint32_t> stop(std::uint32_t u, std::vector<std::uint32_t> cycle) {
    // u's remaining edges are unchecked: scan it again when resumed.
    if (queued_[u] == 0) {
      queued_[u] = 1;
      queue_.push_front(u);
    }
    return cycle;
  }

  local_graph const& g_;
  std::vector<std::int64_t> dist_;
  std::vector<std::uint32_t> pred_;
  std::vector<std::uint64_t> seen_;  // the last walk that passed a node
  std::vector<char> queued_;
  std::vector<char> dead_;
  std::deque<std::uint32_t> queue_;
  std::uint32_t since_check_ = 0;
  std::uint64_t step_ = 0;
  std::uint64_t sweep_start_ = 1;
};

// True shortest distances from `source` (forward) or to `source` (backward), with weights reduced
// by `potential` so that Dijkstra applies: w + h[from] - h[to] >= 0 for a feasible schedule h.
std::vector<std::int64_t> dijkstra(local_graph const& g, std::vector<std::int64_t> const& potential,
                                   std::uint32_t source, bool backward) {
  std::vector<std::int64_t> reduced(g.nodes, unreachable);
  using entry = std::pair<std::int64_t, std::uint32_t>;
  std::priority_queue<entry, std::vector<entry>, std::greater<>> heap;
  reduced[source] = 0;
  heap.emplace(0, source);
  auto const& begin = backward ? g.in_begin : g.out_begin;
  auto const& list = backward ? g.in : g.out;
  while (!heap.empty()) {
    auto const [d, u] = heap.top();
    heap.pop();
    if (d != reduced[u]) continue;
    for (std::uint32_t k = begin[u]; k < begin[u + 1]; ++k) {
      local_edge const& e = g.edges[list[k]];
      std::int64_t const w = e.weight + potential[e.from] - potential[e.to];  // >= 0
      assert(w >= 0);
      std::uint32_t const v = backward ? e.from : e.to;
      if (d + w < reduced[v]) {
        reduced[v] = d + w;
        heap.emplace(d + w, v);
      }
    }
  }
  // Undo the reduction: a reduced path u ~> v is longer by h[u] - h[v].
  for (std::uint32_t v = 0; v < g.nodes; ++v) {
    if (reduced[v] == unreachable) continue;
    reduced[v] += backward ? potential[source] - potential[v] : potential[v] - potential[source];
  }
  return reduced;
}

}  // namespace

stp_network::stp_network() {
  parent_.push_back(0);
  size_.push_back(1);
  next_member_.push_back(0);
  first_edge_.push_back(none);
  last_edge_.push_back(none);
  potential_.push_back(0);
  local_of_.push_back(none);
  date::sys_days const origin_day{date::days{0}};
  solution_.bounds.push_back({origin_day, origin_day});
}

stp_node stp_network::add_node() {
  auto const v = static_cast<std::uint32_t>(parent_.size());
  parent_.push_back(v);
  size_.push_back(1);
  next_member_.push_back(v);
  first_edge_.push_back(none);
  last_edge_.push_back(none);
  potential_.push_back(0);
  local_of_.push_back(none);
  solution_.bounds.emplace_back();
  return stp_node{v};
}

std::uint32_t stp_network::find(std::uint32_t v) {
  while (parent_[v] != v) {
    parent_[v] = parent_[parent_[v]];  // path halving
    v = parent_[v];
  }
  return v;
}

std::uint32_t stp_network::find(std::uint32_t v) const {
  while (parent_[v] != v) v = parent_[v];
  return v;
}

void stp_network::unite(std::uint32_t a, std::uint32_t b) {
  std::uint32_t ra = find(a);
  std::uint32_t rb = find(b);
  if (ra == rb) return;
  if (size_[ra] < size_[rb]) std::swap(ra, rb);
  parent_[rb] = ra;
  size_[ra] += size_[rb];
  std::swap(next_member_[ra], next_member_[rb]);  // joins the two member rings into one
  if (first_edge_[rb] != none) {
    if (first_edge_[ra] == none) {
      first_edge_[ra] = first_edge_[rb];
    } else {
      next_in_component_[last_edge_[ra]] = first_edge_[rb];
    }
    last_edge_[ra] = last_edge_[rb];
    first_edge_[rb] = last_edge_[rb] = none;
  }
  results_.erase(ra);
  results_.erase(rb);
}

std::uint32_t stp_network::intern_claim(stp_claim const& claim) {
  auto const [it, inserted] = claim_index_.try_emplace(claim.id, static_cast<std::uint32_t>(claims_.size()));
  if (inserted) {
    claims_.push_back({claim, none, none, false});
  } else {
    assert(claims_[it->second].claim == claim && "a claim id must keep its strength and weight");
  }
  return it->second;
}

void stp_network::add_constraint(stp_node from, stp_node to, date::days max_diff, stp_claim const& claim) {
  std::uint32_t const f = index_of(from);
  std::uint32_t const t = index_of(to);
  assert(f < node_count() && t < node_count());
  assert((f != 0 || t != 0) && "a constraint must involve a node other than the origin");
  std::uint32_t const c = intern_claim(claim);
  auto const e = static_cast<std::uint32_t>(edges_.size());
  edges_.push_back({f, t, max_diff.count(), c, claims_[c].first_edge});
  next_in_component_.push_back(none);
  claims_[c].first_edge = e;

  // All constraints of one claim share a component: relaxing a claim removes all of them at once.
  std::uint32_t anchor = claims_[c].anchor;
  for (std::uint32_t const v : {f, t}) {
    if (v == 0) continue;
    if (anchor == none) {
      anchor = v;
    } else {
      unite(anchor, v);
    }
  }
  claims_[c].anchor = anchor;
  std::uint32_t const root = find(anchor);
  if (first_edge_[root] == none) {
    first_edge_[root] = e;
  } else {
    next_in_component_[last_edge_[root]] = e;
  }
  last_edge_[root] = e;
  touched_.push_back(anchor);
}

void stp_network::add_window(stp_node node, std::optional<date::sys_days> earliest,
                             std::optional<date::sys_days> latest, stp_claim const& claim) {
  if (latest) add_constraint(stp_origin, node, latest->time_since_epoch(), claim);
  if (earliest) add_constraint(node, stp_origin, -earliest->time_since_epoch(), claim);
}

void stp_network::add_order(stp_node before, stp_node after, date::days min_gap, std::optional<date::days> max_gap,
                            stp_claim const& claim) {
  add_constraint(after, before, -min_gap, claim);
  if (max_gap) add_constraint(before, after, *max_gap, claim);
}

stp_solution const& stp_network::solve() {
  stats_ = {};
  if (touched_.empty()) return solution_;
  std::vector<std::uint32_t> roots;
  roots.reserve(touched_.size());
  for (std::uint32_t const v : touched_) roots.push_back(find(v));
  touched_.clear();
  std::sort(roots.begin(), roots.end());
  roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
  for (std::uint32_t const root : roots) solve_component(root);

  solution_.conflicts.clear();
  solution_.relaxed.clear();
  for (auto const& [root, result] : results_) {
    solution_.conflicts.insert(solution_.conflicts.end(), result.conflicts.begin(), result.conflicts.end());
    solution_.relaxed.insert(solution_.relaxed.end(), result.relaxed.begin(), result.relaxed.end());
  }
  std::sort(solution_.conflicts.begin(), solution_.conflicts.end(),
            [](stp_conflict const& a, stp_conflict const& b) { return a.claims < b.claims; });
  std::sort(solution_.relaxed.begin(), solution_.relaxed.end());
  return solution_;
}

void stp_network::solve_component(std::uint32_t root) {
  // Members and edges in index order: the result depends on the component's constraints and the
  // order they were added in, never on how union-find spliced its lists together.
  std::vector<std::uint32_t> members;
  members.reserve(size_[root]);
  std::uint32_t v = root;
  do {
    members.push_back(v);
    v = next_member_[v];
  } while (v != root);
  std::sort(members.begin(), members.end());
  std::vector<std::uint32_t> edge_ids;
  for (std::uint32_t e = first_edge_[root]; e != none; e = next_in_component_[e]) edge_ids.push_back(e);
  std::sort(edge_ids.begin(), edge_ids.end());

  local_of_[0] = 0;
  for (std::uint32_t i = 0; i < members.size(); ++i) local_of_[members[i]] = i + 1;
  auto const node_count = static_cast<std::uint32_t>(members.size() + 1);
  std::vector<local_edge> all;
  all.reserve(edge_ids.size());
  for (std::uint32_t const e : edge_ids) {
    edge_state const& s = edges_[e];
    all.push_back({local_of_[s.from], local_of_[s.to], s.weight, e});
    claims_[s.claim].relaxed = false;
  }
  for (std::uint32_t const m : members) local_of_[m] = none;

  ++stats_.components_solved;
  stats_.nodes_solved += members.size();
  stats_.edges_solved += edge_ids.size();
  results_.erase(root);
  component_result result;
  local_graph const graph(node_count, std::move(all));
  label_correcting search(graph);
  ++stats_.consistency_checks;
  for (std::vector<std::uint32_t> cycle = search.run(); !cycle.empty(); cycle = search.run()) {
    std::vector<std::uint32_t> cycle_claims;
    for (std::uint32_t const k : cycle) cycle_claims.push_back(edges_[graph.edges[k].global].claim);
    std::sort(cycle_claims.begin(), cycle_claims.end());
    cycle_claims.erase(std::unique(cycle_claims.begin(), cycle_claims.end()), cycle_claims.end());
    stp_conflict conflict = explain_conflict(std::move(cycle_claims));
    std::uint32_t const relaxed = claim_index_.at(conflict.relaxed);
    claims_[relaxed].relaxed = true;
    for (std::uint32_t e = claims_[relaxed].first_edge; e != none; e = edges_[e].next_in_claim) {
      // Local edges are in the order of edge_ids.
      search.kill(static_cast<std::uint32_t>(std::lower_bound(edge_ids.begin(), edge_ids.end(), e) - edge_ids.begin()));
    }
    result.relaxed.push_back(conflict.relaxed);
    result.conflicts.push_back(std::move(conflict));
  }

  // The bounds of the relaxed component, on weights reduced by the schedule found.
  std::vector<std::int64_t>& potential = search.labels();
  std::int64_t const shift = potential[0];  // components share the origin: pin it at 0 in all
  for (std::int64_t& h : potential) h -= shift;
  std::optional<local_graph> relaxed_graph;
  if (!result.conflicts.empty()) {
    std::vector<local_edge> live;
    for (local_edge const& e : graph.edges) {
      if (!claims_[edges_[e.global].claim].relaxed) live.push_back(e);
    }
    relaxed_graph.emplace(node_count, std::move(live));
  }
  local_graph const& final_graph = relaxed_graph ? *relaxed_graph : graph;
  std::vector<std::int64_t> const from_origin = dijkstra(final_graph, potential, 0, false);
  std::vector<std::int64_t> const to_origin = dijkstra(final_graph, potential, 0, true);
  for (std::uint32_t i = 1; i < node_count; ++i) {
    std::uint32_t const node = members[i - 1];
    potential_[node] = potential[i];
    day_bounds& b = solution_.bounds[node];
    b.earliest.reset();
    b.latest.reset();
    if (to_origin[i] != unreachable) b.earliest = date::sys_days{to_days(-to_origin[i])};
    if (from_origin[i] != unreachable) b.latest = date::sys_days{to_days(from_origin[i])};
  }
  if (!result.conflicts.empty()) results_.emplace(root, std::move(result));
}

std::vector<std::uint32_t> stp_network::negative_cycle_among(std::vector<std::uint32_t> const& claims) {
  ++stats_.consistency_checks;
  std::vector<std::uint32_t> edge_ids;
  for (std::uint32_t const c : claims) {
    for (std::uint32_t e = claims_[c].first_edge; e != none; e = edges_[e].next_in_claim) edge_ids.push_back(e);
  }
  std::sort(edge_ids.begin(), edge_ids.end());
  std::vector<std::uint32_t> nodes;
  for (std::uint32_t const e : edge_ids) {
    nodes.push_back(edges_[e].from);
    nodes.push_back(edges_[e].to);
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  auto local = [&](std::uint32_t node) {
    return static_cast<std::uint32_t>(std::lower_bound(nodes.begin(), nodes.end(), node) - nodes.begin());
  };
  std::vector<local_edge> edges;
  edges.reserve(edge_ids.size());
  for (std::uint32_t const e : edge_ids) edges.push_back({local(edges_[e].from), local(edges_[e].to), edges_[e].weight, e});
  local_graph const graph(static_cast<std::uint32_t>(nodes.size()), std::move(edges));
  std::vector<std::uint32_t> cycle = label_correcting(graph).run();
  for (std::uint32_t& k : cycle) k = graph.edges[k].global;
  return cycle;
}

stp_conflict stp_network::explain_conflict(std::vector<std::uint32_t> claims) {
  // POLICY: which minimal set, and which claim of it to relax.
  // A cycle's claims may hold a smaller clash, and may hold several. Deletion-based shrinking
  // (drop a claim if the rest still clash) gives a minimal set; the order of the attempts picks
  // which one. We try to drop the strongest claims first (hard before soft, heavier before
  // lighter, older before newer), so the set that survives keeps the weakest claims that still
  // explain the clash; then we relax the weakest claim of that set: soft before hard, lighter
  // before heavier, and on a tie the one added last, so that first reports stand.
  // Pinned by tests/engine/stp_test.cpp: StpConflict.LowestWeightClaimIsRelaxed,
  // StpConflict.HardClaimKeptWhenSoftCanGo, StpConflict.ShrinksToTheClashingPair.
  auto weaker = [&](std::uint32_t a, std::uint32_t b) {
    stp_claim const& x = claims_[a].claim;
    stp_claim const& y = claims_[b].claim;
    if (x.strength != y.strength) return x.strength == claim_strength::soft;
    if (x.weight != y.weight) return x.weight < y.weight;
    return a > b;
  };
  std::vector<std::uint32_t> attempts = claims;
  std::sort(attempts.begin(), attempts.end(), [&](std::uint32_t a, std::uint32_t b) { return weaker(b, a); });
  for (std::uint32_t const candidate : attempts) {
    if (claims.size() == 1) break;
    std::vector<std::uint32_t> rest;
    rest.reserve(claims.size() - 1);
    for (std::uint32_t const c : claims) {
      if (c != candidate) rest.push_back(c);
    }
    if (!negative_cycle_among(rest).empty()) claims = std::move(rest);
  }

  std::vector<std::uint32_t> const witness = negative_cycle_among(claims);
  assert(!witness.empty());
  stp_conflict conflict;
  std::int64_t length = 0;
  for (std::uint32_t const e : witness) {
    edge_state const& s = edges_[e];
    conflict.cycle.push_back({stp_node{s.from}, stp_node{s.to}, to_days(s.weight), claims_[s.claim].claim.id});
    length += s.weight;
  }
  assert(length < 0);
  conflict.excess = to_days(-length);
  for (std::uint32_t const c : claims) conflict.claims.push_back(claims_[c].claim.id);
  std::sort(conflict.claims.begin(), conflict.claims.end());
  conflict.relaxed = claims_[*std::min_element(claims.begin(), claims.end(), weaker)].claim.id;
  return conflict;
}

gap_bounds stp_network::between(stp_node a, stp_node b) const {
  assert(touched_.empty() && "between() needs a solve() after the last addition");
  std::uint32_t const ia = index_of(a);
  std::uint32_t const ib = index_of(b);
  assert(ia < node_count() && ib < node_count());
  if (ia == ib) return {date::days{0}, date::days{0}};
  std::uint32_t const ra = find(ia);
  std::uint32_t const rb = find(ib);
  if (ia == 0 || ib == 0 || ra != rb) {
    // Every path between two components runs through the origin, so the gap is the difference of
    // the bounds (the origin's bounds being [0, 0]).
    day_bounds const& x = solution_.bounds[ia];
    day_bounds const& y = solution_.bounds[ib];
    gap_bounds gap;
    if (y.earliest && x.latest) gap.min = *y.earliest - *x.latest;
    if (y.latest && x.earliest) gap.max = *y.latest - *x.earliest;
    return gap;
  }

  std::vector<std::uint32_t> members;
  std::uint32_t v = ra;
  do {
    members.push_back(v);
    v = next_member_[v];
  } while (v != ra);
  std::sort(members.begin(), members.end());
  auto local = [&](std::uint32_t node) -> std::uint32_t {
    if (node == 0) return 0;
    return static_cast<std::uint32_t>(std::lower_bound(members.begin(), members.end(), node) - members.begin()) + 1;
  };
  std::vector<local_edge> edges;
  for (std::uint32_t e = first_edge_[ra]; e != none; e = next_in_component_[e]) {
    edge_state const& s = edges_[e];
    if (!claims_[s.claim].relaxed) edges.push_back({local(s.from), local(s.to), s.weight, e});
  }
  auto const node_count = static_cast<std::uint32_t>(members.size() + 1);
  local_graph const graph(node_count, std::move(edges));
  std::vector<std::int64_t> potential(node_count, 0);
  for (std::uint32_t i = 0; i < members.size(); ++i) potential[i + 1] = potential_[members[i]];
  std::vector<std::int64_t> const from_a = dijkstra(graph, potential, local(ia), false);
  std::vector<std::int64_t> const to_a = dijkstra(graph, potential, local(ia), true);
  gap_bounds gap;
  if (to_a[local(ib)] != unreachable) gap.min = to_days(-to_a[local(ib)]);
  if (from_a[local(ib)] != unreachable) gap.max = to_days(from_a[local(ib)]);
  return gap;
}

}  // namespace timeline::engine
