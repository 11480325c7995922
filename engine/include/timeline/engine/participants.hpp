// SPDX-License-Identifier: MIT
//
// Participants: the people an event mention names, written one way across every article.
//
// Names are found as runs of capitalized words; titles in front are dropped ("President Vladimir
// Putin" -> "Vladimir Putin"), spellings are unified by normalize_name() and the lexicon's aliases
// ("Kim Jong-un", "Kim Jong Un" -> "Kim Jong Un"), and a lone surname or family name ("Kim",
// "Putin") becomes the one full name of the document it can stand for. When it could stand for
// two ("Kim" in an article naming Kim Jong Un and Kim Bo-kyoung) it stays unresolved: a wrong
// participant would link unrelated events, a missing one only weakens the evidence.
//
// Places are recognized from the lexicon's gazetteer ("Pyongyang", "Alaska") and are not people.
//
// Example:
//   name_index idx = index_names(doc, default_lexicon());
//   // doc: "... leader Kim Jong Un ... President Vladimir Putin ... Kim said ..."
//   idx.mentions  // [{"Kim Jong Un"}, {"Vladimir Putin"}, {"Kim Jong Un", from "Kim"}]
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <timeline/engine/document.hpp>
#include <timeline/engine/lexicon.hpp>

namespace timeline::engine {

// A word of running text, as the event layer reads it. Letters, digits, inner hyphens, periods of
// abbreviations ("U.S.") and apostrophes belong to words; curly quotes and dashes do not; a
// possessive "'s" / "’s" is cut off and remembered.
struct word {
  text_span span;          // without the possessive
  std::string lower;       // lower case
  bool capitalized = false;
  bool possessive = false;
};

// The words of text[within).
// Example: words("Shoigu’s visit to the U.S.", {0, 28}) -> "shoigu"(possessive) "visit" "to" "the" "u.s."
std::vector<word> words(std::string_view text, text_span within);

// Lower case, hyphens and apostrophes' possessive removed, single spaces: "Kim Jong-un's" ->
// "kim jong un".
std::string normalize_name(std::string_view written);

struct name_mention {
  text_span span;         // the name as written, titles excluded
  std::string canonical;  // "Kim Jong Un"; empty when ambiguous
  bool place = false;     // a gazetteer place rather than a person
  bool ambiguous = false; // a lone name that could be two people of the document
};

struct name_index {
  std::vector<name_mention> mentions;  // in text order
  // Lone names left unresolved because they fit two people: "Kim -> Kim Jong Un | Kim Bo-kyoung".
  std::vector<std::string> ambiguities;
};

// Every person and place name of the document's taggable sentences, resolved as above.
name_index index_names(document const& doc, lexicon const& lex);

// True when a participant list and another name the same people enough to be one event: they
// share at least min(2, smaller size) names. Both lists are canonical and sorted.
// Example: participants_agree({"Sergei Shoigu"}, {"Kim Jong Un", "Sergei Shoigu"}) -> true
//          participants_agree({"Donald Trump", "Lee Jae Myung"}, {"Donald Trump", "Vladimir Putin"}) -> false
bool participants_agree(std::vector<std::string> const& a, std::vector<std::string> const& b);

}  // namespace timeline::engine
