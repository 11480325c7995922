// SPDX-License-Identifier: MIT
#include "dispatch.hpp"

#include <timeline/grammar/detail/ascii.hpp>
#include <timeline/grammar/detail/eight_bytes.hpp>
#include <timeline/grammar/detail/word_window.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <bit>
#include <stdexcept>
#include <optional>
#include <unordered_map>

namespace timeline::grammar::dispatch {
namespace {
using timeline::detail::ascii::is_digit;
using timeline::detail::ascii::is_letter;

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

inline scanned_word word_at(std::string_view lower, std::size_t at) {
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
  if (n > 0 && p[n] == '\'') {
    while (n < 32 && (letter(p[n]) || p[n] == '\'')) ++n;
  }
  std::string_view const word{p, std::min(n, lower.size() - at)};
  // Letters, then letters and apostrophes: an apostrophe, if any, ends the leading letters.
  return {word, leading_letters < word.size() ? leading_letters : std::string_view::npos};
}

// Per byte: `word_byte` for a letter or digit, `apostrophe_byte` for an apostrophe (which starts
// "'90s"), zero for the rest.
constexpr std::uint8_t word_byte = 1;
constexpr std::uint8_t apostrophe_byte = 2;
constexpr auto byte_kinds = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool const word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    t[static_cast<std::size_t>(c)] = word ? word_byte : c == '\'' ? apostrophe_byte : 0;
  }
  return t;
}();

// The end of the run of letters and digits at `at` in the lower-case view, eight bytes at a time
// (the zero bytes of its padding stop the run).
std::size_t word_char_run_end(std::string_view lower, std::size_t at) noexcept {
  char const* const p = lower.data();
  for (;;) {
    std::uint64_t const eight = timeline::detail::load_eight(p + at);
    std::uint64_t const word_chars = timeline::detail::bytes_between(eight, 'a', 'z') | timeline::detail::bytes_between(eight, '0', '9');
    std::uint64_t const others = ~word_chars & timeline::detail::high_bits;
    if (others != 0) return std::min(at + timeline::detail::first_byte(others), lower.size());
    at += 8;
  }
}

// Past the spaces from `i` (at most lower.size()) without a test for the end: the padding's zero
// byte is no space.
inline std::size_t skip_spaces(std::string_view lower, std::size_t i) noexcept {
  char const* const p = lower.data();
  while (is_space(p[i])) ++i;
  return i;
}

}  // namespace

std::size_t table::after_word(std::string_view lower, std::size_t at) noexcept {
  return lower[at] == '\'' ? at + 1 : word_char_run_end(lower, at);
}

table::try_site table::next_try(std::string_view lower, std::size_t i, bool every) const {
  // A word start is a word character or an apostrophe with no word character before it.
  auto const starts_word = [&](std::size_t at) {
    return byte_kinds[static_cast<unsigned char>(lower[at])] != 0 && (at == 0 || (byte_kinds[static_cast<unsigned char>(lower[at - 1])] & word_byte) == 0);
  };
  if (every) {
    while (i < lower.size() && !starts_word(i)) ++i;
    return {i, i < lower.size() ? everything() : production_set{}};
  }
  classified_word ahead;
  bool const nothing_always = always_.empty();
  char const* const text = lower.data();
  std::size_t const size = lower.size();
  // A window of 64 bytes at a time: its word starts are one mask, and a word of letters (most of
  // running text) is read off the letter mask. A word start is a word character or an apostrophe
  // with no word character before it.
  for (; i < size; i += 64) {
    timeline::detail::word_window const window = timeline::detail::word_window_at(text, i, size);
    std::uint64_t const word_chars = window.letters | window.digits;
    std::uint64_t const word_char_before = i > 0 && (byte_kinds[static_cast<unsigned char>(text[i - 1])] & word_byte) != 0 ? 1 : 0;
    for (std::uint64_t starts = (word_chars | window.apostrophes) & ~((word_chars << 1) | word_char_before); starts != 0; starts &= starts - 1) {
      auto const offset = static_cast<unsigned>(__builtin_ctzll(starts));
      std::size_t const at = i + offset;
      if (((window.letters >> offset) & 1U) == 0) {
        production_set const worth = worth_trying_other(lower, at, ahead);
        if (!worth.empty()) return {at, worth};
        continue;
      }
      // The run of letters from the start; at the window's end it may go on in the next one.
      std::uint64_t const after_letters = ~(window.letters >> offset);
      std::size_t const letters = after_letters == 0 ? 64 : static_cast<std::size_t>(__builtin_ctzll(after_letters));
      production_set worth;
      if (ahead.at == at) {
        worth = worth_trying_known(lower, at + ahead.length, ahead.known, ahead);
      } else if (offset + letters < 64 && letters <= 24 && text[at + letters] != '\'') [[likely]] {
        word_class const* const known = classify_first({text + at, letters});
        if (known == nullptr || !known->starts_something) {
          // Most words of running text: on to the next without building an empty set.
          if (nothing_always) continue;
          return {at, always_};
        }
        worth = worth_trying_word(lower, at + letters, *known, ahead);
      } else if (scanned_word const w = word_at(lower, at); w.apostrophe != std::string_view::npos || w.text.size() > 24) {
        worth = worth_trying_unusual(lower, at, w, ahead);
      } else {
        worth = worth_trying_known(lower, at + w.text.size(), classify_common(w.text), ahead);
      }
      if (!worth.empty()) return {at, worth};
    }
  }
  return {lower.size(), {}};
}

