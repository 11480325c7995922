// SPDX-License-Identifier: MIT
//
// Refiners run after the scan over the whole list of mentions (chrono's refiners): each takes the
// list by value and returns it, and refine() applies them in one documented order.
#pragma once

#include <string_view>
#include <vector>

#include <timeline/grammar/extract.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::grammar {

std::vector<temporal_mention> refine(std::vector<temporal_mention> mentions, std::string_view text, extract_options const& options);

}  // namespace timeline::grammar
