// SPDX-License-Identifier: MIT
//
// The rule families. Each is one translation unit that defines its X3 productions and runs them
// itself, so no grammar definition is ever seen by two TUs and nothing needs
// BOOST_SPIRIT_INSTANTIATE to be kept in sync with a context type elsewhere (STYLE 2.3 asks for
// one TU per family for compile time; running the parse inside the family keeps the same firewall
// and lets the scanner stay free of Spirit). This header is Spirit-free.
//
// A family hands out its productions as a table: for each, the words it can start with (computed
// from the production's X3 type, first_set.hpp) and a function that tries it at a word start. The
// scanner (dispatch.cpp) tries at each word only the productions that can start with that word,
// where it used to try all of them.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../ast.hpp"

namespace timeline::grammar::rules {

// One production's match: what it said and where its span ends.
struct candidate {
  ast::expression said;
  char const* end = nullptr;
};

// What a production can start with. `words` are lower-case first words as the scanner cuts them
// (letters, then letters and apostrophes: "a.m." starts with "a", "o'clock" with "o'clock").
struct start_set {
  bool any = false;         // could start with anything: tried at every word start
  bool digit = false;       // a number: "2025-08-13", "three" is a word
  bool apostrophe = false;  // "'90s", "'98"
  std::vector<std::string> words;
};

// The word the scanner sees at the start of `s`: ASCII letters, then letters and apostrophes
// ("valentine's"); empty when `s` does not start with a letter. Both sides cut words with it, so a
// production's first words and the text's words agree ("a.m." and "a" are both "a").
constexpr std::string_view first_word(std::string_view s) {
  auto const letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t n = 0;
  while (n < s.size() && (letter(s[n]) || (n > 0 && s[n] == '\''))) ++n;
  return s.substr(0, n);
}

// The tokens that can come second in a production's match, as the scanner cuts them after the
// first word or number: the next word (letters, then letters and apostrophes), a number, or one
// other character, spaces skipped between. `any` when the analysis cannot bound it. The scanner
// skips a production whose second set does not hold what follows the first word, unless the first
// word can be a match alone: "two people" tries no duration.
struct second_set {
  bool any = false;
  bool digit = false;
  // With `digit`: the lengths of the run of digits it can be, bit k for k digits (bit 15: 15 or
  // more). Known only for the tokens a match can consist of alone (production::alone).
  std::uint16_t digit_lengths = 0xFFFE;
  std::array<bool, 128> characters{};  // ASCII characters other than letters and digits
  std::vector<std::string> words;
};

struct production {
  start_set starts;
  second_set seconds;
  // The tokens that can come third, after a first and a second word, cut the same way, and the
  // second tokens of its matches of exactly two tokens ("last week"), after which anything may
  // follow. The scanner applies them only where the text's first two tokens are whole words:
  // "in the past" tries what starts "in the", "in the president's" nothing.
  second_set thirds;
  second_set pair_seconds;
  // The first tokens a match can consist of alone ("now"): after them anything may follow.
  second_set alone;
  // Words it can read with a letter glued after them ("mid" of "midmorning"): the scanner tries it
  // at a word that starts with one of them and goes on.
  std::vector<std::string> glued;
  // Appends a candidate when the production matches at `first` (a word start) in [first, last).
  void (*try_at)(char const* first, char const* last, std::vector<candidate>& out);
};

// Each family's productions, in the order that breaks ties between equally long matches.
std::span<production const> calendar_productions();
std::span<production const> relative_productions();
std::span<production const> holiday_productions();
std::span<production const> amount_productions();

// The first words that can follow a number inside a production ("48 hours", "10 a.m.", "13
// August"): a number followed by none of them, by a digit, or by a letter or sign of its own
// ("13th", "10:30", "1.5 hours") starts no expression ("$5.3 million", "by 20 votes").
std::vector<std::string> number_followers();

}  // namespace timeline::grammar::rules
