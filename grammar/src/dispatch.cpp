// SPDX-License-Identifier: MIT
#include "dispatch.hpp"

#include <timeline/grammar/detail/eight_bytes.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace timeline::grammar::dispatch {
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// The white space the rules' skipper skips (common.hpp, ascii_space): a tab or a line break between
// two words of a production is as good as a space ("48\thours", "every\r\nweek").
constexpr bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Frequent words that start expressions only together with a date word soon after them ("the
// past two weeks", "a year ago", "at the moment"): alone they would send most word starts of
// running text through dozens of productions.
constexpr std::array<std::string_view, 33> function_words{
    "a",    "about", "after", "almost", "an",    "approximately", "around", "at",    "close", "each",  "end",
    "every", "fewer", "for",  "in",     "just",  "least",         "less",   "middle", "more", "nearly", "no",
    "one",  "only",  "over",  "right",  "roughly", "same",        "some",   "start", "that",  "the",   "up"};

// Words that make a function word worth trying besides the first words of productions: calendar
// units and the nouns of time that come second ("at present", "the following week", "the short term").
constexpr std::array<std::string_view, 31> unit_words{
    "afternoon", "centuries", "century", "day",     "days",     "decade",  "decades", "evening", "following", "fortnight",
    "future",    "half",      "hour",    "hours",   "minute",   "minutes", "moment",  "month",   "months",    "morning",
    "night",     "nights",    "period",  "present", "quarter", "quarters", "term",    "week",    "weekend", "weeks",     "year"};

// rules::first_word over at most 32 bytes at `at`, without a bounds check per character: the
// padding after the text (dispatch.hpp) is zero bytes, which stop it. Every word of the text is
// read here, some twice.
constexpr auto letters = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = 1;
  return t;
}();

scanned_word word_at(std::string_view lower, std::size_t at) {
  char const* const p = lower.data() + at;
  auto const letter = [](char c) { return letters[static_cast<unsigned char>(c)] != 0; };
  // The leading letters eight at a time: the view is ASCII and lower case, so a letter is a byte
  // from 'a' to 'z', and a load that starts inside the text stays inside the padding.
  std::size_t n = 0;
  while (n < 32) {
    std::uint64_t const others = ~timeline::detail::bytes_between(timeline::detail::load_eight(p + n), 'a', 'z') & timeline::detail::high_bits;
    if (others != 0) {
      n += timeline::detail::first_byte(others);
      break;
    }
    n += 8;
  }
  n = std::min<std::size_t>(n, 32);
  std::size_t const leading_letters = n;
  if (n > 0) {
    while (n < 32 && (letter(p[n]) || p[n] == '\'')) ++n;
  }
  std::string_view const word{p, std::min(n, lower.size() - at)};
  // Letters, then letters and apostrophes: an apostrophe, if any, ends the leading letters.
  return {word, leading_letters < word.size() ? leading_letters : std::string_view::npos};
}

}  // namespace

void beginnings::add(std::string_view word, bool prefix) {
  auto const first = static_cast<std::size_t>(static_cast<unsigned char>(word.empty() ? '\0' : word[0]) - 'a');
  if (first >= bits_.size()) throw std::logic_error("dispatch: a word that does not start with a letter: \"" + std::string{word} + "\"");
  // A longer word that `word` begins has `word`'s second character, or any when `word` has none.
  bits_[first] |= prefix && word.size() < 2 ? ~std::uint32_t{0} : std::uint32_t{1} << second_of(word);
}

table::word_table::word_table() : slots_(4096) {}

table::word_table::key table::word_table::load(char const* data, std::size_t n) noexcept {
  // Three fixed-size loads, masked to the word's n bytes: no variable-length copy.
  key k;
  std::memcpy(k.part, data, sizeof k.part);
  for (std::size_t p = 0; p < 3; ++p) {
    std::size_t const have = n > p * 8 ? std::min<std::size_t>(n - p * 8, 8) : 0;
    k.part[p] = have == 8 ? k.part[p] : have == 0 ? 0 : k.part[p] & ((std::uint64_t{1} << (have * 8)) - 1);
  }
  return k;
}

