// SPDX-License-Identifier: MIT
//
// The FIRST set of an X3 production, read off its type: which words, numbers or apostrophes it
// can start with. `first_set(kw("last") >> period)` is {"last"}; `first_set(-the >> count >>
// unit_word)` is {"the", "several", "a", "one", ..., a number}. The scanner uses it to try at a
// word only the productions that can start there, instead of keeping a hand-written list of first
// words next to the grammar (which drifted: "for" and "over" were on it and start nothing).
//
// The usual FIRST computation over sequence, alternative and optional, with X3's leaves read as:
// a keyword or symbol table gives the first word of each of its strings; a number parser, a digit
// class or a digit literal gives `digit`; a predicate (!p, &p) or eps reads nothing, though `&p`
// says what must come next when a match ends before it. Whatever this file does not know (a
// character class of letters, a literal comma) makes the set `any`, which costs speed and never a
// match. An unknown parser type does not compile.
//
// The same walk gives each production's second set: the tokens that can follow its first word or
// number (`kw("last") >> -kw("fiscal") >> period` has {"fiscal", "month", "year", ...}), cut as
// the scanner cuts text. Two number parsers side by side may read one run of digits, one token to
// the scanner ("20250813", "1990s" as "199", "0" and "s"): the tokens after the run are then the
// second parser's second and third. Where a match can be one token long, the set is `any`, and a
// number read alone carries the lengths of run it can be (a year four digits). The third set goes
// one token further, with the second tokens of the matches that are exactly two tokens long
// ("last week"); the scanner asks it after a first word or number and a second token that is a
// whole word, a number or a sign, so a stem never reaches it. Words the grammar reads inside a
// longer word ("month" of "month's", "Monday" of "Mondays") are the scanner's business: it looks
// up their stems (dispatch.cpp).
//
// A stem is not the only way: `lexeme[lit("mid") >> -lit('-') >> lit("morning")]` reads
// "midmorning", one word to the scanner, as "mid" and "morning". So the walk also gives the words a
// production can read with a letter right after them, its glued words, which the scanner looks up
// at the start of a longer word. A keyword (`kw`) or a table read with `!alnum` after it ends its
// word: the predicates that refuse a letter are followed through, the others are taken to let
// one pass.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "../common.hpp"
#include "families.hpp"

namespace timeline::grammar::rules {
namespace first_detail {

// Words interned as small numbers, so that the sets below merge as bit sets: the same tables
// (the numbers, the units) reach a production through dozens of paths.
struct interned_words {
  // Hashed: every literal of every production is interned at start-up, which every process pays.
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view w) const noexcept { return std::hash<std::string_view>{}(w); }
  };
  std::unordered_map<std::string, std::size_t, hash, std::equal_to<>> ids;
  std::vector<std::string> words;

  static interned_words& get() {
    static interned_words instance;
    return instance;
  }
};

inline std::size_t word_id(std::string_view word) {
  interned_words& interned = interned_words::get();
  if (auto const it = interned.ids.find(word); it != interned.ids.end()) return it->second;
  interned.words.emplace_back(word);
  return interned.ids.emplace(std::string{word}, interned.words.size() - 1).first->second;
}

inline std::vector<std::string> words_of(std::vector<std::uint64_t> const& bits) {
  std::vector<std::string> out;
  for (std::size_t block = 0; block < bits.size(); ++block) {
    for (std::uint64_t b = bits[block]; b != 0; b &= b - 1) {
      out.push_back(interned_words::get().words[block * 64 + static_cast<std::size_t>(__builtin_ctzll(b))]);
    }
  }
  return out;
}

// A set of tokens: words, numbers, other ASCII characters, or anything.
struct token_set {
  bool any = false;
  bool digit = false;
  bool apostrophe = false;  // FIRST only: "'90s"
  std::array<std::uint64_t, 2> characters{};
  std::vector<std::uint64_t> words;

