// SPDX-License-Identifier: MIT
#include <timeline/engine/tagging.hpp>

#include <algorithm>
#include <string>

namespace timeline::engine {

std::vector<grammar::temporal_mention> tag(document const& doc, grammar::reference_time const& dct,
                                           grammar::extract_options const& options) {
  if (doc.keep_boilerplate || doc.boilerplate.empty()) return grammar::extract(doc.text, dct, options);
  std::string text = doc.text;
  for (auto const& b : doc.boilerplate) {
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(b.span.begin), text.begin() + static_cast<std::ptrdiff_t>(b.span.end), ' ');
  }
  return grammar::extract(text, dct, options);
}

std::optional<std::vector<grammar::temporal_mention>> tag(document const& doc, grammar::extract_options const& options) {
  auto const dct = doc.dct.reference();
  if (!dct) return std::nullopt;
  return tag(doc, *dct, options);
}

}  // namespace timeline::engine
