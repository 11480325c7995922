// SPDX-License-Identifier: MIT
//
// resolve() is the interpreter of the grammar (x3_fun's interpreter, Duckling's "prod"): a pure
// function from what an expression said to a normalized temporal_mention, given the DCT, the
// clause's tense and the last date the text mentioned. All calendar arithmetic of the tagger is
// here and in calendar.hpp, with Howard Hinnant's date.
#pragma once

#include <functional>
#include <optional>
#include <span>

#include <timeline/grammar/extract.hpp>
#include <timeline/grammar/mention.hpp>

#include "ast.hpp"

namespace timeline::grammar {

// `reported`: only a reporting verb ("said") marks the clause; weekdays and holidays read it as
// past, dates with a month keep their own default (a deadline is often reported).
enum class tense : std::uint8_t { none, past, future, reported };

struct resolve_context {
  reference_time dct;
  // Reads the tense of the expression's clause. Only month-days, weekdays and a few others ask:
  // reading the clause costs more than resolving most expressions, so it is not read up front.
  std::function<tense()> read_clause_tense = [] { return tense::none; };
  // The dates mentioned before this expression, oldest first, for anaphora ("the next day").
  std::span<temporal_mention const> history;
  // The quarter the text is discussing (extract.cpp: the latest closed one it named), for "the
  // quarter" and "a year ago" in results reports; null when it has named none.
  temporal_mention const* discussed_quarter = nullptr;

  // What read_clause_tense returned, once asked.
  mutable std::optional<tense> clause_tense_cache;

  tense clause_tense() const {
    if (!clause_tense_cache) clause_tense_cache = read_clause_tense();
    return *clause_tense_cache;
  }
};

// Returns nullopt when what was said is no real date (February 30) or cannot be placed.
std::optional<temporal_mention> resolve(ast::expression const& said, resolve_context const& context);

}  // namespace timeline::grammar