  void add_word(std::string_view w) {
    std::size_t const id = word_id(w);
    if (words.size() <= id / 64) words.resize(id / 64 + 1);
    words[id / 64] |= std::uint64_t{1} << (id % 64);
  }
  void add_character(unsigned char c) { characters[c / 64] |= std::uint64_t{1} << (c % 64); }
  void merge(token_set const& other) {
    any = any || other.any;
    digit = digit || other.digit;
    apostrophe = apostrophe || other.apostrophe;
    characters[0] |= other.characters[0];
    characters[1] |= other.characters[1];
    if (words.size() < other.words.size()) words.resize(other.words.size());
    for (std::size_t i = 0; i < other.words.size(); ++i) words[i] |= other.words[i];
  }
};

struct result {
  token_set set;          // the FIRST set as the scanner reads it (start_set)
  bool nullable = false;  // can match without reading anything
  // For the second set: the first tokens with their punctuation (`set` makes those `any`), the
  // second tokens, and whether a match can be one token long (a number, for gluing).
  token_set firsts;
  token_set seconds;
  token_set thirds;
  bool single = false;
  bool pair = false;        // a match can be exactly two tokens
  token_set pair_seconds;  // the second tokens of those matches
  bool single_number = false;  // one token, a number that may end before the text's run of digits does
  token_set single_firsts;     // the tokens a match of one token can be ("now", a year)
  // The lengths of the runs of digits a match of one number token reads (run_length_bit), before
  // single_number widens them: a year is four digits, "20250813" eight.
  std::uint16_t number_lengths = 0;
  // Like every_letter and refuses_letter, for digits: `!alnum` after "1990" ends its run there.
  bool every_digit = false;
  bool refuses_digit = false;
  // For a parser that can match nothing: whether its empty match needs a token of `ahead` next
  // (`&kw("later")`): then a match that ends before it is followed by one of those, not by anything.
  bool lookahead = false;
  token_set ahead;
  // For the glued words: whether a match can start with a letter, whether the parser matches at
  // every letter (alpha, alnum), whether its empty match refuses a letter after it (`!alnum`),
  // the words a match can end with and leave the next character free, and the glued words.
  bool letter_start = false;
  bool every_letter = false;
  bool refuses_letter = false;
  token_set open_ends;
  token_set glued;
};

// A string cut into tokens the way the scanner cuts text: a word (letters, then letters and
// apostrophes), a run of digits, or one other character; spaces between are skipped.
struct token {
  enum class kind : std::uint8_t { word, number, character } what;
  std::string_view text;
};

// The first three tokens of `s`, how many it has, and its last: all the walk needs, without a
// vector per string (every key of every symbol table is cut at start-up, which every process pays).
struct cut_string {
  std::array<token, 3> first{};
  std::size_t count = 0;
  token last{};
};

inline cut_string cut(std::string_view s) {
  auto const letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto const digit = [](char c) { return c >= '0' && c <= '9'; };
  cut_string out;
  auto const push = [&out](token t) {
    if (out.count < out.first.size()) out.first[out.count] = t;
    ++out.count;
    out.last = t;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    char const c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
    } else if (letter(c)) {
      std::string_view const w = first_word(s.substr(i));
      push({token::kind::word, w});
      i += w.size();
    } else if (digit(c)) {
      std::size_t j = i;
      while (j < s.size() && digit(s[j])) ++j;
      push({token::kind::number, s.substr(i, j - i)});
      i = j;
    } else {
      push({token::kind::character, s.substr(i, 1)});
      ++i;
    }
  }
  return out;
}

// The bit of number_lengths (and second_set::digit_lengths) for a run of `digits` digits: bit k
// for k from 1 to 14, bit 15 for 15 or more.
constexpr std::uint16_t run_length_bit(std::size_t digits) { return static_cast<std::uint16_t>(1U << (digits < 15 ? digits : 15)); }
// Every length from `min` up.
constexpr std::uint16_t run_lengths_from(std::size_t min) { return static_cast<std::uint16_t>(~(run_length_bit(min) - 1U)); }
// Two runs read one after the other, glued: every sum of a length of each.
inline std::uint16_t glued_lengths(std::uint16_t left, std::uint16_t right) {
  std::uint16_t out = 0;
  for (unsigned a = left; a != 0; a &= a - 1) {
    for (unsigned b = right; b != 0; b &= b - 1) out |= run_length_bit(static_cast<std::size_t>(std::countr_zero(a) + std::countr_zero(b)));
  }
  return out;
}

