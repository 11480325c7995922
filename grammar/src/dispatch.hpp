// SPDX-License-Identifier: MIT
//
// Which productions to try at a word: the scanner's table from first words to productions, built
// once from the families' FIRST sets (rules/first_set.hpp). At "Tuesday" only the handful of
// productions that can start with a weekday run, not all of them; at "said" none does, and the
// scanner moves on after one table lookup. The second word prunes again: "two people" tries no
// duration, since no production reads "people" after a number (rules/first_set.hpp).
//
//   auto const& table = dispatch::table::get();
//   for (std::size_t i = 0;;) {
//     auto const [at, worth] = table.next_try(lower_text, i, false);
//     if (at >= lower_text.size()) break;
//     table.try_each(worth, begin + at, end, candidates);
//     i = /* the end of the match taken, or */ dispatch::table::after_word(lower_text, at);
//   }
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
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
  friend production_set operator|(production_set a, production_set const& b) { return a |= b; }
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

// The two-byte beginnings of a set of words, one bit per pair of bytes (8 KiB): most words of
// running text begin like none of the grammar's words and are turned away for one load and one
// test, before a hash or a comparison. A one-letter word admits every byte after its letter (the
// byte after a word is not always the text's next word character: "o" of "o'clock"), and so
// every word that begins with a word of the set passes too. A filter: what it admits may still
// be no word of the set.
class beginnings {
 public:
  void add(std::string_view word);  // a lower-case ASCII letter first
  // `word` not empty, its second byte readable even when it has one (the text's padding).
  bool may_begin(std::string_view word) const noexcept {
    std::uint16_t pair;
    std::memcpy(&pair, word.data(), sizeof pair);
    return ((bits_[pair / 64] >> (pair % 64)) & 1U) != 0;
  }

 private:
  void admit(unsigned char first, unsigned char second) noexcept {
    std::uint16_t pair;
    unsigned char const bytes[2] = {first, second};
    std::memcpy(&pair, bytes, sizeof pair);
    bits_[pair / 64] |= std::uint64_t{1} << (pair % 64);
  }
  std::array<std::uint64_t, 65536 / 64> bits_{};
};

// A hash of a word's first eight bytes and its length, as the word table computes it for the slot
// it probes: its top sixteen bits pick one bit of 8 KiB. Most words of running text are no
// grammar word, and with the table's thousand words set, all but one or two in a hundred of them
// are turned away for one bit test, before the probe's loads and comparisons (on TBAQ text 1.5%
// of the words the table does not hold got through). Keyed by the first two bytes and the length,
// the filter let two words in three through. A filter: what it admits may still be no word of the set.
class word_filter {
 public:
  void add(std::uint64_t hash) noexcept { bits_[key(hash) / 64] |= std::uint64_t{1} << (key(hash) % 64); }
  bool may_hold(std::uint64_t hash) const noexcept { return ((bits_[key(hash) / 64] >> (key(hash) % 64)) & 1U) != 0; }

 private:
  static unsigned key(std::uint64_t hash) noexcept { return static_cast<unsigned>(hash >> 48); }
  std::array<std::uint64_t, 65536 / 64> bits_{};
};

// What the gate knows of one word of the text, merged once from the table's entries for the
// word itself, for its stems ("Mondays" is "Monday" and an "s" to the grammar, "Tuesday's" is
// "Tuesday" and "'s") and for the glued word it starts with ("mid" of "midmorning").
struct word_class {
  production_set own;        // the productions the word itself starts: its next token prunes them
  production_set own_alone;  // of `own`, those it can be the whole match of ("now")
  production_set unpruned;   // started through a stem or a glued word, where the grammar reads the
                             // rest of the word as its second token
  production_set seconds;    // the productions that can read it as their second token
  production_set thirds;     // the productions that can read it as their third token
  production_set pair_seconds;  // those that can end after it as their second token
  bool whole = false;            // the grammar can read it only as one token: no stem, no glued word
  bool function_word = false;    // starts productions only with a date word soon after it
  bool date_word = false;        // lets a function word among the nine words before it through
  bool number_follower = false;  // can follow a number inside a production ("48 hours")

  bool starts_something = false;  // own or unpruned is not empty: most of the table's words start nothing
};

// Room for the class of a word with an apostrophe that no entry of the table is ("monday'x"):
// its stems depend on the whole word, so it is merged on the spot. Built only on that rare path:
// a std::optional<word_class> here was zero-filled (112 bytes) at every lookup of a gate.
class class_scratch {
 public:
  class_scratch() noexcept {}  // `value` is left unconstructed
  word_class const* emplace(word_class const& c) noexcept { return std::construct_at(&value, c); }

