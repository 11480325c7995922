// SPDX-License-Identifier: MIT
#include "context.hpp"

#include <timeline/grammar/detail/ascii.hpp>
#include <timeline/grammar/detail/eight_bytes.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace timeline::grammar {
namespace {
using timeline::detail::ascii::is_digit;
using timeline::detail::ascii::is_letter;
using timeline::detail::ascii::is_lower;
using timeline::detail::ascii::is_upper;
using timeline::detail::ascii::to_lower;

// The text here is the grammar's ASCII view (extract.cpp), so plain ASCII tests do, without the
// C library's locale-aware calls at every character.

// Constant sets of words, looked up with one hash and a probe or two: the filters and the tense
// reader ask about every word around every candidate, and a binary search over string_views made
// a memcmp call at each step. Built from several lists, a set also tells which of them hold a word
// (bit i for the i-th list), so the tense reader classifies a word with one lookup, not one a list.
// A word is held as its bytes and its length in two 64-bit keys, so a lookup is two loads and two
// compares, no call to memcmp: the tense reader alone looks up some twelve words a candidate.
template <std::size_t N>  // N: the words of all lists, a word counted once a list
class word_set {
 public:
  static constexpr std::size_t longest = 15;  // bytes of the two keys, less the length

  template <std::size_t... M>
  constexpr explicit word_set(std::array<std::string_view, M> const&... lists) {
    static_assert(sizeof...(M) <= 16, "one bit of a classes_of word a list");
    std::uint16_t list_bit = 1;
    ((add(lists, list_bit), list_bit = static_cast<std::uint16_t>(list_bit << 1U)), ...);
  }

  // Bit i set when the i-th list holds `w`; 0 when none does. `w` is a view of the lower-case
  // text, whose zero padding (dispatch::table::padding, 24 bytes) keeps sixteen bytes from its
  // start readable.
  std::uint16_t classes_of(std::string_view w) const {
    std::size_t const n = w.size();
    if (n == 0 || n > longest) return 0;
    // A word whose first letter starts no word of the set as long is turned away by one bit,
    // before its key is made and hashed.
    if (((starts_[n] >> (static_cast<unsigned char>(w[0]) & 31U)) & 1U) == 0) return 0;
    // Both loads always, masked by length from a table: no branch on the length, no shift by it.
    key const k{timeline::detail::load_eight(w.data()) & low_masks[n],
                (timeline::detail::load_eight(w.data() + 8) & high_masks[n]) | length_bits(n)};
    for (std::size_t i = slot_of(k);; i = (i + 1) % capacity) {
      if (slots_[i].low == k.low && slots_[i].high == k.high) return classes_[i];
      if (slots_[i].high == 0) return 0;
    }
  }

  bool contains(std::string_view w) const { return classes_of(w) != 0; }

 private:
  struct key {
    std::uint64_t low = 0;   // bytes 0 to 7, byte i in bits 8i..8i+7 (as load_eight reads them)
    std::uint64_t high = 0;  // bytes 8 to 14, and the length in the top byte: never 0 for a word
  };
  static constexpr std::size_t capacity = std::bit_ceil(N * 4);  // at most a quarter full

  // The low `bytes` bytes of a key (all eight from eight on).
  static constexpr std::uint64_t kept(std::size_t bytes) { return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1; }
  static constexpr std::uint64_t length_bits(std::size_t bytes) { return static_cast<std::uint64_t>(bytes) << 56U; }
  // The bytes of a word of n bytes in its two keys, for n from 0 to `longest`.
  static constexpr std::array<std::uint64_t, longest + 1> low_masks = [] {
    std::array<std::uint64_t, longest + 1> masks{};
    for (std::size_t n = 0; n <= longest; ++n) masks[n] = kept(n);
    return masks;
  }();
  static constexpr std::array<std::uint64_t, longest + 1> high_masks = [] {
    std::array<std::uint64_t, longest + 1> masks{};
    for (std::size_t n = 9; n <= longest; ++n) masks[n] = kept(n - 8);
    return masks;
  }();
  static constexpr key key_of(std::string_view w) {
    key k{0, length_bits(w.size())};
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::uint64_t const byte = static_cast<unsigned char>(w[i]);
      if (i < 8) k.low |= byte << (8 * i);
      else k.high |= byte << (8 * (i - 8));
    }
    return k;
  }
  static constexpr std::size_t slot_of(key k) {
    std::uint64_t const h = (k.low ^ (k.high * 0x9E3779B97F4A7C15ULL)) * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(h >> 32U) % capacity;
  }

