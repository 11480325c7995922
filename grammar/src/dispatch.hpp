// SPDX-License-Identifier: MIT
//
// Which productions to try at a word: the scanner's table from first words to productions, built
// once from the families' FIRST sets (rules/first_set.hpp). At "Tuesday" only the handful of
// productions that can start with a weekday run, not all of them; at "said" none does, and the
// scanner moves on after one table lookup. The second word prunes again: "two people" tries no
// duration, since no production reads "people" after a number (rules/first_set.hpp).
//
//   auto const& table = dispatch::table::get();
//   dispatch::production_set const ps = table.worth_trying(lower_text, at);
//   if (!ps.empty()) table.try_each(ps, begin + at, end, candidates);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/families.hpp"

namespace timeline::grammar::dispatch {

// A set of productions by their index in family order: calendar, relative, holiday, amount.
struct production_set {
  static constexpr std::size_t capacity = 128;
  std::uint64_t bits[2] = {0, 0};

  bool empty() const { return (bits[0] | bits[1]) == 0; }
  void add(std::size_t index) { bits[index / 64] |= std::uint64_t{1} << (index % 64); }
  production_set& operator|=(production_set const& other) {
    bits[0] |= other.bits[0];
    bits[1] |= other.bits[1];
    return *this;
  }
  void remove(production_set const& other) {
    bits[0] &= ~other.bits[0];
    bits[1] &= ~other.bits[1];
  }
  friend production_set operator&(production_set a, production_set const& b) {
    a.bits[0] &= b.bits[0];
    a.bits[1] &= b.bits[1];
    return a;
  }
};

// A word of the text as the scanner cuts it (rules::first_word), with where its first apostrophe
// is (npos if none).
struct scanned_word {
  std::string_view text;
  std::size_t apostrophe;
};

// The two-letter beginnings of a set of words, a bit per second character under each first
// letter: most words of running text begin like none of the grammar's words and are turned away
// before a hash or a comparison. `add(w, prefix)` with `prefix` also admits longer words that
// `w` begins (a one-letter `w` then admits every second character).
class beginnings {
 public:
  void add(std::string_view word, bool prefix = false);  // a lower-case ASCII letter first
  bool may_begin(std::string_view word) const noexcept {  // `word` not empty
    auto const first = static_cast<std::size_t>(static_cast<unsigned char>(word[0]) - 'a');
    return first < bits_.size() && ((bits_[first] >> second_of(word)) & 1U) != 0;
  }

 private:
  // 0-25 for a second letter, 26 for an apostrophe, 27 for anything else or none.
  static std::size_t second_of(std::string_view word) noexcept {
    if (word.size() < 2) return 27;
    char const c = word[1];
    return c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a') : c == '\'' ? 26 : 27;
  }
  std::array<std::uint32_t, 26> bits_{};
};

class table {
 public:
  static table const& get();

  // Bytes that must be readable after the end of the text given to worth_trying: words are
  // loaded eight bytes at a time.
  static constexpr std::size_t padding = 24;

  // The productions worth trying at byte `at` of `lower` (the lower-case ASCII view, followed in
  // memory by `padding` readable bytes), a word start; empty when none can match there.
  production_set worth_trying(std::string_view lower, std::size_t at) const;

  // Tries each production of `set` at `first`, in family order, appending the matches.
  void try_each(production_set const& set, char const* first, char const* last, std::vector<rules::candidate>& out) const;

  std::size_t size() const { return productions_.size(); }
  production_set everything() const {
    production_set all;
    for (std::size_t i = 0; i < productions_.size(); ++i) all.add(i);
    return all;
  }

 private:
  table();
  bool number_worth_trying(std::string_view lower, std::size_t at, std::size_t digits_end) const;  // the digits are [at, digits_end)
  // Of `set`, the productions whose second token can be the one at `after`, the end of the first.
  // `after_number`: the first token was a number (see rules::second_set::any_after_number).
  production_set accepting_second(production_set const& set, std::string_view lower, std::size_t after, bool after_number) const;
  bool date_word_follows(std::string_view lower, std::size_t after) const;

  // What the scanner knows of a word: the productions it starts, and its part in the gates.
  struct word_info {
    production_set starts;
    bool function_word = false;    // starts productions only with a date word soon after it
    bool time_noun = false;        // a unit or noun of time that lets a function word through
    bool number_follower = false;  // can follow a number inside a production
    production_set seconds;        // the productions that can have it as their second token
    production_set alone;          // the productions it can be the whole match of ("now")
  };

  // An open-addressing table of words of up to 24 letters, each packed into three machine words:
  // the scanner looks up every word of the text, and a std::unordered_map<std::string> lookup
  // (hashing, a modulo, a memcmp) was a sixth of the tagger's time.
  class word_table {
   public:
    word_table();
    word_info& insert(std::string_view word);
    word_info const* find(std::string_view word) const noexcept;  // `padding` bytes readable after `word`

   private:
    struct key {
      std::uint64_t part[3] = {0, 0, 0};
      bool operator==(key const&) const = default;
    };
    static key load(char const* data, std::size_t n) noexcept;  // reads sizeof(key::part) bytes
    std::size_t probe(key const& k) const noexcept;              // the slot of k, or the empty one it would take
    struct slot {
      key k;
      bool used = false;
      word_info info;
    };
    std::vector<slot> slots_;
    beginnings beginnings_;
  };

  word_info const* info(std::string_view word) const noexcept { return words_.find(word); }
  // The word a production may have read in `word`, when it is not `word` itself; empty if none.
  static std::string_view stem_of(scanned_word const& word);
  // Both words a production may have read before an apostrophe of `word`: the one before its
  // first ("Tuesday" of "Tuesday's") and, when it has two, the one before its last ("o'clock" of
  // "o'clock's"). Empty when none.
  static std::array<std::string_view, 2> stems_of(scanned_word const& word);
  // The longest glued word (families.hpp, production::glued) that `word` starts with and goes on
  // after: "mid" of "midmorning", as a view into `word` (so into the padded text, which the
  // table's lookups read past); empty if none.
  std::string_view glued_prefix(std::string_view word) const noexcept;
  // The productions that may read a glued word at the start of `word`; not pruned by what follows
  // `word`, which is their third token or later.
  production_set starting_glued(scanned_word const& word) const;
  // The productions `word` starts, itself (`known`, its own lookup), through its stem or through a
  // glued word.
  production_set starting_with(scanned_word const& word, word_info const* known) const;

  std::vector<rules::production> productions_;
  word_table words_;
  production_set by_digit_, by_apostrophe_, always_;
  // Productions by what can come second in their matches, besides words (word_info::seconds).
  production_set second_any_, second_any_after_number_, second_digit_, number_alone_;
  std::array<production_set, 128> second_character_{};
  std::vector<std::string> glued_;   // longest first
  beginnings glued_beginnings_;
};

}  // namespace timeline::grammar::dispatch
