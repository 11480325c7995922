// SPDX-License-Identifier: MIT
//
// The invariants every document the reader builds must keep, whatever the input: spans inside the
// text and ordered, sentences inside paragraphs, boilerplate sorted and disjoint. A broken one
// aborts, which libFuzzer reports as a crash.
#pragma once

#include <cstdlib>

#include <timeline/engine/document.hpp>

namespace timeline::fuzz {

inline void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

inline void check_document(engine::document const& doc) {
  std::size_t const size = doc.text.size();
  std::size_t previous_end = 0;
  for (auto const& b : doc.boilerplate) {
    require(b.span.begin <= b.span.end && b.span.end <= size && b.span.begin >= previous_end);
    previous_end = b.span.end;
  }
  previous_end = 0;
  for (auto const& p : doc.paragraphs) {
    require(p.begin < p.end && p.end <= size && p.begin >= previous_end);
    previous_end = p.end;
  }
  previous_end = 0;
  for (auto const& s : doc.sentences) {
    require(s.span.begin < s.span.end && s.span.end <= size && s.span.begin >= previous_end);
    require(s.paragraph < doc.paragraphs.size());
    auto const& p = doc.paragraphs[s.paragraph];
    require(s.span.begin >= p.begin && s.span.end <= p.end);
    require(s.boilerplate == doc.is_boilerplate(s.span));
    previous_end = s.span.end;
  }
  if (doc.dct.day) {
    require(doc.dct.source != engine::dct_source::none);
  }
}

}  // namespace timeline::fuzz