  template <std::size_t M>
  constexpr void add(std::array<std::string_view, M> const& words, std::uint16_t list_bit) {
    for (std::string_view const w : words) {
      if (w.empty() || w.size() > longest) throw "a word of a word_set is 1 to 15 bytes";  // a compile-time error
      key const k = key_of(w);
      std::size_t i = slot_of(k);
      while (slots_[i].high != 0 && !(slots_[i].low == k.low && slots_[i].high == k.high)) i = (i + 1) % capacity;
      slots_[i] = k;
      classes_[i] = static_cast<std::uint16_t>(classes_[i] | list_bit);
      starts_[w.size()] |= std::uint32_t{1} << (static_cast<unsigned char>(w[0]) & 31U);
    }
  }

  std::array<key, capacity> slots_{};
  std::array<std::uint16_t, capacity> classes_{};
  // For each length, the first bytes of the words that long, as bits (byte & 31: a letter's place
  // in the alphabet; another byte may share a letter's bit, which only lets a word on to the key).
  std::array<std::uint32_t, longest + 1> starts_{};
};

template <std::size_t... M>
word_set(std::array<std::string_view, M> const&...) -> word_set<(M + ...)>;

template <std::size_t N>
bool in(word_set<N> const& words, std::string_view w) {
  return words.contains(w);
}

constexpr word_set prepositions{std::to_array<std::string_view>({
    "after", "and", "around", "as", "at", "before", "beginning", "between", "both", "by", "during", "early", "end",
    "for", "from", "in", "into", "late", "last", "mid", "next", "of", "on", "or", "since", "this", "through",
    "throughout", "to", "until"})};

// Words after which a four-digit number is a year: "the 1996 bombing", "its 1990 invasion".
constexpr auto year_determiner_words = std::to_array<std::string_view>({
    "a", "an", "and", "any", "calendar", "each", "every", "fiscal", "her", "his", "its", "model", "my", "or", "our",
    "than", "that", "the", "their", "these", "this", "your"});
constexpr word_set year_determiners{year_determiner_words};

// Words before a number that make it an amount: "about 1500", "nearly 2000 of them".
constexpr word_set amount_words{std::to_array<std::string_view>({
    "about", "almost", "approximately", "around", "exactly", "just", "least", "nearly", "numbered", "only", "over",
    "roughly", "some", "total", "totaled", "under"})};

// Nouns counted without a plural "s" ("1500 people", "2000 feet"), and the short words that are no
// unit after a number ("1996 and", "1989 is").
constexpr word_set count_nouns{std::to_array<std::string_view>({
    "cattle", "children", "feet", "head", "men", "people", "personnel", "police", "sheep", "staff", "troops", "women"})};
constexpr word_set short_function_words{std::to_array<std::string_view>({
    "a", "and", "as", "at", "but", "by", "for", "had", "has", "in", "is", "its", "nor", "of", "on", "or", "the", "to",
    "was", "who"})};

// Nouns after "today's" that name the present at large ("today's world"), and the quantifiers of
// "many of today's computers".
constexpr word_set generic_after_today{std::to_array<std::string_view>({
    "children", "consumers", "culture", "families", "generation", "generations", "kids", "parents", "society",
    "standards", "students", "technology", "teenagers", "world", "young", "youth"})};
constexpr word_set generic_quantifiers{std::to_array<std::string_view>({"all", "few", "many", "most", "several", "some"})};

// Subjects of "is the eighth day of ..." that make it the DCT.
constexpr word_set now_subjects{std::to_array<std::string_view>({"it", "that", "this", "today"})};

// Determiners before a month used as an adjective: "the March accession".
constexpr word_set month_determiners{std::to_array<std::string_view>({
    "a", "an", "its", "last", "next", "that", "the", "their", "this"})};

constexpr auto future_cue_words = std::to_array<std::string_view>({
    "'ll", "expected", "expects", "scheduled", "shall", "slated", "upcoming", "will", "would", "planning", "planned",
    "plans", "postponed", "delayed", "rescheduled", "adjourned"});

// Future only when followed by "to": "set to", "is to", "plans to", "going to", "due to".
constexpr auto future_before_to_words = std::to_array<std::string_view>({
    "are", "due", "going", "is", "plan", "planned", "plans", "set", "aims", "intends"});