inline void add_token(token_set& set, token const& t) {
  switch (t.what) {
    case token::kind::word: set.add_word(t.text); break;
    case token::kind::number: set.digit = true; break;
    case token::kind::character: {
      auto const c = static_cast<unsigned char>(t.text.front());
      if (c < 128) set.add_character(c);  // a byte above 127 never matches the ASCII view
      break;
    }
  }
}

// A literal or a key of a symbol table: its first word for the scanner, its first two tokens.
inline void add_string(result& r, std::string_view s) {
  if (s.empty()) return;
  auto const c = static_cast<unsigned char>(s.front());
  // The rules read the ASCII view of the text (extract.cpp): a string that starts with a byte
  // above 127 ("’") never matches there.
  if (c >= 0x80) return;
  if (c >= '0' && c <= '9') r.set.digit = true;
  else if (c == '\'') r.set.apostrophe = true;
  else if (auto const w = first_word(s); !w.empty()) r.set.add_word(w);
  else r.set.any = true;
  cut_string const tokens = cut(s);
  if (tokens.count == 0) return;
  if (tokens.first[0].what == token::kind::word) r.letter_start = true;
  if (tokens.last.what == token::kind::word) r.open_ends.add_word(tokens.last.text);
  add_token(r.firsts, tokens.first[0]);
  if (tokens.count >= 3) add_token(r.thirds, tokens.first[2]);
  if (tokens.count == 2) {
    r.pair = true;
    add_token(r.pair_seconds, tokens.first[1]);
  }
  if (tokens.count >= 2) {
    add_token(r.seconds, tokens.first[1]);
  } else {
    r.single = true;
    r.single_number = r.single_number || tokens.first[0].what == token::kind::number;
    if (tokens.first[0].what == token::kind::number) r.number_lengths |= run_length_bit(tokens.first[0].text.size());
    add_token(r.single_firsts, tokens.first[0]);
  }
}

// One token the analysis cannot name (a character class): anything may come first or second.
inline result unknown_token(bool may_be_digit) {
  result r;
  r.letter_start = true;
  r.set.any = true;
  r.set.digit = may_be_digit;
  r.firsts.any = true;
  r.seconds.any = true;
  r.thirds.any = true;  // a character class may read a letter of a word: the cut is unknown
  r.single = true;
  r.pair = true;
  r.pair_seconds.any = true;
  r.single_number = may_be_digit;
  r.number_lengths = may_be_digit ? run_lengths_from(1) : 0;
  r.single_firsts.any = true;
  return r;
}

inline start_set to_start_set(token_set const& t) {
  start_set s;
  s.any = t.any;
  s.digit = t.digit;
  s.apostrophe = t.apostrophe;
  s.words = words_of(t.words);
  return s;
}

inline second_set to_second_set(token_set const& t) {
  second_set s;
  s.any = t.any;
  s.digit = t.digit;
  for (std::size_t c = 0; c < s.characters.size(); ++c) s.characters[c] = (t.characters[c / 64] >> (c % 64) & 1U) != 0;
  s.words = words_of(t.words);
  return s;
}

inline void merge(start_set& into, start_set const& from) {
  into.any = into.any || from.any;
  into.digit = into.digit || from.digit;
  into.apostrophe = into.apostrophe || from.apostrophe;
  into.words.insert(into.words.end(), from.words.begin(), from.words.end());
}

