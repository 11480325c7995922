// SPDX-License-Identifier: MIT
#include <timeline/engine/document.hpp>

#include <algorithm>

#include <timeline/engine/boilerplate.hpp>
#include <timeline/engine/sentences.hpp>

namespace timeline::engine {

std::string_view to_string(dct_source source) noexcept {
  switch (source) {
    case dct_source::option:
      return "option";
    case dct_source::metadata:
      return "metadata";
    case dct_source::header:
      return "header";
    case dct_source::dateline:
      return "dateline";
    case dct_source::none:
      break;
  }
  return "none";
}

std::string_view to_string(boilerplate_kind kind) noexcept {
  switch (kind) {
    case boilerplate_kind::metadata:
      return "metadata";
    case boilerplate_kind::navigation:
      return "navigation";
    case boilerplate_kind::prompt:
      return "prompt";
    case boilerplate_kind::related:
      break;
  }
  return "related";
}

std::optional<grammar::reference_time> publication_date::reference() const {
  if (!day) {
    return std::nullopt;
  }
  return grammar::reference_time{*day, time_of_day};
}

bool document::is_boilerplate(text_span span) const noexcept {
  // Spans are sorted and disjoint: find the last one starting at or before span.begin.
  auto const after = std::upper_bound(boilerplate.begin(), boilerplate.end(), span.begin,
                                      [](std::size_t pos, boilerplate_span const& b) { return pos < b.span.begin; });
  if (after == boilerplate.begin()) {
    return false;
  }
  auto const& candidate = *std::prev(after);
  return span.begin >= candidate.span.begin && span.end <= candidate.span.end;
}

std::vector<sentence> taggable_sentences(document const& doc) {
  std::vector<sentence> out;
  for (auto const& s : doc.sentences) {
    if (doc.keep_boilerplate || !s.boilerplate) {
      out.push_back(s);
    }
  }
  return out;
}

void segment(document& doc) {
  doc.boilerplate = merge_boilerplate(doc.text, std::move(doc.boilerplate));
  doc.paragraphs.clear();
  doc.sentences.clear();
  std::string_view const text = doc.text;
  // Boilerplate spans cut the text into regions; each span is its own region, so a paragraph never
  // straddles article and furniture.
  std::vector<std::pair<text_span, bool>> regions;
  std::size_t pos = 0;
  for (auto const& b : doc.boilerplate) {
    if (b.span.begin > pos) {
      regions.push_back({{pos, b.span.begin}, false});
    }
    regions.push_back({b.span, true});
    pos = std::max(pos, b.span.end);
  }
  if (pos < text.size()) {
    regions.push_back({{pos, text.size()}, false});
  }
  for (auto const& [region, furniture] : regions) {
    for (text_span const paragraph : split_paragraphs(text, region)) {
      std::size_t const index = doc.paragraphs.size();
      doc.paragraphs.push_back(paragraph);
      for (text_span const s : split_sentences(text, paragraph)) {
        doc.sentences.push_back({s, index, furniture});
      }
    }
  }
}

}  // namespace timeline::engine