// Verbs of scheduled events, whose simple present with a weekday or date speaks of the future in
// news ("Poles vote on Sunday", "the two meet Monday").
constexpr auto scheduled_present_verb_words = std::to_array<std::string_view>({
    "arrive", "arrives", "begin", "begins", "close", "closes", "convene", "convenes", "debate", "debates", "face",
    "faces", "host", "hosts", "launch", "launches", "leave", "leaves", "meet", "meets", "open", "opens", "play",
    "plays", "resume", "resumes", "return", "returns", "start", "starts", "travel", "travels", "visit", "visits",
    "vote", "votes"});

constexpr auto reporting_verb_words = std::to_array<std::string_view>({"announced", "reported", "said", "says", "told", "stated"});

constexpr auto past_cue_words = std::to_array<std::string_view>({
    "ago", "became", "began", "came", "did", "had", "met", "spoke", "took", "was", "went", "were", "held"});

constexpr auto not_past_participle_words = std::to_array<std::string_view>({
    "bed", "breed", "exceed", "feed", "greed", "hundred", "indeed", "limited", "need", "proceed", "red", "related",
    "seed", "shed", "speed", "succeed", "united", "wed", "weed", "based", "embed", "freed", "reed", "steed"});

// What the tense reader asks about a word, all in one lookup: the bits of tense_cues, in the order
// of its lists, then what the word's end says (cues_of). The words it asks after by name ("been",
// "to"...) are lists of one, so that it compares no strings: it reads some twelve words a
// candidate and asks up to a dozen questions of each.
enum tense_cue : std::uint32_t {
  reporting_verb = 1U << 0U,
  future_cue = 1U << 1U,
  future_before_to = 1U << 2U,
  scheduled_present_verb = 1U << 3U,
  past_cue = 1U << 4U,
  not_past_participle = 1U << 5U,
  year_determiner = 1U << 6U,
  word_been = 1U << 7U,
  word_had = 1U << 8U,
  word_to = 1U << 9U,
  word_as = 1U << 10U,
  word_early_or_soon = 1U << 11U,
  word_that = 1U << 12U,
  word_ended = 1U << 13U,
  ends_ed = 1U << 16U,          // "-ed", five letters or more
  ends_possessive = 1U << 17U,  // "-'s"
  ends_ll = 1U << 18U,          // "-'ll"
};
constexpr word_set tense_cues{reporting_verb_words,
                              future_cue_words,
                              future_before_to_words,
                              scheduled_present_verb_words,
                              past_cue_words,
                              not_past_participle_words,
                              year_determiner_words,
                              std::to_array<std::string_view>({"been"}),
                              std::to_array<std::string_view>({"had"}),
                              std::to_array<std::string_view>({"to"}),
                              std::to_array<std::string_view>({"as"}),
                              std::to_array<std::string_view>({"early", "soon"}),
                              std::to_array<std::string_view>({"that"}),
                              std::to_array<std::string_view>({"ended"})};

// The tense_cue bits of `w`. Inlined: the tense reader asks it of every word it reads.
[[gnu::always_inline]] inline std::uint32_t cues_of(std::string_view w) {
  std::uint32_t cues = tense_cues.classes_of(w);
  std::size_t const n = w.size();
  if (n >= 5 && w[n - 2] == 'e' && w[n - 1] == 'd') cues |= ends_ed;
  if (n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's') cues |= ends_possessive;
  if (n >= 3 && w[n - 3] == '\'' && w[n - 2] == 'l' && w[n - 1] == 'l') cues |= ends_ll;
  return cues;
}

// `cues`: cues_of the word.
constexpr bool past_word(std::uint32_t cues) {
  if ((cues & past_cue) != 0) return true;
  return (cues & ends_ed) != 0 && (cues & (not_past_participle | future_cue | reporting_verb)) == 0;
}

// A word that ends an amount: "358,000", "$500 million", "four".
bool number_like(std::string_view w) {
  if (w.empty()) return false;
  if (is_digit(w.back())) return true;
  static constexpr std::array<std::string_view, 15> words{"billion", "dozen", "eight", "five", "four", "hundred", "million", "nine",
                                                          "one", "seven", "six", "ten", "thousand", "three", "two"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// What the clause reader asks of a byte, one load each: the tense reader walks back over up to
// twelve words a candidate, and the tests of is_alpha and the break characters, made at each
// byte, were most of its cost.
enum char_class : std::uint8_t {
  word_byte = 1U << 0U,         // a letter or an apostrophe: part of a word
  may_break_sentence = 1U << 1U,  // one of the bytes sentence_break() looks at
};
constexpr std::array<std::uint8_t, 256> char_classes = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (is_letter(static_cast<char>(c)) || c == '\'') classes[static_cast<std::size_t>(c)] |= word_byte;
  }
  for (char const c : {'\n', ';', '!', '?', '.'}) classes[static_cast<unsigned char>(c)] |= may_break_sentence;
  return classes;
}();
constexpr std::uint8_t class_of(char c) { return char_classes[static_cast<unsigned char>(c)]; }
constexpr bool is_word_byte(char c) { return (class_of(c) & word_byte) != 0; }