// Fills `filter` from its parser's FIRST set: the first bytes of its words, the digits, the
// apostrophe. A parser that may match nothing or start with any byte keeps admitting every byte.
inline void learn_first_bytes(first_byte_filter const& filter, result const& r) {
  if (r.nullable || r.set.any) return;
  std::array<std::uint64_t, 4> admitted{};
  auto const admit = [&admitted](unsigned char c) { admitted[c / 64] |= std::uint64_t{1} << (c % 64); };
  if (r.set.digit) {
    for (unsigned char c = '0'; c <= '9'; ++c) admit(c);
  }
  if (r.set.apostrophe) admit('\'');
  std::vector<std::string> const& interned = interned_words::get().words;
  for (std::size_t block = 0; block < r.set.words.size(); ++block) {
    for (std::uint64_t b = r.set.words[block]; b != 0; b &= b - 1) {
      admit(static_cast<unsigned char>(interned[block * 64 + static_cast<std::size_t>(__builtin_ctzll(b))].front()));
    }
  }
  filter.admitted = admitted;
}

template <typename T>
inline constexpr bool always_false = false;

template <typename T>
struct is_uint_parser : std::false_type {};
template <typename T, unsigned Radix, unsigned MinDigits, int MaxDigits>
struct is_uint_parser<x3::uint_parser<T, Radix, MinDigits, MaxDigits>> : std::true_type {
  // x3::uint_ reads every digit there is, so no number parser after it can read the same run.
  static constexpr bool reads_whole_run = MaxDigits < 0;
  static constexpr std::uint16_t lengths = [] {
    std::uint16_t bits = 0;
    for (std::size_t k = MinDigits; k < 16 && (MaxDigits < 0 || k <= static_cast<std::size_t>(MaxDigits)); ++k) bits |= run_length_bit(k);
    if (MaxDigits < 0) bits |= run_length_bit(15);
    return bits;
  }();
};

template <typename T>
struct is_not_predicate : std::false_type {};
template <typename S>
struct is_not_predicate<x3::not_predicate<S>> : std::true_type {};
template <typename T>
struct is_and_predicate : std::false_type {};
template <typename S>
struct is_and_predicate<x3::and_predicate<S>> : std::true_type {};

// The character classes that hold every letter: `!alnum` after a word ends it.
template <typename T>
struct holds_every_letter : std::false_type {};
template <typename Encoding>
struct holds_every_letter<x3::char_class<Encoding, x3::alpha_tag>> : std::true_type {};
template <typename Encoding>
struct holds_every_letter<x3::char_class<Encoding, x3::alnum_tag>> : std::true_type {};

template <typename T>
struct is_keyword_set : std::false_type {};
template <std::size_t N>
struct is_keyword_set<keyword_set<N>> : std::true_type {};

template <typename T>
struct is_optional : std::false_type {};
template <typename S>
struct is_optional<x3::optional<S>> : std::true_type {};

// Declared first, so that each can call the others whatever the nesting.
template <typename L, typename R>
result first(x3::sequence<L, R> const& p);
template <typename L, typename R>
result first(x3::alternative<L, R> const& p);
template <typename P>
result first(P const& p);

