// SPDX-License-Identifier: MIT
//
// What an expression said, before any calendar arithmetic (STYLE 2.3.6). The grammar fills one
// `expression` per match through semantic actions that only record words; resolve.cpp turns it
// into a temporal_mention against the DCT. Keeping this a flat value type means a production that
// fails half way can be rolled back by copying (see `attempt` in common.hpp).
#pragma once

#include <cstdint>

namespace timeline::grammar::ast {

enum class unit : std::uint8_t { none, second, minute, hour, day, week, weekend, fortnight, month, quarter, half, season, year, decade, century };

// What the expression is, which decides how resolve() reads the other fields.
enum class kind : std::uint8_t {
  none,
  calendar,   // fields of a calendar date: year, month, day, weekday, quarter, season, decade...
  relative,   // shift of `shift` units of `shift_unit` from the anchor: "last week", "next year"
  offset,     // `count` `count_unit`s before/after the anchor: "three days ago", "two weeks later"
  duration,   // a length: "three weeks"; with past/future = "the past two weeks"
  set,        // a recurrence: "every Monday", "weekly"
  reference,  // PRESENT_REF / PAST_REF / FUTURE_REF
};

enum class reference : std::uint8_t { none, present, past, future };

// mod of TIMEX3, plus the two positional "earlier/later this X" readings that have no TIMEX3 mod.
// first_half/second_half: "the first half of the 1990s", written START/END but spanning halves.
enum class modifier : std::uint8_t { none, start, mid, end, approx, more_than, less_than, equal_or_less, equal_or_more, before_anchor, after_anchor, from_anchor, first_half, second_half };

// Whose time an offset or a relative expression counts from. `previous`: the last date the text
// mentioned, else the DCT ("the next day"); `antecedent`: that date only, and nothing without one
// (the demonstrative "that day").
enum class anchor : std::uint8_t { dct, previous, antecedent };

// Tense/direction said in the expression itself ("last", "next", "ago", "later").
enum class direction : std::uint8_t { unspecified, past, future, nearest_this };

// Readings that depend on what the text said before, beyond the last date: periods of earnings
// reports ("the quarter", "the year-ago quarter") and "the weekend".
enum class special : std::uint8_t { none, the_quarter, latest_quarter, year_ago, the_weekend, year_period };

struct expression {
  char const* rule = "";
  char const* span_begin = nullptr;  // where the TIMEX3 span starts (after a leading preposition)
  bool had_preposition = false;      // "in May": makes risky words ("may", "march") safe

  kind what = kind::none;
  // Calendar fields as said; 0 (or -1 for year) means not said.
  int year = -1;
  bool two_digit_year = false;
  unsigned month = 0;    // [1, 12]
  unsigned day = 0;      // [1, 31]
  unsigned weekday = 0;  // ISO [1, 7], Monday = 1
  unsigned quarter = 0;  // [1, 4]
  unsigned half = 0;     // [1, 2]
  unsigned season = 0;   // 1 spring, 2 summer, 3 fall, 4 winter
  unsigned week_of_year = 0;
  int decade = -1;       // 199 for the 1990s
  int century = -1;      // 19 for the 20th century / the 1900s
  unsigned holiday = 0;  // index into the holiday table of holidays.hpp
  int day_offset = 0;  // "the day before last Tuesday": -1 day from the day said
  bool week_of = false;  // "Easter week", "the week of March 6": the ISO week that holds the day
  bool weekend = false;

  // Time of day.
  int hour = -1;         // [0, 23] after am/pm
  int minute = -1;
  unsigned meridiem = 0;  // 0 none, 1 a.m., 2 p.m.
  unsigned part_of_day = 0;  // 1 MO, 2 AF, 3 EV, 4 NI, 5 MI (midday), 6 DT (daytime)

  // Relative: "last week" = shift -1 of unit week; "this month" = 0; "June last year" = month 6 +
  // shift -1 year.
  bool has_shift = false;
  int shift = 0;
  unit shift_unit = unit::none;

  // Offsets and durations: count of units; count < 0 means unspecified ("several years" -> X).
  double count = 0;
  bool count_unknown = false;
  unit count_unit = unit::none;
  direction dir = direction::unspecified;
  anchor anchor_to = anchor::dct;
  bool span_past = false;    // "the past two weeks": a duration ending at the anchor
  bool span_future = false;  // "the next three years"

  // Sets.
  bool every = false;
  bool each = false;
  unsigned times = 0;  // "twice a week" -> 2

  reference ref = reference::none;
  modifier mod = modifier::none;
  bool latent = false;  // a bare number that may be a year
  special reading = special::none;
  bool period_named = false;  // "the year-ago quarter", "the 1988 period": the period is said, not only its year
};

}  // namespace timeline::grammar::ast