// The start of the letters and apostrophes that end at `j` in the lower-case view (which has no
// capitals and is ASCII), eight bytes at a time: the tense reader walks back over twelve words.
std::size_t word_start(std::string_view lower, std::size_t j) {
  while (j >= 8) {
    std::uint64_t const eight = timeline::detail::load_eight(lower.data() + j - 8);
    std::uint64_t const other = ~(timeline::detail::bytes_between(eight, 'a', 'z') | timeline::detail::bytes_between(eight, '\'', '\'')) &
                                timeline::detail::high_bits;
    if (other != 0) return j - 8 + static_cast<std::size_t>(63 - std::countl_zero(other)) / 8 + 1;  // after the last other byte
    j -= 8;
  }
  while (j > 0 && is_word_byte(lower[j - 1])) --j;
  return j;
}

// Inlined: the tense reader asks it of every gap byte it walks, and most bytes fail the first test.
[[gnu::always_inline]] inline bool sentence_break(std::string_view text, std::size_t i) {
  char const c = text[i];
  if ((class_of(c) & may_break_sentence) == 0) return false;
  if (c == '\n' || c == ';' || c == '!' || c == '?') return true;
  if (c == '.') {
    // "U.S." and "a.m." are not breaks: a period followed by a space and a capital is.
    return i + 2 < text.size() && text[i + 1] == ' ' && is_upper(text[i + 2]) &&
           !(i >= 2 && text[i - 2] == '.');
  }
  return false;
}

}  // namespace