void beginnings::add(std::string_view word) {
  if (word.empty() || word[0] < 'a' || word[0] > 'z') throw std::logic_error("dispatch: a word that does not start with a letter: \"" + std::string{word} + "\"");
  auto const first = static_cast<unsigned char>(word[0]);
  if (word.size() >= 2) return admit(first, static_cast<unsigned char>(word[1]));
  // One letter: whatever byte follows it in the caller's text.
  for (unsigned second = 0; second < 256; ++second) admit(first, static_cast<unsigned char>(second));
}

void table::word_table::build(std::vector<std::string> const& words) {
  std::size_t size = 64;
  while (size < 2 * words.size()) size *= 2;
  slots_.assign(size, slot{});
  shift_ = 64 - std::countr_zero(size);
  tails_.assign(words.size(), {0, 0});
  for (std::uint32_t number = 0; number < words.size(); ++number) {
    std::string_view const word = words[number];
    if (word.empty() || word.size() > 24) throw std::logic_error("dispatch: a word the table cannot hold: \"" + std::string{word} + "\"");
    char padded[24] = {};  // the grammar's words carry no padding of their own
    std::memcpy(padded, word.data(), word.size());
    std::uint64_t const head = timeline::detail::load_eight(padded);
    tails_[number] = {timeline::detail::load_eight(padded + 8), timeline::detail::load_eight(padded + 16)};
    std::uint64_t const h = hash(head, word.size());
    filter_.add(h);
    std::size_t i = home(h);
    while (slots_[i].number != none) {
      if (words[slots_[i].number] == word) throw std::logic_error("dispatch: a word twice in the table: \"" + std::string{word} + "\"");
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = slot{head, number, static_cast<std::uint32_t>(word.size())};
  }
}

namespace {
// Fixed-size loads masked to the word's bytes (`padding` readable bytes follow it): no
// variable-length copy, and most words fit the first load.
constexpr auto keep = [] {
  std::array<std::uint64_t, 9> m{};  // the low `have` bytes, for `have` up to eight
  for (std::size_t have = 1; have <= 8; ++have) m[have] = ~std::uint64_t{0} >> (64 - 8 * have);
  return m;
}();
inline std::uint64_t masked(std::uint64_t eight, std::size_t have) noexcept { return eight & keep[std::min<std::size_t>(have, 8)]; }
}  // namespace

inline std::uint64_t table::word_table::head_of(std::string_view word) noexcept {
  return masked(timeline::detail::load_eight(word.data()), word.size());
}

void table::word_table::add_starter(std::string_view word) noexcept {
  char padded[24 + 8] = {};  // the table's words carry no padding of their own
  std::memcpy(padded, word.data(), word.size());
  starters_.add(hash(head_of({padded, word.size()}), word.size()));
}

inline std::uint32_t table::word_table::find_through(std::string_view word, word_filter const& filter) const noexcept {
  std::size_t const n = word.size();
  if (n == 0 || n > 24) return none;
  std::uint64_t const head = head_of(word);
  std::uint64_t const h = hash(head, n);
  if (!filter.may_hold(h)) return none;
  std::size_t const mask = slots_.size() - 1;
  for (std::size_t i = home(h);; i = (i + 1) & mask) {
    slot const& s = slots_[i];
    if (s.number == none) return none;
    if (s.head != head || s.length != n) continue;
    if (n <= 8) return s.number;
    auto const& tail = tails_[s.number];
    if (tail[0] == masked(timeline::detail::load_eight(word.data() + 8), n - 8) &&
        (n <= 16 || tail[1] == masked(timeline::detail::load_eight(word.data() + 16), n - 16))) {
      return s.number;
    }
  }
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
  std::unordered_map<std::string, word_info> entries;
  auto const entry = [&](std::string_view word) -> word_info& { return entries[std::string{word}]; };
  for (std::size_t i = 0; i < productions_.size(); ++i) {
    rules::start_set const& starts = productions_[i].starts;
    if (starts.any) always_.add(i);
    if (starts.digit) by_digit_.add(i);
    if (starts.apostrophe) by_apostrophe_.add(i);
    for (auto const& w : starts.words) entry(w).starts.add(i);
    seconds_.add(productions_[i].seconds, i);
    for (auto const& w : productions_[i].seconds.words) entry(w).seconds.add(i);
    thirds_.add(productions_[i].thirds, i);
    for (auto const& w : productions_[i].thirds.words) entry(w).thirds.add(i);
    rules::second_set const& pair_seconds = productions_[i].pair_seconds;
    if (pair_seconds.any) pair_any_.add(i);
    pair_seconds_.add(pair_seconds, i);
    for (auto const& w : pair_seconds.words) entry(w).pair_seconds.add(i);
    rules::second_set const& alone = productions_[i].alone;
    if (alone.digit) {
      for (std::size_t length = 1; length < number_alone_.size(); ++length) {
        if ((alone.digit_lengths >> length & 1U) != 0) number_alone_[length].add(i);
      }
    }
    for (auto const& w : alone.words) entry(w).alone.add(i);
    for (auto const& w : productions_[i].glued) {
      if (std::find(glued_.begin(), glued_.end(), w) == glued_.end()) glued_.push_back(w);
      entry(w);
    }
  }
  std::sort(glued_.begin(), glued_.end(), [](std::string const& a, std::string const& b) { return a.size() > b.size(); });
  if (glued_.size() > 64) throw std::logic_error("dispatch: more glued words than glued_by_first_byte_ holds");
  for (std::size_t i = 0; i < glued_.size(); ++i) glued_by_first_byte_[static_cast<unsigned char>(glued_[i][0])] |= std::uint64_t{1} << i;
  for (auto const& w : glued_) {
    glued_beginnings_.add(w);
    unsigned char const bytes[2] = {static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w.size() > 1 ? w[1] : 0)};
    std::uint16_t pair;
    std::memcpy(&pair, bytes, sizeof pair);
    glued_pairs_.push_back({pair, static_cast<std::uint16_t>(w.size() > 1 ? 0xFFFF : 0x00FF)});  // little-endian: w[0] is the low byte
  }
  for (auto const w : function_words) entry(w).function_word = true;
  for (auto const w : unit_words) entry(w).time_noun = true;
  for (auto const& w : rules::number_followers()) entry(w).number_follower = true;
  // The plurals and possessives of the grammar's words, so that one lookup classifies "mondays"
  // and "monday's" (stems_of): a word of the text that is neither in the table nor one of these
  // has no stem the gates know, or takes classify_unusual.
  std::vector<std::string> forms;
  for (auto const& [word, _] : entries) {
    if (word.find('\'') != std::string::npos) continue;
    if (word.size() >= 3 && word.size() < 24) forms.push_back(word + "s");
    if (word.size() + 2 <= 24) forms.push_back(word + "'s");
  }
  for (auto const& form : forms) entry(form);

  std::vector<std::string> words;
  for (auto& [word, part] : entries) {
    words.push_back(word);
    infos_.push_back(part);
  }
  words_.build(words);
  // Each word's class, merged the slow way once; words are copied to give find() its padding.
  classes_.reserve(words.size());
  for (auto const& word : words) {
    std::array<char, 24 + padding> padded{};  // the table's words are at most 24 bytes
    std::memcpy(padded.data(), word.data(), word.size());
    std::string_view const view{padded.data(), word.size()};
    classes_.push_back(merge_class({view, view.find('\'')}));
    if (classes_.back().starts_something) words_.add_starter(word);
  }
  for (auto const& g : glued_) {
    word_info const* const glued = info(g);
    glued_classes_.push_back(merge(nullptr, {}, glued, false));
  }
}