 private:
  union {
    word_class value;
  };
};
static_assert(std::is_trivially_destructible_v<word_class>, "class_scratch never destroys its value");

class table {
 public:
  static table const& get();

  // Bytes that must be readable after the end of the text given to next_try: words are loaded
  // eight bytes at a time.
  static constexpr std::size_t padding = 24;

  // The first word start at or after byte `from` of `lower` (the lower-case ASCII view, followed
  // in memory by `padding` readable zero bytes) where some production is worth trying, and those
  // productions; `at` is `lower.size()` when there is none. With `every`, each word start, and
  // every production at it (extract_options::try_every_production). Scanning, lookups and the
  // skips over words that start nothing stay in one loop here: most words of running text are
  // read and turned away without a call.
  struct try_site { std::size_t at; production_set worth; };
  try_site next_try(std::string_view lower, std::size_t from, bool every) const;
  // Where to look on after a word start at `at` where nothing was taken: past the rest of its run
  // of letters and digits, which holds no word start, or past an apostrophe ("'90s" is tried as
  // "'90s", then as "90s").
  static std::size_t after_word(std::string_view lower, std::size_t at) noexcept;

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
  // A word the gates classified ahead of the scan (the second word of a function word's
  // productions), so that the scan, arriving there, does not read and look it up again: most
  // function words are followed by a word the scan then reads.
  struct classified_word {
    std::size_t at = std::string_view::npos;
    std::size_t length = 0;
    word_class const* known = nullptr;
  };
  [[gnu::always_inline]] production_set accepting_second(production_set const& set, std::string_view lower, std::size_t after,
                                                         classified_word& ahead) const;
  // Of `set`, the productions whose third token can be the one at `after`, the end of the second
  // token, or that can end after it (`ending_here`: those whose two-token matches can have that
  // second token).
  production_set accepting_third(production_set const& set, std::string_view lower, std::size_t after, production_set const& ending_here) const;
  // Whether a date word or a number comes soon after a function word that ends at `after`.
  bool date_word_follows(std::string_view lower, std::size_t after) const;
  // The productions worth trying at a word, given its class (null: the table does not know it);
  // `after` is where the word ends. Inline for the words that start nothing.
  production_set worth_trying_known(std::string_view lower, std::size_t after, word_class const* known, classified_word& ahead) const {
    return known == nullptr || !known->starts_something ? always_ : worth_trying_word(lower, after, *known, ahead);
  }
  [[gnu::noinline]] production_set worth_trying_word(std::string_view lower, std::size_t after, word_class const& known, classified_word& ahead) const;
  // At a word with an apostrophe or longer than the table's words.
  [[gnu::noinline]] production_set worth_trying_unusual(std::string_view lower, std::size_t at, scanned_word const& word, classified_word& ahead) const;
  [[gnu::noinline]] production_set worth_trying_other(std::string_view lower, std::size_t at, classified_word& ahead) const;  // a digit or another character

  // One grammar word's own part in the gates, before stems and glued words are merged in.
  struct word_info {
    production_set starts;
    bool function_word = false;    // starts productions only with a date word soon after it
    bool time_noun = false;        // a unit or noun of time that lets a function word through
    bool number_follower = false;  // can follow a number inside a production
    production_set seconds;        // the productions that can have it as their second token
    production_set thirds;         // the productions that can have it as their third token
    production_set pair_seconds;   // those that can end after it as their second token
    production_set alone;          // the productions it can be the whole match of ("now")
  };

  // An open-addressing table from words of up to 24 letters to a number: the scanner looks up
  // every word of the text, and a std::unordered_map<std::string> lookup (hashing, a modulo, a
  // memcmp) was a sixth of the tagger's time. A slot holds a word's first eight bytes; the rest
  // of a longer word is compared only when those agree. Sized at build time to stay under half full.
  class word_table {
   public:
    static constexpr std::uint32_t none = ~std::uint32_t{0};
    void build(std::vector<std::string> const& words);  // numbers are indices into `words`
    std::uint32_t find(std::string_view word) const noexcept { return find_through(word, filter_); }  // `padding` bytes readable after `word`
    // Marks a word of the table as one whose class starts a production (word_class::starts_something).
    void add_starter(std::string_view word) noexcept;
    // find() for the scanner's first words: a word of the table that starts nothing is turned away
    // by a filter of the starters alone, before the probe (a sixth of the words of news text are
    // such: "of", "and", "said").
    std::uint32_t find_starter(std::string_view word) const noexcept { return find_through(word, starters_); }