std::optional<std::string_view> text_context::reject(ast::expression const& said, std::size_t begin, std::size_t end,
                                                bool allow_latent) const {
  // The word before the span and the one after it.
  std::size_t p = begin;
  while (p > 0 && text_[p - 1] == ' ') --p;
  std::size_t const q = word_start(lower_, p);  // is_word_byte backwards, eight bytes at a time
  // lower_word_at(q) without reading the word again when it ends at p, as it does unless the span
  // goes on from there with letters.
  std::string_view const before = q < p && is_letter(text_[q]) && (p == text_.size() || !is_word_byte(text_[p]))
                                      ? lower_.substr(q, std::min(p - q, longest_word))
                                      : lower_word_at(q);
  bool const comma_before = p > 0 && text_[p - 1] == ',';
  std::size_t n = end;
  while (n < text_.size() && text_[n] == ' ') ++n;
  bool const capital_after = n < text_.size() && n > end && is_upper(text_[n]);
  bool const preposition_before = q < p && in(prepositions, before);
  std::string_view const rule{said.rule};

  if (rule == "year") {
    // POLICY: a four-digit number is a year after a preposition ("in 1991"), a determiner or a
    //   possessive ("the 1996 bombing", "Doyle's 1990 projection"), or in a list of years
    //   ("1994, 1995 and 1997"); otherwise it is latent ("2025 residents", "Room 1990").
    //   Corpus: fixtures/corpus/en/negative.jsonl, latent.jsonl.
    if (allow_latent) return std::nullopt;
    if (said.year < 1000 || said.year > 2100) return "year out of range";
    if (begin > 0 && (text_[begin - 1] == '$' || text_[begin - 1] == '#')) return "an amount, not a year";
    if (end < text_.size() && (text_[end] == '-' || text_[end] == '/' || text_[end] == '%')) return "year in a range or code";
    // "fell 19 points to 1462.93": a stock index level, whatever the preposition.
    if (end + 1 < text_.size() && text_[end] == '.' && is_digit(text_[end + 1])) return "a decimal number";
    if (preposition_before) return std::nullopt;
    if (q < p && (in(year_determiners, before) || before.ends_with("'s"))) return std::nullopt;
    if (comma_before && p >= 2 && is_digit(text_[p - 2])) return std::nullopt;
    if (end + 1 < text_.size() && (text_[end] == '\'' || text_.substr(end, 3) == "\xE2\x80\x99")) return std::nullopt;  // "1998's"
    // POLICY: a number from 1900 to 2099 after a lower-case word is a year too ("his unsuccessful
    //   1996 campaign", "bonds due 1993", "analysts were predicting 1990 earnings"), unless it
    //   counts something: a plural ("1990 votes"), a noun of people or a unit ("1500 people",
    //   "2025 km") or a word of amount before it ("about 1500"). After a name ("Orion 1980",
    //   "Room 1990") it stays latent. On TBAQ, 4 of 4 such numbers are tagged years.
    if (q < p && said.year >= 1900 && said.year <= 2099 && is_lower(text_[q]) &&
        !in(amount_words, before)) {
      std::string_view const next = lower_word_at(n);
      bool const lower_next = n < text_.size() && is_lower(text_[n]);
      bool const plural = next.size() >= 4 && next.ends_with('s') && !next.ends_with("ss") && !next.ends_with("us") && !next.ends_with("is");
      bool const unit = lower_next && next.size() <= 3 && !in(short_function_words, next);
      bool const digit_next = n < text_.size() && is_digit(text_[n]);
      if (!(lower_next && (plural || unit || in(count_nouns, next))) && !digit_next) return std::nullopt;
    }
    return "bare number, latent year";
  }
  if (said.what == ast::kind::duration && said.count >= 1000 && said.count <= 2999) return "a year, not a count";
  if (rule == "month_name") {
    if (!is_upper(text_[begin])) return "lower-case month name is a word";
    bool const risky = said.month == 5 || said.month == 3;
    // "the March accession", "a May meeting": after a determiner and before a lower-case noun the
    //   month names the time of its noun (TBAQ 1 of 1); "the March for Life", "the May Day
    //   parade" are names.
    bool const lower_after = n < text_.size() && n > end && is_lower(text_[n]);
    bool const attributive = q < p && in(month_determiners, before) && lower_after && !in(prepositions, lower_word_at(n));
    if (risky && !preposition_before && !attributive) return "\"May\"/\"March\" without a preposition";
    return std::nullopt;
  }
  if (rule == "weekday") {
    // A possessive before it makes it a day of its noun: "In his Sunday Mass" (TBAQ 1 of 1), where
    // "the Sunday Times" is a name.
    bool const possessive = before == "his" || before == "her" || before == "its" || before == "their" || before == "our" || before == "my" ||
                            before == "your";
    bool const cued = preposition_before || comma_before || possessive || before == "said" || before == "says" || before == "late" ||
                      before == "early" || before == "until" || before == "since";
    if (capital_after && !cued && said.part_of_day == 0) return "weekday before a name (\"Sunday Times\")";
    return std::nullopt;
  }
  if (rule == "bare_units" && !(before == "for" || before == "in" || before == "over" || before == "within")) {
    return "plural unit without for/in/over";
  }
  // The word after the span, read only by the two filters below that ask it.
  auto const word_after_span = [&] { return lower_word_at(n); };
  // The start of the word after the one at `i`.
  auto const word_after = [&](std::size_t i) {
    while (i < text_.size() && (is_letter(text_[i]) || text_[i] == '\'')) ++i;
    while (i < text_.size() && text_[i] == ' ') ++i;
    return i;
  };
  // The word before the one that starts at `i`, and where it starts.
  auto const word_before = [&](std::size_t i) {
    while (i > 0 && text_[i - 1] == ' ') --i;
    std::size_t j = i;
    while (j > 0 && !(text_[j - 1] == ' ' || text_[j - 1] == '\n')) --j;
    return std::pair{j, lower_.substr(j, i - j)};
  };
  if (said.what == ast::kind::reference && said.ref == ast::reference::future && to_lower(text_[begin]) == 's' && end - begin == 4) {
    // POLICY: "soon" is FUTURE_REF only as an adverb of the clause ("it will soon begin"), as TBAQ
    //   tags it (5 of 5). "as soon as X" and "soon after X" place an event relative to another,
    //   and "was soon released", "soon became" are past narratives; TBAQ leaves all 12 such "soon" untagged.
    //   "as soon as possible" stays (1 of 1 tagged). Corpus: fixtures/corpus/en/vague.jsonl.
    std::string_view const after = word_after_span();
    if (before == "as" && after == "as" && lower_word_at(word_after(n)) == "possible") return std::nullopt;
    if (before == "as") return "\"as soon as\" is a conjunction";
    if (after == "after" || after == "afterward" || after == "afterwards" || after == "thereafter") return "\"soon after\" is relative to an event";
    // "a trickle that soon became a flood": the verb right after "soon" is in the past.
    if (past_word(cues_of(after)) || clause_tense(begin, end) == tense::past) return "\"soon\" in a past narrative";
  }
  if (said.what == ast::kind::duration && said.count_unit == ast::unit::quarter && !said.count_unknown && word_after_span() == "of") {
    // POLICY: "a quarter of the market", "three-quarters of its food" are fractions: TBAQ tags
    //   none of 3. A quarter of a year is followed by a year or is a count of periods ("the first
    //   two quarters of 1990", "several quarters of losses", both tagged).
    static constexpr std::array<std::string_view, 14> determiners{"a", "all", "an", "her", "his", "its", "our", "that",
                                                                   "the", "their", "them", "these", "this", "those"};
    if (std::find(determiners.begin(), determiners.end(), lower_word_at(word_after(n))) != determiners.end()) return "a fraction, not a quarter";
  }
  if (said.what == ast::kind::duration && said.count == 1 && (to_lower(text_[begin]) == 'a') && (end - begin) <= 7 && said.mod == ast::modifier::none) {
    // POLICY: "a year" after an amount is a rate, not a length: "$500 million a year", "358,000 a
    //   month", "four flights a week", "24 hours a day". TBAQ leaves 7 of 9 such rates untagged.
    auto const [at1, w1] = word_before(begin);
    if (number_like(w1)) return "a rate after an amount";
    if (at1 > 0 && !w1.empty() && w1.back() == 's' && number_like(word_before(at1).second)) return "a rate after a count of things";
  }
  if (said.what == ast::kind::reference && said.ref == ast::reference::present && end - begin == 3 && text_[begin] == 'N' && end < text_.size() &&
      text_[end] == ',' && [&] {
        std::size_t k = begin;
        while (k > 0 && (text_[k - 1] == ' ' || text_[k - 1] == '\n' || text_[k - 1] == '"' || text_[k - 1] == '`')) --k;
        return k == 0 || text_[k - 1] == '.' || text_[k - 1] == '!' || text_[k - 1] == '?';
      }()) {
    // POLICY: a sentence opened by "Now," turns the argument ("Now, he says, ..."); TBAQ tags none of
    //   3, while it tags "now" inside the clause. Corpus: fixtures/corpus/en/vague.jsonl.
    return "discourse \"Now,\"";
  }
  if (rule == "deictic_day" && said.hour < 0 && said.part_of_day == 0) {
    // POLICY: "today's world", "today's youth", "many of today's computers", "the people of
    //   tomorrow" speak of the present or the future at large, not of the DCT's day: TBAQ leaves all
    //   5 untagged, and tags "today's editions", "tomorrow's vote", "yesterday's announcement".
    bool const possessive = end + 1 < text_.size() && text_[end] == '\'' && to_lower(text_[end + 1]) == 's';
    if (possessive && in(generic_after_today, lower_word_at(word_after(end)))) return "\"today's world\" is the present at large";
    if (possessive && before == "of" && in(generic_quantifiers, word_before(q).second)) return "\"many of today's\" is the present at large";
    if (!possessive && before == "of" && [&] {
          auto const [at, noun] = word_before(q);
          return !noun.empty() && is_letter(noun.back()) && word_before(at).second == "the";
        }()) {
      return "\"the people of tomorrow\" is the future at large";
    }
  }
  if (rule == "relative_period" || rule == "deictic_day") {
    // POLICY: a capitalised "Week" or "Today" inside a sentence names a programme or a paper:
    //   ABC's "This Week", "USA Today" (TBAQ: 3 of 3 untagged).
    std::size_t last = end;
    while (last > begin && is_letter(text_[last - 1])) --last;
    bool const capital = is_upper(text_[last]) && last + 1 < end &&
                         is_lower(text_[last + 1]);  // "LAST WEEK" is shouted, not a title
    if (rule == "relative_period" && capital && last > begin) return "a title (\"This Week\")";
    if (rule == "deictic_day" && capital && last == begin && q < p && is_upper(text_[q]) && p == begin - 1) {
      return "a name (\"USA Today\")";
    }
  }
  if (rule == "set_adverb" && p > 0 && (text_[p - 1] == '%' || before == "percent")) {
    // POLICY: "rose 8.5% annually" is a growth rate, not a recurring time (TBAQ: 2 of 2 untagged).
    return "a growth rate";
  }
  if (rule == "nth_day_today" && before == "is" && !in(now_subjects, word_before(q).second)) return "\"X is the second day\" of something else";
  if (rule == "set_adverb") {
    // POLICY: "C$17.9 million annually", "10,000 units annually": an amount per period is a rate,
    //   as "$500 million a year" is (TBAQ tags neither as the set, 0 of 2), where "rallies held
    //   here annually" is one (1 of 1).
    auto const [at1, w1] = word_before(begin);
    if (number_like(w1)) return "a rate after an amount";
    if (at1 > 0 && !w1.empty() && w1.back() == 's' && number_like(word_before(at1).second)) return "a rate after a count of things";
  }
  if (rule == "present_ref" && before == "then") return "\"then current\" is past";
  if (rule == "clock_time" && before == "high") return "\"high noon\" is an idiom";
  if (rule == "decade" && said.two_digit_year && (before == "his" || before == "her" || before == "their" || before == "my" || before == "your" || before == "our")) {
    return "an age (\"in his 30s\")";
  }
  if (rule == "month_relative" && (said.month == 3 || said.month == 5)) {
    std::size_t m = end;
    while (m > begin && is_letter(text_[m - 1])) --m;
    if (is_lower(text_[m])) return "lower-case \"march\"/\"may\" is a word";
  }
  if (said.what == ast::kind::duration || said.what == ast::kind::set) {
    std::string_view const span = lower_.substr(begin, end - begin);
    if (span == "a second" || span == "second" || span == "one second") return "ordinal \"second\"";
  }
  return std::nullopt;
}