template <typename L, typename R>
result first(x3::sequence<L, R> const& p) {
  result r = first(p.left);
  result const right = first(p.right);
  result const& left = r;
  // Second tokens: the left's own, the right's first after a one-token left, the right's second
  // after an empty left.
  // Third tokens likewise: the left's own, the right's first after a two-token left, its second
  // after a one-token left, its third after an empty left.
  // Two numbers side by side can be one run of digits to the scanner ("20250813", "1990s" read
  // as "199", "0" and "s"): then the right's second token is the scanner's second, its third the
  // third, and a right that ends after its number leaves the run a match of one token.
  bool const glued = left.single_number && right.firsts.digit;
  // The right's empty match, when it has one, lets anything follow unless it looks ahead.
  bool const right_open_empty = right.nullable && !right.lookahead;
  if (right.nullable && right.lookahead) {
    if (left.single) r.seconds.merge(right.ahead);
    if (left.pair) r.thirds.merge(right.ahead);
  }
  if (left.pair) {
    r.thirds.merge(right.firsts);
    // The left's second token may be a number the right's first goes on ("mid-199" + "0s").
    if (right.firsts.digit) r.thirds.merge(right.seconds);
  }
  if (left.single) {
    r.seconds.merge(right.firsts);
    r.thirds.merge(right.seconds);
  }
  if (glued) {
    r.seconds.merge(right.seconds);
    r.thirds.merge(right.thirds);
  }
  if (left.nullable) {
    r.set.merge(right.set);
    r.firsts.merge(right.firsts);
    r.seconds.merge(right.seconds);
    r.thirds.merge(right.thirds);
  }
  bool const pair = (left.pair && right_open_empty) || (left.single && right.single) || (left.nullable && right.pair) || (glued && right.pair);
  token_set pair_seconds;
  if (left.pair && right_open_empty) pair_seconds.merge(left.pair_seconds);
  if (left.single && right.single) pair_seconds.merge(right.single_firsts);
  if (left.nullable && right.pair) pair_seconds.merge(right.pair_seconds);
  if (glued && right.pair) pair_seconds.merge(right.pair_seconds);
  bool const single = (left.single && right.nullable) || (left.nullable && right.single) || (glued && right.single_number);
  // A right that matches nothing but refuses a digit (`!alnum`) ends the left's run of digits.
  bool const single_number = (left.single_number && right.nullable && !right.refuses_digit) || (left.nullable && right.single_number) ||
                             (glued && right.single_number);
  std::uint16_t number_lengths = 0;
  if (left.single && right.nullable) number_lengths |= left.number_lengths;
  if (left.nullable && right.single) number_lengths |= right.number_lengths;
  if (glued && right.single_number) number_lengths |= glued_lengths(left.number_lengths, right.number_lengths);
  if (!(left.single && right.nullable)) r.single_firsts = {};
  if (left.nullable && right.single) r.single_firsts.merge(right.single_firsts);
  if (glued && right.single_number) r.single_firsts.digit = true;
  r.single = single;
  r.number_lengths = number_lengths;
  r.pair = pair;
  r.pair_seconds = std::move(pair_seconds);
  r.single_number = single_number;
  // Glued words: a word the left can end with, when the right can read a letter straight after it.
  if (right.letter_start) r.glued.merge(left.open_ends);
  r.glued.merge(right.glued);
  if (!(right.nullable && !right.refuses_letter)) r.open_ends = {};
  r.open_ends.merge(right.open_ends);
  r.letter_start = left.letter_start || (left.nullable && !left.refuses_letter && right.letter_start);
  r.every_letter = false;  // the right may still fail
  r.every_digit = false;
  r.refuses_letter = left.refuses_letter || right.refuses_letter;
  r.refuses_digit = left.refuses_digit || right.refuses_digit;
  // Both empty: either look ahead constrains what follows (either is a superset of both).
  bool const lookahead = left.nullable && right.nullable && (left.lookahead || right.lookahead);
  r.ahead = !lookahead ? token_set{} : left.lookahead ? left.ahead : right.ahead;
  r.lookahead = lookahead;
  r.nullable = left.nullable && right.nullable;
  return r;
}

// Makes `r`, what a left parser reads, what it or `right` reads, the left tried first.
inline void add_alternative(result& r, result const& right) {
  r.set.merge(right.set);
  r.firsts.merge(right.firsts);
  r.seconds.merge(right.seconds);
  r.thirds.merge(right.thirds);
  r.single = r.single || right.single;
  r.pair = r.pair || right.pair;
  r.pair_seconds.merge(right.pair_seconds);
  r.single_number = r.single_number || right.single_number;
  r.number_lengths |= right.number_lengths;
  r.single_firsts.merge(right.single_firsts);
  r.letter_start = r.letter_start || right.letter_start;
  r.every_letter = r.every_letter || right.every_letter;
  r.every_digit = r.every_digit || right.every_digit;
  // An empty match refuses a letter only if every way to match nothing does.
  r.refuses_letter = (!r.nullable || r.refuses_letter) && (!right.nullable || right.refuses_letter);
  r.refuses_digit = (!r.nullable || r.refuses_digit) && (!right.nullable || right.refuses_digit);
  // An empty match looks ahead only if every way to match nothing does.
  bool const lookahead = (r.nullable || right.nullable) && (!r.nullable || r.lookahead) && (!right.nullable || right.lookahead);
  if (lookahead) r.ahead.merge(right.ahead);
  else r.ahead = {};
  r.lookahead = lookahead;
  r.open_ends.merge(right.open_ends);
  r.glued.merge(right.glued);
  r.nullable = r.nullable || right.nullable;
}