table::word_info const* table::info(std::string_view word) const noexcept {
  std::uint32_t const number = words_.find(word);
  return number == word_table::none ? nullptr : &infos_[number];
}

// "Tuesday's" is read as "Tuesday" and "'s", "Mondays" as "Monday" and "s" (weekday_plural reads
// the "s" in the same lexeme). Short words are left alone: "as" is not a plural of "a".
std::string_view table::stem_of(scanned_word const& word) {
  if (word.apostrophe != std::string_view::npos) return word.text.substr(0, word.apostrophe);
  if (word.text.size() > 3 && word.text.back() == 's') return word.text.substr(0, word.text.size() - 1);
  return {};
}

inline std::size_t table::glued_index(std::string_view word) const noexcept {
  if (word.size() < 2 || !glued_beginnings_.may_begin(word)) return std::string_view::npos;  // longer than a glued word
  // The filter lets through every word that begins like a glued word ("the" like "thursday"): the
  // first two bytes, compared as one number, turn the other glued words away.
  std::uint16_t pair;
  std::memcpy(&pair, word.data(), sizeof pair);
  // Only those that share the word's first byte, longest first (lower indices).
  for (std::uint64_t candidates = glued_by_first_byte_[static_cast<unsigned char>(word[0])]; candidates != 0; candidates &= candidates - 1) {
    auto const i = static_cast<std::size_t>(std::countr_zero(candidates));
    if ((pair & glued_pairs_[i].mask) != glued_pairs_[i].pair) continue;
    std::string const& g = glued_[i];
    if (word.size() <= g.size()) continue;
    std::size_t n = 0;  // compared here: the glued words are short, and memcmp is a call
    while (n < g.size() && word[n] == g[n]) ++n;
    if (n == g.size()) return i;
  }
  return std::string_view::npos;
}

