// SPDX-License-Identifier: MIT
//
// Refiners run after the scan over the whole list of mentions (chrono's refiners): each edits the
// list in place, and refine() applies them in one documented order.
#pragma once

#include <string_view>
#include <vector>

#include <timeline/grammar/extract.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::grammar {

void refine(std::vector<temporal_mention>& mentions, std::string_view text, extract_options const& options);

}  // namespace timeline::grammar
