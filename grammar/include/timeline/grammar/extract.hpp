// SPDX-License-Identifier: MIT
//
// extract() finds every temporal expression in a run of English text and normalizes it against the
// document creation time (DCT). It is the whole public face of the grammar: no Boost header is
// reachable from here, so code that tags text compiles as fast as code that only uses <string>.
//
// The text is UTF-8. Offsets in the result are byte offsets into it; callers that show offsets to
// people convert them (timeline::io counts code points).
//
// Example:
//   using namespace date::literals;
//   auto mentions = timeline::grammar::extract("Putin spoke to Kim on Tuesday.",
//                                              {date::sys_days{2025_y / 8 / 13}});
//   // mentions[0]: text [22, 29) "Tuesday", DATE "2025-08-12", day grain, anchor dct
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/grammar/mention.hpp>

namespace timeline::grammar {

// The document creation time: a day, optionally with a time of day (minutes after midnight).
struct reference_time {
  date::sys_days day;
  std::optional<std::chrono::minutes> time_of_day;
};

struct extract_options {
  // Report bare numbers that may be years ("in 1974" is tagged either way; a lone "1974" only
  // with this set). Duckling calls these latent.
  bool allow_latent = false;
  // When set, receives one line per decision (rule matches, refiner drops, tense choices). Tests
  // print it only when a case fails; `timeline tag --trace` prints it.
  std::function<void(std::string_view)> trace;
  // Try every production at every word start, not only those the scanner's tables pick by the
  // first two words. Many times slower, the same result: tests use it to check the tables.
  bool try_every_production = false;
};

// Finds and normalizes the temporal expressions of `text`, in text order, without overlaps.
// Never throws for content: text with no temporal expression gives an empty vector.
std::vector<temporal_mention> extract(std::string_view text, reference_time const& dct,
                                      extract_options const& options = {});

}  // namespace timeline::grammar
