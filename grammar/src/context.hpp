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
  explicit text_context(std::string_view text) : text_(text) {}

  // Why a match must be dropped in this context, or nullopt to keep it.
  std::optional<std::string> reject(ast::expression const& said, std::size_t begin, std::size_t end, bool allow_latent) const;

  // The tense of the clause around [begin, end): the nearest tense cue in the sentence wins.
  tense clause_tense(std::size_t begin, std::size_t end) const;

 private:
  std::string_view text_;
};

}  // namespace timeline::grammar
