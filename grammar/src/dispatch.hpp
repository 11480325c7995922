// SPDX-License-Identifier: MIT
//
// Which productions to try at a word: the scanner's table from first words to productions, built
// once from the families' FIRST sets (rules/first_set.hpp). At "Tuesday" only the handful of
// productions that can start with a weekday run, not all of them; at "said" none does, and the
// scanner moves on after one table lookup.
//
//   auto const& table = dispatch::table::get();
//   dispatch::production_set const ps = table.worth_trying(lower_text, at);
//   if (!ps.empty()) table.try_each(ps, begin + at, end, candidates);
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
};

class table {
 public:
  static table const& get();

  // The productions worth trying at byte `at` of `lower` (the lower-case ASCII view), a word
  // start; empty when none can match there.
  production_set worth_trying(std::string_view lower, std::size_t at) const;

  // Tries each production of `set` at `first`, in family order, appending the matches.
  void try_each(production_set const& set, char const* first, char const* last, std::vector<rules::candidate>& out) const;

  std::size_t size() const { return productions_.size(); }

 private:
  table();
  production_set starting_with(std::string_view word) const;
  bool number_worth_trying(std::string_view lower, std::size_t at) const;
  bool date_word_follows(std::string_view lower, std::size_t after) const;

  // Looked up with the string_view of a word of the text, without building a string.
  struct word_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view w) const noexcept {
      std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: words are short, and this inlines
      for (char const c : w) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
      return static_cast<std::size_t>(h);
    }
  };
  std::vector<rules::production> productions_;
  std::unordered_map<std::string, production_set, word_hash, std::equal_to<>> by_word_;
  production_set by_digit_, by_apostrophe_, always_;
  std::unordered_set<std::string, word_hash, std::equal_to<>> number_followers_;
};

}  // namespace timeline::grammar::dispatch
