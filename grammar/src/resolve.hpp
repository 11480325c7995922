// SPDX-License-Identifier: MIT
//
// resolve() is the interpreter of the grammar (x3_fun's interpreter, Duckling's "prod"): a pure
// function from what an expression said to a normalized temporal_mention, given the DCT, the
// clause's tense and the last date the text mentioned. All calendar arithmetic of the tagger is
// here and in calendar.hpp, with Howard Hinnant's date.
#pragma once

#include <optional>
#include <span>

#include <timeline/grammar/extract.hpp>
#include <timeline/grammar/mention.hpp>

#include "ast.hpp"

namespace timeline::grammar {

// `reported`: only a reporting verb ("said") marks the clause; weekdays and holidays read it as
// past, dates with a month keep their own default (a deadline is often reported).
// `completed`: the expression closes a finished period ("the quarter ended Sept. 30"), so it is on
// or before the DCT whatever the default placement says.
enum class tense : std::uint8_t { none, past, future, reported, completed };

class text_context;  // context.hpp

struct resolve_context {
  reference_time dct;
  // The text around the expression and its span there, for the tense of its clause; no text, no
  // tense. Only month-days, weekdays and a few others ask: reading the clause costs more than
  // resolving most expressions, so it is not read up front. A pointer and a span, where a
  // std::function made for each candidate allocated its captures.
  text_context const* text = nullptr;
  std::size_t span_begin = 0;
  std::size_t span_end = 0;
  // The mentions found before this expression, oldest first: anaphora ("the next day") counts from
  // the latest date among them.
  std::span<temporal_mention const> history;
  // The quarter the text is discussing (extract.cpp: the latest closed one it named), for "the
  // quarter" and "a year ago" in results reports; null when it has named none.
  temporal_mention const* discussed_quarter = nullptr;
  // Whether the report last discussed a span of months from the start of the year ("the nine
  // months"), not a quarter: "a year earlier" then compares with the previous year.
  bool year_to_date = false;

  // The tense of the clause, once asked.
  mutable std::optional<tense> clause_tense_cache;

  // The tense of the expression's clause, read on the first call.
  tense clause_tense() const;
};

// Whether `m`, said as `said` (in lower case), names the months of the year to date in a results
// report: "the nine months", "the first six months" (extract.cpp keeps it for year_to_date).
bool opens_year_to_date(temporal_mention const& m, std::string_view said);

// Fills `m`, a default mention, with the meaning of what was said; false, leaving `m` half
// filled, when it is no real date (February 30) or cannot be placed. The caller's mention, not a
// returned one: extract() resolves at the end of its list, as a mention costs as much to move as
// to copy (its strings are short).
bool resolve(ast::expression const& said, resolve_context const& context, temporal_mention& m);

}  // namespace timeline::grammar