std::size_t table::word_table::probe(key const& k) const noexcept {
  std::uint64_t const h = (k.part[0] * 0x9E3779B97F4A7C15ULL) ^ (k.part[1] * 0xC2B2AE3D27D4EB4FULL) ^ (k.part[2] * 0x165667B19E3779F9ULL);
  std::size_t const mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(h ^ (h >> 29)) & mask;
  while (slots_[i].used && !(slots_[i].k == k)) i = (i + 1) & mask;
  return i;
}

table::word_info& table::word_table::insert(std::string_view word) {
  if (word.empty() || word.size() > sizeof(key::part)) throw std::logic_error("dispatch: a first word the table cannot hold: \"" + std::string{word} + "\"");
  char padded[sizeof(key::part)] = {};  // the words of the grammar carry no padding of their own
  std::memcpy(padded, word.data(), word.size());
  key const k = load(padded, word.size());
  beginnings_.add(word);
  slot& s = slots_[probe(k)];
  if (!s.used) {
    s.used = true;
    s.k = k;
  }
  return s.info;
}

table::word_info const* table::word_table::find(std::string_view word) const noexcept {
  if (word.empty() || word.size() > sizeof(key::part)) return nullptr;
  if (!beginnings_.may_begin(word)) return nullptr;
  slot const& s = slots_[probe(load(word.data(), word.size()))];  // `padding` bytes follow the word
  return s.used ? &s.info : nullptr;
}

table const& table::get() {
  static table const instance;
  return instance;
}

