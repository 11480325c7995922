// SPDX-License-Identifier: MIT
//
// Tagging a document: the temporal expressions of its text, normalized against its publication
// date, with boilerplate (related-story lists, prompts) left out unless the document keeps it.
// Offsets are byte offsets into document::text, as everywhere in the engine.
//
// Example:
//   auto mentions = timeline::engine::tag(doc);                 // DCT from doc.dct
//   auto again = timeline::engine::tag(doc, reference_time{...}); // another candidate DCT
#pragma once

#include <optional>
#include <vector>

#include <timeline/engine/document.hpp>
#include <timeline/grammar/extract.hpp>

namespace timeline::engine {

// The mentions of `doc` against `dct`. Boilerplate bytes are blanked rather than cut out, so that
// offsets stay those of the original text and a page-furniture date never becomes the anchor of
// an anaphoric expression.
std::vector<grammar::temporal_mention> tag(document const& doc, grammar::reference_time const& dct,
                                           grammar::extract_options const& options = {});

// The same against the document's own publication date; nullopt when it has none.
std::optional<std::vector<grammar::temporal_mention>> tag(document const& doc, grammar::extract_options const& options = {});

}  // namespace timeline::engine