// POLICY: the tense of a clause, for weekdays and dates without a year (TBAQ study, 297 bare
//   weekdays: 93% right). Look at the at most 12 words before the expression in its sentence: a
//   future cue (will, would, scheduled, expected, "set to", "plans to", "as early as") makes it
//   future unless a reporting verb (said, told...) is there too: "X said Friday that he would..."
//   is past, but "said Tuesday that the bridge will reopen on Friday" is future (the reported
//   clause, opened by "that", has its own tense). A past cue (was, had, -ed verbs) makes it past. Otherwise none: weekdays then take the
//   most recent day, dates the nearest plausible year. Corpus: fixtures/corpus/en/weekday.jsonl.
// rules::first_word eight bytes at a time: a letter, then letters and apostrophes. The lower-case
// view has no capitals, and its zero padding (dispatch::table::padding, 24 bytes) ends a word at
// the end of the text and keeps the three loads of the longest word readable.
std::string_view text_context::lower_word_at(std::size_t at) const {
  static_assert(longest_word <= 24, "three loads of eight bytes reach the longest word's end");
  if (at >= lower_.size() || !is_lower(lower_[at])) return {};
  char const* const word = lower_.data() + at;
  std::size_t length = 0;
  for (;;) {
    std::uint64_t const eight = timeline::detail::load_eight(word + length);
    std::uint64_t const other = ~(timeline::detail::bytes_between(eight, 'a', 'z') | timeline::detail::bytes_between(eight, '\'', '\'')) &
                                timeline::detail::high_bits;
    if (other != 0) return {word, std::min(length + timeline::detail::first_byte(other), longest_word)};
    length += 8;
    if (length >= longest_word) return {word, longest_word};
  }
}