table::table() {
  for (auto const family : {rules::calendar_productions(), rules::relative_productions(), rules::holiday_productions(),
                            rules::amount_productions()}) {
    productions_.insert(productions_.end(), family.begin(), family.end());
  }
  if (productions_.size() > production_set::capacity) throw std::logic_error("dispatch: more productions than production_set holds");
  for (std::size_t i = 0; i < productions_.size(); ++i) {
    rules::start_set const& starts = productions_[i].starts;
    if (starts.any) always_.add(i);
    if (starts.digit) by_digit_.add(i);
    if (starts.apostrophe) by_apostrophe_.add(i);
    for (auto const& w : starts.words) words_.insert(w).starts.add(i);
    rules::second_set const& seconds = productions_[i].seconds;
    if (seconds.any) second_any_.add(i);
    if (seconds.any || seconds.any_after_number) second_any_after_number_.add(i);
    if (seconds.digit) second_digit_.add(i);
    for (std::size_t c = 0; c < seconds.characters.size(); ++c) {
      if (seconds.characters[c]) second_character_[c].add(i);
    }
    for (auto const& w : seconds.words) words_.insert(w).seconds.add(i);
    rules::second_set const& alone = productions_[i].alone;
    if (alone.digit) number_alone_.add(i);
    for (auto const& w : alone.words) words_.insert(w).alone.add(i);
    for (auto const& w : productions_[i].glued) {
      if (std::find(glued_.begin(), glued_.end(), w) == glued_.end()) glued_.push_back(w);
      words_.insert(w);
    }
  }
  std::sort(glued_.begin(), glued_.end(), [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
  for (auto const& w : glued_) glued_beginnings_.add(w, true);
  for (auto const w : function_words) words_.insert(w).function_word = true;
  for (auto const w : unit_words) words_.insert(w).time_noun = true;
  for (auto const& w : rules::number_followers()) words_.insert(w).number_follower = true;
}

// "Tuesday's" is read as "Tuesday" and "'s", "Mondays" as "Monday" and "s" (weekday_plural reads
// the "s" in the same lexeme). Short words are left alone: "as" is not a plural of "a".
std::string_view table::stem_of(scanned_word const& word) {
  if (word.apostrophe != std::string_view::npos) return word.text.substr(0, word.apostrophe);
  if (word.text.size() > 3 && word.text.back() == 's') return word.text.substr(0, word.text.size() - 1);
  return {};
}

std::string_view table::glued_prefix(std::string_view word) const noexcept {
  if (word.size() < 2 || !glued_beginnings_.may_begin(word)) return {};  // longer than a glued word
  for (auto const& g : glued_) {
    if (word.size() <= g.size()) continue;
    std::size_t n = 0;  // compared here: the glued words are short, and memcmp is a call
    while (n < g.size() && word[n] == g[n]) ++n;
    if (n == g.size()) return word.substr(0, n);  // a view into the padded text: find() reads past a word
  }
  return {};
}

production_set table::starting_glued(scanned_word const& word) const {
  std::string_view const glued = glued_prefix(word.text);
  word_info const* const known = glued.empty() ? nullptr : info(glued);
  return known == nullptr ? production_set{} : known->starts;
}

std::array<std::string_view, 2> table::stems_of(scanned_word const& word) {
  if (word.apostrophe == std::string_view::npos) return {stem_of(word), {}};  // most words
  std::size_t const last = word.text.rfind('\'');
  bool const two = last != word.apostrophe;
  return {stem_of(word), two ? word.text.substr(0, last) : std::string_view{}};
}

production_set table::starting_with(scanned_word const& word, word_info const* known) const {
  production_set found = known == nullptr ? production_set{} : known->starts;
  for (std::string_view const stem : stems_of(word)) {
    if (word_info const* const info_of_stem = stem.empty() ? nullptr : info(stem)) found |= info_of_stem->starts;
  }
  found |= starting_glued(word);
  return found;
}

// A number starts an expression when it could be a year (four digits), a date or a time ("13/08",
// "10:30"), has letters of its own ("13th", "1990s", "3Q", "90's"), or is followed by a word a
// production reads after a number ("48 hours", "10 a.m.", "13 August"). Everything else ("$5.3
// million", "by 20 votes") is a count of something else, the bulk of the numbers in news text.
bool table::number_worth_trying(std::string_view lower, std::size_t at, std::size_t digits_end) const {
  std::size_t i = digits_end;
  std::size_t const digits = i - at;
  if (digits == 4 || digits == 8) return true;
  if (i == lower.size()) return false;
  char const c = lower[i];
  if (is_letter(c)) return true;
  bool const digit_next = i + 1 < lower.size() && is_digit(lower[i + 1]);
  if ((c == '/' || c == ':' || c == '-') && digit_next) return true;
  if (c == '\'' && i + 1 < lower.size() && is_letter(lower[i + 1])) return true;  // "90's"
  if (c == '.' && digit_next) {  // "1.5 hours": the count goes on after its decimals
    ++i;
    while (i < lower.size() && is_digit(lower[i])) ++i;
  }
  // "10-year", "10 - year": the rules skip spaces on both sides of the hyphen.
  while (i < lower.size() && is_space(lower[i])) ++i;
  if (i < lower.size() && lower[i] == '-') ++i;
  while (i < lower.size() && is_space(lower[i])) ++i;
  if (i == lower.size()) return false;
  if (is_digit(lower[i])) return true;  // "2 1/2 years"
  // Through its stems too: "48 hours'" and "8 o'clock's" are read as "48 hours" and "8 o'clock".
  scanned_word const next = word_at(lower, i);
  word_info const* const follower = info(next.text);
  if (follower != nullptr && follower->number_follower) return true;
  for (std::string_view const stem : stems_of(next)) {
    word_info const* const follower_stem = stem.empty() ? nullptr : info(stem);
    if (follower_stem != nullptr && follower_stem->number_follower) return true;
  }
  return false;
}

// Whether a date word or a number comes among the nine words after a function word. Nine is the
// longest run of other words a production reads after one: "no [less than the a number of more
// trading] days" (amount.cpp, `length`); four lost "no less than a number of months".
bool table::date_word_follows(std::string_view lower, std::size_t i) const {
  for (int next = 0; next < 9 && i < lower.size(); ++next) {
    while (i < lower.size() && (is_space(lower[i]) || lower[i] == '-')) ++i;
    if (i >= lower.size()) break;
    if (is_digit(lower[i]) || lower[i] == '\'') return true;
    scanned_word const n = word_at(lower, i);
    if (n.text.empty()) break;
    word_info const* const known = info(n.text);
    bool const function_word = known != nullptr && known->function_word;
    if ((known != nullptr && known->time_noun) || (!function_word && !starting_with(n, known).empty())) return true;
    // "the latest quarter's results": a noun of time through its possessive.
    if (n.apostrophe != std::string_view::npos) {
      word_info const* const stem = info(n.text.substr(0, n.apostrophe));
      if (stem != nullptr && stem->time_noun) return true;
    }
    i += n.text.size();
  }
  return false;
}

production_set table::accepting_second(production_set const& set, std::string_view lower, std::size_t after,
                                       bool after_number) const {
  std::size_t i = after;
  while (i < lower.size() && is_space(lower[i])) ++i;
  production_set accepting = after_number ? second_any_after_number_ : second_any_;
  if (i < lower.size()) {
    char const c = lower[i];
    if (is_letter(c)) {
      // Through its stem too: "last month's" is "last month" to the grammar, which leaves the
      // "'s" unread, and "Mondays" can be read as "Monday" and an "s".
      scanned_word const w = word_at(lower, i);
      if (word_info const* const second = info(w.text)) accepting |= second->seconds;
      for (std::string_view const stem : stems_of(w)) {
        if (word_info const* const second = stem.empty() ? nullptr : info(stem)) accepting |= second->seconds;
      }
      if (std::string_view const glued = glued_prefix(w.text); !glued.empty()) {
        if (word_info const* const second = info(glued)) accepting |= second->seconds;
      }
    } else if (is_digit(c)) {
      accepting |= second_digit_;
    } else if (static_cast<unsigned char>(c) < 128) {
      accepting |= second_character_[static_cast<unsigned char>(c)];
    }
  }
  return set & accepting;
}

production_set table::worth_trying(std::string_view lower, std::size_t at) const {
  char const c = lower[at];
  production_set found = always_;
  if (is_digit(c)) {
    std::size_t end = at;
    while (end < lower.size() && is_digit(lower[end])) ++end;
    if (number_worth_trying(lower, at, end)) {
      found |= accepting_second(by_digit_, lower, end, true);
      found |= by_digit_ & number_alone_;
    }
    return found;
  }
  if (c == '\'') {
    if (at + 1 < lower.size() && is_digit(lower[at + 1])) found |= by_apostrophe_;
    return found;
  }
  scanned_word const w = word_at(lower, at);
  word_info const* const known = info(w.text);
  production_set const starting = starting_with(w, known);
  if (starting.empty()) return found;
  // The productions the word starts itself are those the second token can prune. Through a stem
  // ("Mondays", "Tuesday's") the grammar reads part of the word as its own second token.
  production_set const own = known == nullptr ? production_set{} : known->starts;
  production_set worth = accepting_second(own, lower, at + w.text.size(), false);
  if (known != nullptr) worth |= own & known->alone;
  production_set through_stem = starting;
  through_stem.remove(own);
  worth |= through_stem;
  worth |= starting_glued(w);  // "midmorning": the grammar reads "morning" inside the word
  // The second token first: it turns away most function words ("the president") for one lookup,
  // where the look for a date word reads up to nine.
  if (worth.empty() || (known != nullptr && known->function_word && !date_word_follows(lower, at + w.text.size()))) return found;
  found |= worth;
  return found;
}

void table::try_each(production_set const& set, char const* first, char const* last, std::vector<rules::candidate>& out) const {
  for (std::size_t half = 0; half < 2; ++half) {
    std::uint64_t bits = set.bits[half];
    while (bits != 0) {
      auto const bit = static_cast<std::size_t>(__builtin_ctzll(bits));
      bits &= bits - 1;
      productions_[half * 64 + bit].try_at(first, last, out);
    }
  }
}

}  // namespace timeline::grammar::dispatch