template <typename L, typename R>
result first(x3::alternative<L, R> const& p) {
  result r = first(p.left);
  result const right = first(p.right);
  add_alternative(r, right);
  return r;
}

template <typename P>
result first(P const& p) {
  if constexpr (std::is_same_v<P, x3::eps_parser>) {
    result r;  // reads nothing
    r.nullable = true;
    return r;
  } else if constexpr (std::is_same_v<P, keyword_parser>) {
    // The walk meets the same two hundred words thousands of times ("the", and the counts' "a" and
    // "one", sit in dozens of productions): each is read once per process, where walking the
    // parser it reads as every time was a tenth of start-up.
    static std::unordered_map<std::string, result, interned_words::hash, std::equal_to<>> words;
    if (auto const it = words.find(std::string_view{p.word}); it != words.end()) return it->second;
    return words.emplace(p.word, first(x3::lexeme[x3::lit(p.word) >> !(x3::alnum | x3::char_('-') >> x3::alpha)])).first->second;  // what it reads as
  } else if constexpr (is_keyword_set<P>::value) {
    result r = first(p.keywords[0]);  // the alternative of its keywords, in their order
    for (std::size_t k = 1; k < p.keywords.size(); ++k) add_alternative(r, first(p.keywords[k]));
    return r;
  } else if constexpr (is_not_predicate<P>::value || is_and_predicate<P>::value) {
    result r;  // reads nothing, and may refuse a letter after what came before: `!alnum`, `&digit`
    r.nullable = true;
    result const subject = first(p.subject);
    r.refuses_letter = is_not_predicate<P>::value ? subject.every_letter : !subject.letter_start;
    r.refuses_digit = is_not_predicate<P>::value && subject.every_digit;
    if constexpr (is_and_predicate<P>::value) {
      // `&ascii_space` constrains nothing a token set can say: as if it were not there.
      r.lookahead = !subject.nullable && !subject.firsts.any;
      if (r.lookahead) r.ahead = subject.firsts;
    }
    return r;
  } else if constexpr (is_optional<P>::value) {
    result r = first(p.subject);
    r.nullable = true;
    r.refuses_letter = false;  // matching nothing, it lets anything follow
    r.refuses_digit = false;
    r.lookahead = false;
    r.ahead = {};
    return r;
  } else if constexpr (requires { typename P::reads_first_bytes; }) {
    result r = first(p.subject);  // attempt, guard: start where the subject does
    learn_first_bytes(p, r);
    return r;
  } else if constexpr (requires { typename P::subject_type; }) {
    return first(p.subject);  // action, lexeme, attempt: start where the subject does
  } else if constexpr (requires { p.str; }) {  // literal_string
    result r;
    add_string(r, std::string_view{p.str});
    return r;
  } else if constexpr (requires { p.ch; }) {  // literal_char: "q" of "q3" is a word of one letter
    result r;
    char const c = static_cast<char>(p.ch);
    add_string(r, std::string_view{&c, 1});
    return r;
  } else if constexpr (requires { p.lookup; }) {  // symbols
    // A table (the numbers, the units) sits in dozens of productions: read once per process.
    // Parsers hold copies of a table, which share its lookup: that is the key.
    static std::map<void const*, result> tables;
    void const* const table = p.lookup.get();
    if (auto const it = tables.find(table); it != tables.end()) return it->second;
    result r;
    p.for_each([&r](auto const& key, auto const&) { add_string(r, std::string_view{key}); });
    return tables.emplace(table, std::move(r)).first->second;
  } else if constexpr (requires { p.chset; }) {  // char_set
    bool any_other = false;
    bool every_letter = true;
    for (int c = 0; c < 128; ++c) {
      if (p.chset.test(static_cast<char>(c)) && !(c >= '0' && c <= '9')) any_other = true;
      if (c >= 'a' && c <= 'z' && !p.chset.test(static_cast<char>(c))) every_letter = false;
    }
    if (any_other) {
      result r = unknown_token(true);
      r.every_letter = every_letter;
      return r;
    }
    result r;  // digits only ("q" >> char_("1234")): one digit, a number token that may go on
    r.set.digit = true;
    r.firsts.digit = true;
    r.single = true;
    r.single_number = true;
    r.number_lengths = run_length_bit(1);
    r.single_firsts.digit = true;
    return r;
  } else if constexpr (is_uint_parser<P>::value || std::is_same_v<P, x3::char_class<boost::spirit::char_encoding::standard, x3::digit_tag>>) {
    result r;
    r.set.digit = true;
    r.firsts.digit = true;
    r.single = true;
    if constexpr (is_uint_parser<P>::value) {
      r.single_number = !is_uint_parser<P>::reads_whole_run;
      r.number_lengths = is_uint_parser<P>::lengths;
    } else {
      r.single_number = true;
      r.number_lengths = run_length_bit(1);
    }
    r.every_digit = true;
    r.single_firsts.digit = true;
    return r;
  } else if constexpr (std::is_same_v<P, ascii_space_parser>) {
    result r = unknown_token(false);
    r.letter_start = false;  // `&ascii_space` after "mid" ends the word
    return r;
  } else if constexpr (std::is_base_of_v<x3::char_parser<P>, P>) {
    result r = unknown_token(false);  // any other character class
    r.every_letter = holds_every_letter<P>::value;
    r.every_digit = std::is_same_v<P, x3::char_class<boost::spirit::char_encoding::standard, x3::alnum_tag>>;
    return r;
  } else {
    static_assert(always_false<P>, "first_set.hpp does not know this X3 parser: add it");
  }
}

}  // namespace first_detail

