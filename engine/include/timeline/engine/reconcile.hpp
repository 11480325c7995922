// SPDX-License-Identifier: MIT
//
// Reconciling: many articles in, one timeline out (timeline.hpp).
//
// A reconciler takes documents one at a time. Each is tagged against its publication date (DCT),
// its event mentions found (event.hpp) and linked to the events already known (linker.hpp). The
// times are then a Simple Temporal Problem (stp.hpp) over days:
//   * each event has a start and an end node; each document without a known DCT a DCT node;
//   * each mention's expression bounds its event (during/before/after/since/until), resolved
//     calendar-exactly against its document's DCT;
//   * ordering cues bound one event against another ("following", "three days after");
//   * tense and modality bound events against the DCT, or against the time a reported speech was
//     said: reported events no later than it, planned ones no earlier;
//   * a DCT window from metadata bounds the DCT node.
// A document without a DCT is worked over its candidate days: it is tagged against every
// candidate day (at most options.max_dct_candidates), the days on which the most of its dated
// claims agree with the events other articles date become its window, and each of its expressions
// is bounded by the hull of its readings over that window and by their exact offset range from
// the DCT node, so the solver narrows both together.
// Contradictions are results: every inconsistent set of claims is reported as a minimal set and
// resolved by relaxing its weakest claim (fewer agreeing sources, then less specific, then older
// DCT), never by dropping a claim silently; the rest of the timeline stands.
//
// Solving is per connected component (events joined by ordering cues or an unknown DCT) and
// incremental: solve() re-solves only components touched since the last call. Undated documents
// wait for solve(), so that they are matched against every dated article added before.
//
// Example:
//   reconciler r;
//   for (auto& doc : docs) r.add(std::move(doc));   // engine::document with dct (or not)
//   timeline const& tl = r.solve();
//   for (auto const& e : tl.events) std::cout << e.label << " " << e.value << "\n";
//   // visit: Sergei Shoigu, Pyongyang 2023-07
//   reconcile(docs)  // the same, in one call
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include <date/date.h>

#include <timeline/engine/document.hpp>
#include <timeline/engine/lexicon.hpp>
#include <timeline/engine/timeline.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::engine {

struct reconcile_options {
  lexicon const* lex = nullptr;  // default_lexicon() when null
  // Candidate publication days tried for an undated document, at most. The window they come from
  // is the hull of the other documents' DCTs widened by `dct_margin`, cut by what the document's
  // own absolute dates allow.
  std::size_t max_dct_candidates = 1200;
  date::days dct_margin{366};
  // Keep the mention lists (and sentence texts) in the result. The benchmark turns it off.
  bool keep_mentions = true;
};

// Counters of the last solve(), for the benchmark and the incremental tests.
struct reconcile_stats {
  std::size_t documents = 0;
  std::size_t event_mentions = 0;
  std::size_t events = 0;
  std::size_t components_solved = 0;  // in the last solve()
  std::size_t claims = 0;             // in the last solve()'s components
};

class reconciler {
 public:
  explicit reconciler(reconcile_options options = {});
  ~reconciler();
  reconciler(reconciler&&) noexcept;
  reconciler& operator=(reconciler&&) noexcept;

  // Adds one document. Its DCT is doc.dct.day; when absent, `dct_window` (from metadata) bounds
  // the candidates. Ids must be unique; a repeated id is renamed "id#2".
  void add(document doc, std::optional<grammar::day_interval> dct_window = std::nullopt);

  // The timeline of every document added so far. Re-solves what changed since the last call; the
  // reference stays valid until the next non-const call.
  timeline const& solve();

  reconcile_stats const& stats() const noexcept;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// All documents at once.
timeline reconcile(std::vector<document> docs, reconcile_options const& options = {});

}  // namespace timeline::engine