tense text_context::clause_tense(std::size_t begin, std::size_t end) const {
  // Up to 12 words before the expression in its sentence, nearest first, as their cues_of: the
  // reader asks nothing else of them. Letters and apostrophes are never a sentence break, so only
  // the gaps between words are checked for one.
  constexpr std::size_t most_words = 12;
  // Two entries more, no word's, so that the word before the furthest and the one before that
  // read as no cue.
  std::array<std::uint32_t, most_words + 2> cues{};
  std::size_t word_count = 0;
  std::size_t i = begin;
  while (word_count < most_words) {
    std::size_t j = i;
    bool at_break = false;
    // One class lookup a byte: a word byte ends the gap, and only a byte that may break a
    // sentence is asked further.
    for (; j > 0; --j) {
      std::uint8_t const c = class_of(text_[j - 1]);
      if ((c & word_byte) != 0) break;
      if ((c & may_break_sentence) != 0 && sentence_break(text_, j - 1)) {
        at_break = true;
        break;
      }
    }
    if (at_break || j == 0) break;
    std::size_t const k = word_start(lower_, j);
    // lower_word_at(k) without reading the word again: it ends at j, unless the expression goes on
    // with letters from there (a span may start inside a word).
    bool const ends_at_j = j == text_.size() || !is_word_byte(text_[j]);
    std::string_view w = !ends_at_j         ? lower_word_at(k)
                         : is_letter(text_[k]) ? lower_.substr(k, std::min(j - k, longest_word))
                                              : std::string_view{};
    if (w.size() > 3 && w.ends_with("n't")) w.remove_suffix(3);
    // A part of a compound is no verb: "lower-than-expected earnings", "long-planned".
    if ((k > 0 && text_[k - 1] == '-') || (j < text_.size() && text_[j] == '-')) w = {};
    cues[word_count] = cues_of(w);
    // The nearest reporting verb decides with the words after it alone: a future cue further back
    // comes after it in the reader's order ("reported" whatever it is), and a past cue counts only
    // without one. Nothing reads the words beyond it.
    if ((cues[word_count++] & reporting_verb) != 0) break;
    i = k;
  }
  if (word_count > 0 && (cues[0] & word_ended) != 0) return tense::completed;
  std::optional<std::size_t> future_at;
  std::optional<std::size_t> reporting_at;
  bool past = false;
  for (std::size_t n = 0; n < word_count; ++n) {
    std::uint32_t const w = cues[n];
    std::uint32_t const after = n > 0 ? cues[n - 1] : 0;
    std::uint32_t const before = cues[n + 1];
    // "had been due to expire Friday", "had been scheduled for Monday": a plan of the past perfect
    // is over by the time of writing.
    bool const past_perfect = (before & word_been) != 0 && (cues[n + 2] & word_had) != 0;
    if ((w & reporting_verb) != 0) {
      if (!reporting_at) reporting_at = n;
    } else if (past_perfect) {
      past = true;
    } else if ((w & (future_cue | ends_ll)) != 0 || ((after & word_to) != 0 && (w & future_before_to) != 0) ||
               ((w & word_early_or_soon) != 0 && (before & word_as) != 0 && (after & word_as) != 0) ||
               // a verb, not a noun: "the vote on Sunday" has a determiner before it
               (n <= 2 && (w & scheduled_present_verb) != 0 && (before & (year_determiner | ends_possessive | word_to)) == 0)) {
      if (!future_at) future_at = n;
    } else if (past_word(w)) {
      past = true;
    }
  }
  if (future_at) {
    if (!reporting_at) return tense::future;
    // "said Tuesday that the bridge will reopen on Friday": the reported clause has its own tense.
    if (*reporting_at > *future_at) {
      for (std::size_t n = *future_at + 1; n < *reporting_at; ++n) {
        if ((cues[n] & word_that) != 0) return tense::future;
      }
    }
    return tense::reported;
  }
  if (reporting_at) return tense::reported;
  if (past) return tense::past;
  // Nothing before it: "On Tuesday, the league plans to hold a news conference". The first cue
  // in the next ten words of the sentence decides (TBAQ: ten finds one more than eight, twelve none).
  std::size_t i_right = end;
  for (int seen = 0; seen < 10 && i_right < text_.size() && !sentence_break(text_, i_right); ++seen) {
    // A comma ends the clause of an expression inside the sentence: in "X, who beat Y in Sunday's
    // runoff, is expected to", the future belongs to X, not to Sunday. A fronted time ("On
    // Tuesday, the league plans to...") is followed by its clause.
    while (i_right < text_.size() && !is_letter(text_[i_right]) && !sentence_break(text_, i_right) &&
           !(text_[i_right] == ',' && word_count > 1)) {
      ++i_right;
    }
    if (i_right < text_.size() && text_[i_right] == ',') break;
    if (i_right >= text_.size() || sentence_break(text_, i_right)) break;
    std::string_view const w = lower_word_at(i_right);
    i_right += std::max<std::size_t>(w.size(), 1);
    std::uint32_t const w_cues = cues_of(w);
    if ((w_cues & reporting_verb) != 0 || past_word(w_cues)) return tense::none;
    // "plans" after the time is often the noun ("when she set aside vacation plans"); the verb
    // takes "to".
    bool const plan_noun = w.starts_with("plan") && lower_word_at(i_right + 1) != "to";
    if (((w_cues & future_cue) != 0 && !plan_noun) || (w_cues & ends_ll) != 0) return tense::future;
  }
  return tense::none;
}

}  // namespace timeline::grammar
