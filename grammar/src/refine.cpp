// SPDX-License-Identifier: MIT
#include "refine.hpp"

#include <algorithm>
#include <string>

namespace timeline::grammar {
namespace {

// Keeps the output sorted and free of overlaps whatever a family returns: the scanner resumes
// after each match, but a mention whose span starts after a skipped prefix could still touch the
// previous one.
std::vector<temporal_mention> drop_overlaps(std::vector<temporal_mention> mentions, std::string_view, extract_options const& options) {
  std::stable_sort(mentions.begin(), mentions.end(), [](auto const& a, auto const& b) { return a.begin < b.begin; });
  std::vector<temporal_mention> kept;
  kept.reserve(mentions.size());
  for (auto& m : mentions) {
    if (!kept.empty() && m.begin < kept.back().end) {
      if (options.trace) options.trace("overlap: dropped " + m.value);
      continue;
    }
    kept.push_back(std::move(m));
  }
  return kept;
}

// "the 1990s and 2000s", "Monday and Tuesday": nothing to merge into ranges yet; TimeML tags each
// part on its own, which is what the corpus expects.

using refiner = std::vector<temporal_mention> (*)(std::vector<temporal_mention>, std::string_view, extract_options const&);
constexpr refiner refiners[] = {
    drop_overlaps,  // first and last word on order: everything after may assume sorted, disjoint spans
};

}  // namespace

std::vector<temporal_mention> refine(std::vector<temporal_mention> mentions, std::string_view text, extract_options const& options) {
  for (refiner r : refiners) mentions = r(std::move(mentions), text, options);
  return mentions;
}

}  // namespace timeline::grammar
