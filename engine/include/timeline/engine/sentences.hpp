// SPDX-License-Identifier: MIT
//
// Paragraphs and sentences of article text, as byte spans of the original text.
//
// Paragraphs are blocks separated by blank lines; inside a block each line is its own paragraph
// (news text saved from the web has one paragraph per line), except where the block is hard
// wrapped (full-width lines, or a line that stops mid-sentence and continues in lower case), and
// a list item always starts a new one.
//
// Sentences end at '.', '!', '?' or '…' (and the quotes or brackets closing after them) followed
// by white space and a word that may start a sentence, and always at a paragraph's end, so
// headlines and bullets without final punctuation are sentences too. A period does not end a
// sentence after a title ("Dr.", "Gen."), inside numbers ("3.5"), or after an abbreviation,
// initial, month or "a.m."/"p.m." unless the next word is one that usually starts a sentence
// ("The", "He", ...).
//
// Example:
//   split_sentences("Gen. Lee met Dr. Kim at 9 a.m. Tuesday in the U.S. He left.", {0, 58})
//   // -> [0, 50) "Gen. Lee ... U.S.", [51, 58) "He left."
#pragma once

#include <string_view>
#include <vector>

#include <timeline/engine/document.hpp>

namespace timeline::engine {

// The paragraphs of [within), trimmed, in text order. Empty lines yield nothing.
std::vector<text_span> split_paragraphs(std::string_view text, text_span within);

// The sentences of one paragraph, trimmed, list markers ("• ", "1. ") left out.
std::vector<text_span> split_sentences(std::string_view text, text_span paragraph);

}  // namespace timeline::engine