template <typename Production>
start_set first_set(Production const& p) {
  return first_detail::to_start_set(first_detail::first(p).set);
}

// A production's FIRST set and second set, for the scanner's table.
template <auto const& Production>
void try_production(char const* first, char const* last, std::vector<candidate>& out);

template <auto const& Production>
production analysed() {
  first_detail::result r = first_detail::first(Production);
  // A match of one token (or none) is followed by whatever follows it.
  // A match of no token is followed by anything; one of a single token too, at those tokens.
  if (r.nullable || r.single_firsts.any) r.seconds.any = true;
  // Likewise for the third token.
  if (r.nullable || r.single_firsts.any) r.thirds.any = true;
  if (r.nullable || r.single_firsts.any) r.pair_seconds.any = true;
  second_set alone = first_detail::to_second_set(r.single_firsts);
  // A number that may end before its run does is a match at every longer run too.
  if (r.single_number && r.number_lengths != 0) r.number_lengths |= first_detail::run_lengths_from(static_cast<std::size_t>(std::countr_zero(r.number_lengths)));
  if (!r.single_firsts.any && r.number_lengths != 0) alone.digit_lengths = r.number_lengths;
  return {first_detail::to_start_set(r.set), first_detail::to_second_set(r.seconds), first_detail::to_second_set(r.thirds),
          first_detail::to_second_set(r.pair_seconds), std::move(alone), first_detail::words_of(r.glued.words), &try_production<Production>};
}

// The table of a family: its productions in tie-breaking order, each with its FIRST set and a
// function that runs it alone.
template <auto const& Production>
void try_production(char const* first, char const* last, std::vector<candidate>& out) {
  // Parsed into a local candidate, copied out on a match: most tries fail, and zeroing a local
  // takes a few stores, where the vector's out-of-line emplace_back cost a tenth of the tries.
  candidate tried;
  if (run(Production, first, last, tried.said, tried.end)) out.push_back(tried);
}

template <auto const&... Productions>
std::vector<production> production_table() {
  return {analysed<Productions>()...};
}

}  // namespace timeline::grammar::rules