std::string_view table::glued_prefix(std::string_view word) const noexcept {
  std::size_t const i = glued_index(word);
  return i == std::string_view::npos ? std::string_view{} : word.substr(0, glued_[i].size());  // a view into the padded text
}

std::array<std::string_view, 2> table::stems_of(scanned_word const& word) {
  if (word.apostrophe == std::string_view::npos) return {stem_of(word), {}};  // most words
  std::size_t const last = word.text.rfind('\'');
  bool const two = last != word.apostrophe;
  return {stem_of(word), two ? word.text.substr(0, last) : std::string_view{}};
}

word_class table::merge(word_info const* own, std::array<word_info const*, 2> stems, word_info const* glued, bool possessive_time_noun) {
  word_class c;
  production_set starting;
  if (own != nullptr) {
    c.own = own->starts;
    c.own_alone = own->starts & own->alone;
    c.seconds = own->seconds;
    c.thirds = own->thirds;
    c.pair_seconds = own->pair_seconds;
    c.function_word = own->function_word;
    c.number_follower = own->number_follower;
    starting = own->starts;
  }
  for (word_info const* const stem : stems) {
    if (stem == nullptr) continue;
    starting |= stem->starts;
    c.seconds |= stem->seconds;
    c.thirds |= stem->thirds;
    c.number_follower = c.number_follower || stem->number_follower;
  }
  production_set glued_starts;
  if (glued != nullptr) {
    glued_starts = glued->starts;
    c.seconds |= glued->seconds;
    c.thirds |= glued->thirds;
    starting |= glued_starts;
  }
  // Through a stem ("Mondays", "Tuesday's") or a glued word ("midmorning") the grammar reads part
  // of the word as its own second token: those productions are not pruned by the next one.
  c.unpruned = starting;
  c.unpruned.remove(c.own);
  c.unpruned |= glued_starts;
  // "the latest quarter's results": a noun of time through its possessive.
  c.date_word = (own != nullptr && own->time_noun) || (!c.function_word && !starting.empty()) || possessive_time_noun;
  c.starts_something = !(c.own | c.unpruned).empty();
  return c;
}