   private:
    struct slot {
      std::uint64_t head = 0;  // the first eight bytes, zero-filled
      std::uint32_t number = none;
      std::uint32_t length = 0;
    };
    // The hash of a word's first eight bytes (zero-filled) and its length: its top bits are the
    // slot a probe starts at, and the filter's key.
    static std::uint64_t hash(std::uint64_t head, std::size_t length) noexcept { return (head ^ length) * 0x9E3779B97F4A7C15ULL; }
    std::size_t home(std::uint64_t hash) const noexcept { return static_cast<std::size_t>(hash >> shift_); }
    std::vector<slot> slots_;
    std::vector<std::array<std::uint64_t, 2>> tails_;  // bytes 8 to 23 of each word, by number
    int shift_ = 64;
    word_filter filter_;
    word_filter starters_;
    std::uint32_t find_through(std::string_view word, word_filter const& filter) const noexcept;
    static std::uint64_t head_of(std::string_view word) noexcept;  // the first eight bytes, zero-filled
  };

  word_info const* info(std::string_view word) const noexcept;  // a grammar word's own entry
  // The word a production may have read in `word`, when it is not `word` itself; empty if none.
  static std::string_view stem_of(scanned_word const& word);
  // Both words a production may have read before an apostrophe of `word`: the one before its
  // first ("Tuesday" of "Tuesday's") and, when it has two, the one before its last ("o'clock" of
  // "o'clock's"). Empty when none.
  static std::array<std::string_view, 2> stems_of(scanned_word const& word);
  // The longest glued word (families.hpp, production::glued) that `word` starts with and goes on
  // after: "mid" of "midmorning", as a view into `word`; empty if none.
  std::string_view glued_prefix(std::string_view word) const noexcept;
  std::size_t glued_index(std::string_view word) const noexcept;  // in glued_, npos if none
  static word_class merge(word_info const* own, std::array<word_info const*, 2> stems, word_info const* glued, bool possessive_time_noun);
  // `word`'s class from its own entry, its stems' and its glued word's: the slow way, which the
  // table runs once per word it knows and the scanner only for words with an apostrophe.
  word_class merge_class(scanned_word const& word) const;
  // `word`'s class; null when it has no part in any gate. `scratch` holds the class of a word
  // with an apostrophe that is no entry of the table ("monday'x"): its stems depend on the
  // whole word.
  word_class const* classify(scanned_word const& word, class_scratch& scratch) const;
  // classify for a word of letters only, of up to 24.
  word_class const* classify_common(std::string_view word) const noexcept;
  // classify_common for the scanner's first words: the class of a table word that starts nothing
  // may come back null.
  word_class const* classify_first(std::string_view word) const noexcept;
  // classify for a word with an apostrophe or longer than the table's words.
  [[gnu::noinline]] word_class const* classify_unusual(scanned_word const& word, class_scratch& scratch) const;

  std::vector<rules::production> productions_;
  // The grammar's words, their plurals ("mondays") and possessives ("monday's"), and the glued
  // words: each has its own part (infos_) and, for the scanner, its class with stems and glued
  // words merged (classes_).
  word_table words_;
  std::vector<word_info> infos_;
  std::vector<word_class> classes_;
  std::vector<std::string> glued_;  // longest first
  // The first two bytes of each glued word as glued_index loads them, with the mask of the bytes
  // it has (one for a glued word of one letter).
  struct glued_pair { std::uint16_t pair; std::uint16_t mask; };
  std::vector<glued_pair> glued_pairs_;
  std::array<std::uint64_t, 256> glued_by_first_byte_{};  // bit i: glued_[i] starts with that byte
  std::vector<word_class> glued_classes_;    // a word the table does not know, after its glued word
  beginnings glued_beginnings_;
  production_set by_digit_, by_apostrophe_, always_;
  // Productions by what can come second in their matches, besides words (word_info::seconds).
  // Productions by the token that can stand at one position of their matches (the second, the
  // third), besides words, which the word table's entries carry (word_info::seconds, ::thirds).
  struct token_index {
    production_set any;
    production_set digit;
    std::array<production_set, 128> character{};
    void add(rules::second_set const& tokens, std::size_t production);
    // The productions for a token that starts with `c`, a digit or another character, not a letter.
    production_set at(char c) const noexcept;
  };
  token_index seconds_, thirds_;
  token_index pair_seconds_;  // by the second token of their two-token matches; its characters serve the third-token gate
  // The productions a run of digits can be the whole match of, by the run's length (1 to 14
  // digits, then 15 or more): a year is four digits, "20250813" eight.
  std::array<production_set, 16> number_alone_{};
  production_set pair_any_;  // the productions that can end after any second token
};

}  // namespace timeline::grammar::dispatch
