// SPDX-License-Identifier: MIT
//
// Boilerplate is the page furniture that comes along when an article is saved from the web: the
// "Previous Article / Next Article" links and the headlines they point to, "Leave a Comment",
// "No time to read? Get a summary", share and subscribe prompts, and lists of other stories
// ("2025-05-06 06:03 1447 views", teasers cut off mid-word). It is found line by line and kept as
// spans of the original text, so the text and its offsets never change.
//
// The timestamps of a related-story list are the trap this file exists for: they are dates, they
// sit in the article, and they are not its publication date. Callers skip boilerplate when looking
// for the DCT and when tagging.
//
// Example:
//   find_boilerplate("Kim met Putin.\nPrevious Article\nMessi Escapes Bottle Toss\nLeave a Comment")
//   // -> [{15, 57}, navigation] ("Previous Article" and its headline), [{58, 73}, prompt]
#pragma once

#include <string_view>
#include <vector>

#include <timeline/engine/document.hpp>

namespace timeline::engine {

// Boilerplate spans of `text`, whole trimmed lines, in text order, adjacent lines of one kind
// merged into one span (blank lines between them included).
std::vector<boilerplate_span> find_boilerplate(std::string_view text);

// Sorts spans, merges overlapping ones and those of one kind separated only by white space.
std::vector<boilerplate_span> merge_boilerplate(std::string_view text, std::vector<boilerplate_span> spans);

}  // namespace timeline::engine