word_class table::merge_class(scanned_word const& word) const {
  std::array<word_info const*, 2> stems{};
  auto const found_stems = stems_of(word);
  for (std::size_t i = 0; i < stems.size(); ++i) stems[i] = found_stems[i].empty() ? nullptr : info(found_stems[i]);
  std::string_view const glued = glued_prefix(word.text);
  bool possessive_time_noun = false;
  if (word.apostrophe != std::string_view::npos) {
    word_info const* const stem = info(word.text.substr(0, word.apostrophe));
    possessive_time_noun = stem != nullptr && stem->time_noun;
  }
  word_class c = merge(info(word.text), stems, glued.empty() ? nullptr : info(glued), possessive_time_noun);
  // A plural's stem splits it into two tokens only for a production that reads a letter glued to
  // the stem ("Mondays" as "Monday" and "s"), and such a stem is a glued word: without one, "weeks"
  // is one token to every production, and the third-token gate can ask what follows it.
  c.whole = word.apostrophe == std::string_view::npos && glued.empty();
  return c;
}

inline word_class const* table::classify_common(std::string_view word) const noexcept {
  if (std::uint32_t const number = words_.find(word); number != word_table::none) return &classes_[number];
  // Not in the table, so not a plural of a word in it: only a glued word can give it a part.
  std::size_t const g = glued_index(word);
  return g == std::string_view::npos ? nullptr : &glued_classes_[g];
}

inline word_class const* table::classify_first(std::string_view word) const noexcept {
  if (std::uint32_t const number = words_.find_starter(word); number != word_table::none) return &classes_[number];
  // Not a starter of the table: a table word that starts nothing has no glued word that starts
  // something (its class merges its glued word's), so the glued word decides as for any other.
  std::size_t const g = glued_index(word);
  return g == std::string_view::npos ? nullptr : &glued_classes_[g];
}

inline word_class const* table::classify(scanned_word const& word, class_scratch& scratch) const {
  if (word.apostrophe == std::string_view::npos && word.text.size() <= 24) [[likely]] return classify_common(word.text);
  return classify_unusual(word, scratch);
}

word_class const* table::classify_unusual(scanned_word const& word, class_scratch& scratch) const {
  if (std::uint32_t const number = words_.find(word.text); number != word_table::none) return &classes_[number];  // "monday's"
  // Its stems, when the table knows one that is not a word of its own ("monday'x"): merged here.
  std::array<std::string_view, 2> const stems = stems_of(word);
  if ((!stems[0].empty() && words_.find(stems[0]) != word_table::none) || (!stems[1].empty() && words_.find(stems[1]) != word_table::none)) {
    return scratch.emplace(merge_class(word));
  }
  std::size_t const g = glued_index(word.text);
  return g == std::string_view::npos ? nullptr : &glued_classes_[g];
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
  i = skip_spaces(lower, i);
  if (i < lower.size() && lower[i] == '-') ++i;
  i = skip_spaces(lower, i);
  if (i == lower.size()) return false;
  if (is_digit(lower[i])) return true;  // "2 1/2 years"
  // Through its stems too: "48 hours'" and "8 o'clock's" are read as "48 hours" and "8 o'clock".
  class_scratch scratch;
  word_class const* const follower = classify(word_at(lower, i), scratch);
  return follower != nullptr && follower->number_follower;
}

// Whether a date word or a number comes among the nine words after a function word. Nine is the
// longest run of other words a production reads after one: "no [less than the a number of more
// trading] days" (amount.cpp, `length`); four lost "no less than a number of months".
bool table::date_word_follows(std::string_view lower, std::size_t i) const {
  for (int next = 0; next < 9 && i < lower.size(); ++next) {
    while (is_space(lower.data()[i]) || lower.data()[i] == '-') ++i;  // the padding's zero byte stops it
    if (i >= lower.size()) break;
    if (is_digit(lower[i]) || lower[i] == '\'') return true;
    scanned_word const n = word_at(lower, i);
    if (n.text.empty()) break;
    class_scratch scratch;
    word_class const* const known = classify(n, scratch);
    if (known != nullptr && known->date_word) return true;
    i += n.text.size();
  }
  return false;
}

