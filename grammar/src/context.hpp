// SPDX-License-Identifier: MIT
//
// What the text around a candidate says about it: whether a match is a date or a homograph in this
// context ("May" the month or "may" the modal, "Sunday" or "Sunday Times"), and the tense of its
// clause, which places weekdays and month names in the past or the future.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ast.hpp"
#include "resolve.hpp"

namespace timeline::grammar {

class text_context {
 public:
  // `text` is the grammar's ASCII view, `lower` the same in lower case (extract.cpp makes both).
  text_context(std::string_view text, std::string_view lower) : text_(text), lower_(lower) {}

  // Why a match must be dropped in this context, or nullopt to keep it. A view of a constant: most
  // reasons are too long for a string's own buffer, and a dropped match is no reason to allocate.
  std::optional<std::string_view> reject(ast::expression const& said, std::size_t begin, std::size_t end, bool allow_latent) const;

  // The tense of the clause around [begin, end): the nearest tense cue in the sentence wins.
  tense clause_tense(std::size_t begin, std::size_t end) const;

 private:
  // The lower-case word at `at` (rules::first_word), at most `longest_word` characters; empty past
  // the end.
  std::string_view lower_word_at(std::size_t at) const;
  static constexpr std::size_t longest_word = 23;

  std::string_view text_;
  std::string_view lower_;
};

}  // namespace timeline::grammar