inline production_set table::accepting_second(production_set const& set, std::string_view lower, std::size_t after,
                                       classified_word& ahead) const {
  std::size_t i = skip_spaces(lower, after);
  production_set accepting = seconds_.any;
  if (i < lower.size()) {
    char const c = lower[i];
    if (is_letter(c)) {
      // Through its stem too: "last month's" is "last month" to the grammar, which leaves the
      // "'s" unread, and "Mondays" can be read as "Monday" and an "s".
      class_scratch scratch;
      scanned_word const word = word_at(lower, i);
      word_class const* const second = classify(word, scratch);
      if (word.apostrophe == std::string_view::npos && word.text.size() <= 24) ahead = {i, word.text.size(), second};  // not a scratch class
      if (second == nullptr) return set & accepting;
      accepting |= second->seconds;
      // After a first word or number and a second that the grammar can read only whole, the third
      // token prunes too: "in the" + "past" tries "in the past two weeks", "in the" + "president"
      // not; "50 a" + "share" tries no "5 a.m.". After a word read through its stem or a glued
      // word, the grammar's count of tokens may differ from the text's, and the third is not asked.
      if (second->whole) return accepting_third(set & accepting, lower, i + word.text.size(), second->pair_seconds);
    } else {
      accepting |= seconds_.at(c);
      // A sign or punctuation mark is one token to the grammar as to the scanner, and so is a run
      // of digits (the FIRST-set walk reads number parsers glued into one run as one token), so
      // the third token prunes as after a whole word: "October," + "are" tries no "Tuesday, 10
      // a.m.", "the 486" + "computers" no "the 1990s". Not after an apostrophe, which may open a
      // word ("'90s").
      if (is_digit(c)) {
        std::size_t run_end = i + 1;
        while (is_digit(lower.data()[run_end])) ++run_end;  // the padding's zero byte stops it
        return accepting_third(set & accepting, lower, run_end, pair_seconds_.digit);
      }
      if (c != '\'') return accepting_third(set & accepting, lower, i + 1, pair_seconds_.at(c));
    }
  }
  return set & accepting;
}

production_set table::accepting_third(production_set const& set, std::string_view lower, std::size_t after,
                                      production_set const& ending_here) const {
  if (set.empty()) return set;  // the second token turned them all away: the third is not read
  std::size_t i = skip_spaces(lower, after);
  if (i == lower.size()) return set;  // the text ends: rare, and left to the productions
  production_set accepting = pair_any_ | ending_here | thirds_.any;
  char const c = lower[i];
  if (is_letter(c)) {
    class_scratch scratch;
    if (word_class const* const third = classify(word_at(lower, i), scratch)) accepting |= third->thirds;
  } else {
    accepting |= thirds_.at(c);
  }
  return set & accepting;
}

void table::token_index::add(rules::second_set const& tokens, std::size_t production) {
  if (tokens.any) any.add(production);
  if (tokens.digit) digit.add(production);
  // Eight flags at a time: most productions read no character, and every process builds this.
  for (std::size_t block = 0; block < tokens.characters.size(); block += 8) {
    std::uint64_t eight;
    std::memcpy(&eight, tokens.characters.data() + block, sizeof eight);
    if (eight == 0) continue;
    for (std::size_t c = block; c < block + 8; ++c) {
      if (tokens.characters[c]) character[c].add(production);
    }
  }
}

production_set table::token_index::at(char c) const noexcept {
  if (is_digit(c)) return digit;
  auto const byte = static_cast<unsigned char>(c);
  return byte < 128 ? character[byte] : production_set{};  // the ASCII view has no other bytes
}

production_set table::worth_trying_word(std::string_view lower, std::size_t after, word_class const& known, classified_word& ahead) const {
  production_set found = always_;
  production_set worth = known.own_alone | known.unpruned;
  if (!known.own.empty()) worth |= accepting_second(known.own, lower, after, ahead);
  // The second token first: it turns away most function words ("the president") for one lookup,
  // where the look for a date word reads up to nine.
  if (worth.empty() || (known.function_word && !date_word_follows(lower, after))) return found;
  found |= worth;
  return found;
}

production_set table::worth_trying_unusual(std::string_view lower, std::size_t at, scanned_word const& word, classified_word& ahead) const {
  class_scratch scratch;
  word_class const* const known = classify_unusual(word, scratch);
  return worth_trying_known(lower, at + word.text.size(), known, ahead);
}

production_set table::worth_trying_other(std::string_view lower, std::size_t at, classified_word& ahead) const {
  char const c = lower[at];
  production_set found = always_;
  if (is_digit(c)) {
    std::size_t end = at;
    while (end < lower.size() && is_digit(lower[end])) ++end;
    if (number_worth_trying(lower, at, end)) {
      found |= accepting_second(by_digit_, lower, end, ahead);
      found |= by_digit_ & number_alone_[std::min<std::size_t>(end - at, number_alone_.size() - 1)];
    }
    return found;
  }
  if (c == '\'') {
    if (at + 1 < lower.size() && is_digit(lower[at + 1])) found |= by_apostrophe_;
  }
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
