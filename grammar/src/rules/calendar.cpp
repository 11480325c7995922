// SPDX-License-Identifier: MIT
//
// Calendar family: dates written with calendar fields (2025-08-13, Aug. 13, 2025, 13 August 2025,
// August 6th, Sunday, Aug. 10, August 2025, July, 1991, the 1990s, the 20th century), weekdays
// (Tuesday, last Friday, next Tuesday, Monday night) and clock times with or without a day
// (10 a.m. Tuesday, 3:30 p.m., 22:35).
#include "../common.hpp"
#include "first_set.hpp"

namespace timeline::grammar::rules {
namespace {

using E = ast::expression;
using x3::lit;

auto const calendar = x3::eps[put(&E::what, ast::kind::calendar)];

struct full_weekday_names : symbols<unsigned> {
  full_weekday_names() {
    add("monday", 1)("tuesday", 2)("wednesday", 3)("thursday", 4)("friday", 5)("saturday", 6)("sunday", 7);
    // Abbreviations stand alone only with their period: "Wed." is a day, "wed" a verb.
    add("mon.", 1)("tue.", 2)("tues.", 2)("wed.", 3)("thu.", 4)("thur.", 4)("thurs.", 4)("fri.", 5)("sat.", 6)("sun.", 7);
  }
};
full_weekday_names const full_weekdays;

struct full_month_names : symbols<unsigned> {
  full_month_names() {
    add("january", 1)("february", 2)("march", 3)("april", 4)("may", 5)("june", 6)("july", 7)("august", 8)
       ("september", 9)("sept.", 9)("october", 10)("november", 11)("december", 12)("jan.", 1)("feb.", 2)("mar.", 3)("apr.", 4)
       ("jun.", 6)("jul.", 7)("aug.", 8)("sep.", 9)("oct.", 10)("nov.", 11)("dec.", 12);
  }
};
full_month_names const full_months;

struct decade_words : symbols<unsigned> {
  decade_words() {
    add("twenties", 2)("thirties", 3)("forties", 4)("fifties", 5)("sixties", 6)("seventies", 7)("eighties", 8)("nineties", 9);
  }
};
decade_words const decade_names;

auto const set_month_number = [](auto& ctx) {
  unsigned const m = x3::_attr(ctx);
  if (m < 1 || m > 12) x3::_pass(ctx) = false;
  else expr(ctx).month = m;
};
auto const set_two_digit_year = [](auto& ctx) {
  expr(ctx).year = static_cast<int>(x3::_attr(ctx));
  expr(ctx).two_digit_year = true;
};
auto const set_hour = [](auto& ctx) {
  unsigned const h = x3::_attr(ctx);
  if (h > 24) x3::_pass(ctx) = false;
  else expr(ctx).hour = static_cast<int>(h);
};
auto const set_minute = [](auto& ctx) {
  unsigned const m = x3::_attr(ctx);
  if (m > 59) x3::_pass(ctx) = false;
  else expr(ctx).minute = static_cast<int>(m);
};

// ---- pieces -----------------------------------------------------------------------------------

auto const weekday_prefix = weekday_word[store(&E::weekday)] >> -lit(',');
auto const the = kw("the");
auto const comma = -lit(',');

auto const iso_date = x3::lexeme[uint4[set_year] >> (lit('-') | '/' | '.') >> uint1_2[set_month_number] >> (lit('-') | '/' | '.') >>
                                 uint1_2[set_day] >> !(x3::digit)];
auto const us_numeric_date = x3::lexeme[uint1_2[set_month_number] >> '/' >> uint1_2[set_day] >> '/' >>
                                        (uint4[set_year] | uint2[set_two_digit_year]) >> !x3::alnum];
auto const compact_date = x3::lexeme[uint4[set_year] >> uint2[set_month_number] >> uint2[set_day] >> !x3::alnum];

auto const meridiem = x3::lexeme[lowered[(lit("a.m.") | lit("a.m") | lit("am"))] >> !x3::alpha][put(&E::meridiem, 1U)] |
                      x3::lexeme[lowered[(lit("p.m.") | lit("p.m") | lit("pm"))] >> !x3::alpha][put(&E::meridiem, 2U)];
auto const zone = x3::lexeme[lowered[lit("edt") | "est" | "cdt" | "cst" | "mdt" | "mst" | "pdt" | "pst" | "gmt" | "utc" | "bst" | "cet" | "kst" | "jst"] >> !x3::alnum] |
                  kw("local") >> kw("time");
auto const clock_12 = x3::lexeme[uint1_2[set_hour] >> -(lit(':') >> uint2[set_minute]) >> !x3::digit] >> meridiem;
auto const clock_24 = x3::lexeme[uint1_2[set_hour] >> lit(':') >> uint2[set_minute] >> !(x3::alnum | lit(':') >> x3::digit)];
auto const named_time = kw("noon")[put(&E::hour, 12)][put(&E::minute, 0)] | kw("midnight")[put(&E::hour, 0)][put(&E::minute, 0)] |
                        kw("midday")[put(&E::hour, 12)][put(&E::minute, 0)];
auto const oclock = x3::lexeme[uint1_2[set_hour] >> !x3::alnum] >> (kw("o'clock") | kw("o’clock"));
// "4 in the morning", "10 at night": the part of day says the meridiem.
auto const hour_of_part = x3::lexeme[uint1_2[set_hour] >> !x3::alnum] >>
                          (kw("in") >> kw("the") >> (kw("morning")[put(&E::meridiem, 1U)] | (kw("afternoon") | kw("evening"))[put(&E::meridiem, 2U)]) |
                           kw("at") >> kw("night")[put(&E::meridiem, 2U)]);
auto const clock_time = (attempt[clock_12] | attempt[oclock] | attempt[hour_of_part] | attempt[clock_24] | named_time) >> -zone;

// Day expressions a clock time can attach to.
auto const month_day_year_p = -weekday_prefix >> month_word[store(&E::month)] >> day_number[set_day] >> comma >> year_number[set_year];
auto const day_month_year_p = -weekday_prefix >> -the >> day_number[set_day] >> -kw("of") >> month_word[store(&E::month)] >> comma >> year_number[set_year];
auto const month_day_p = -weekday_prefix >> month_word[store(&E::month)] >> day_number[set_day];
auto const day_month_p = -weekday_prefix >> -the >> day_number[set_day] >> -kw("of") >> month_word[store(&E::month)];
auto const weekday_alone_p = x3::lexeme[lowered[full_weekdays] >> !x3::alnum][store(&E::weekday)];
auto const deictic_day_p = kw("today")[put(&E::has_shift, true)][put(&E::shift_unit, ast::unit::day)][put(&E::shift, 0)] |
                           kw("tomorrow")[put(&E::has_shift, true)][put(&E::shift_unit, ast::unit::day)][put(&E::shift, 1)] |
                           kw("yesterday")[put(&E::has_shift, true)][put(&E::shift_unit, ast::unit::day)][put(&E::shift, -1)];
// A date with its year, else without: one parse of the month and day for both, where trying the
// date with a year and then without parsed them twice. The month-first and the day-first forms
// never match at the same place (a month word, a day number or "the" comes after the weekday), so
// the order of the four does not matter.
auto const then_year = -(comma >> year_number[set_year]);
auto const month_day_maybe_year_p = month_day_p >> then_year;
auto const day_month_maybe_year_p = day_month_p >> then_year;
auto const day_for_time = attempt[iso_date] | attempt[month_day_maybe_year_p] | attempt[day_month_maybe_year_p] | attempt[deictic_day_p] |
                          attempt[weekday_alone_p];

// Years said in words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand".
auto const add_to_year = [](auto& ctx) {
  double const n = x3::_attr(ctx);
  if (n < 10 || n > 99 || n != static_cast<int>(n)) x3::_pass(ctx) = false;
  else expr(ctx).year += static_cast<int>(n);
};
auto const add_small_to_year = [](auto& ctx) {
  double const n = x3::_attr(ctx);
  if (n < 1 || n > 99 || n != static_cast<int>(n)) x3::_pass(ctx) = false;
  else expr(ctx).year += static_cast<int>(n);
};
auto const spelled_year_p = (kw("nineteen")[put(&E::year, 1900)] | kw("eighteen")[put(&E::year, 1800)]) >>
                                x3::lexeme[lowered[numbers] >> !x3::alnum][add_to_year] |
                            kw("two") >> kw("thousand")[put(&E::year, 2000)] >> -(-kw("and") >> x3::lexeme[lowered[numbers] >> !x3::alnum][add_small_to_year]);

// ---- productions ------------------------------------------------------------------------------

auto const iso_date_time = named("iso_date_time") >>
                           x3::lexeme[uint4[set_year] >> (lit('-') | '/') >> uint1_2[set_month_number] >> (lit('-') | '/') >>
                                      uint1_2[set_day] >> (lit('t') | lit(' ')) >> uint1_2[set_hour] >> ':' >> uint2[set_minute] >>
                                      -(lit(':') >> uint2) >> !x3::alnum] >> calendar;
auto const numeric = (attempt[named("iso_date") >> iso_date] | attempt[named("us_numeric_date") >> us_numeric_date] |
                      named("compact_date") >> compact_date) >> calendar;
auto const month_day_year = named("month_day_year") >> month_day_year_p >> calendar;
auto const day_month_year = named("day_month_year") >> day_month_year_p >> calendar;
auto const month_day = named("month_day") >> month_day_p >> calendar;
auto const day_month = named("day_month") >> day_month_p >> calendar;
auto const month_year = named("month_year") >> month_word[store(&E::month)] >> (kw("of") | comma) >> year_number[set_year] >> calendar;
// Bare month names are restricted to full names; refine.cpp decides "may"/"march" from context.
auto const month_alone = named("month_name") >> x3::lexeme[lowered[full_months] >> !x3::alnum][store(&E::month)] >> calendar;
auto const fiscal_year = named("fiscal_year") >> ((kw("fiscal") >> -kw("year")) | (the >> kw("year")) | (kw("calendar") >> kw("year")) | kw("fy")) >>
                         year_number[set_year] >> calendar;
// "the winter of nineteen ninety-four" is that season (TBAQ 1 of 1); "two thousand years" is a
// length, not the year 2000.
auto const spelled_year = named("spelled_year") >> -(the >> kw("year")) >>
                          -(month_word[store(&E::month)] >> -kw("of") | the >> word(seasons)[store(&E::season)] >> kw("of")) >> spelled_year_p >>
                          !word(units) >> calendar;
auto const year_alone = named("year") >> year_number[set_year] >> x3::eps[put(&E::latent, true)] >> calendar;
// "the post-1959 politics", "pre-1990 levels": TimeML tags the prefixed word with the year's value.
auto const prefixed_year = named("prefixed_year") >> x3::lexeme[lowered[lit("post-") | lit("pre-")] >> uint4[set_year] >> !(x3::alnum | lit('-'))] >>
                           calendar;
auto const apostrophe_year = named("two_digit_year") >> x3::lexeme[(lit('\'') | lit("’")) >> uint2[set_two_digit_year] >> !x3::alnum] >> calendar;
auto const set_decade = [](auto& ctx) { expr(ctx).decade = static_cast<int>(x3::_attr(ctx)); };
auto const set_short_decade = [](auto& ctx) {
  expr(ctx).decade = static_cast<int>(x3::_attr(ctx)) - '0';
  expr(ctx).two_digit_year = true;
};
auto const set_decade_word = [](auto& ctx) {
  expr(ctx).decade = static_cast<int>(x3::_attr(ctx));
  expr(ctx).two_digit_year = true;
};
auto const decade_digits = x3::lexeme[x3::uint_parser<unsigned, 10, 3, 3>{}[set_decade] >> lit('0') >> -lit('\'') >> lit('s') >> !x3::alnum];
auto const decade_short = x3::lexeme[-(lit('\'') | lit("’")) >> x3::digit[set_short_decade] >> lit('0') >> -lit('\'') >> lit('s') >> !x3::alnum];
auto const decade_word = x3::lexeme[lowered[decade_names] >> !x3::alnum][set_decade_word];
auto const decade = named("decade") >> -the >> (attempt[decade_digits] | attempt[decade_short] | decade_word) >> calendar;
auto const set_century = [](auto& ctx) { expr(ctx).century = static_cast<int>(x3::_attr(ctx)) - 1; };
auto const century_number = x3::lexeme[uint1_2[set_century] >> ordinal_suffix >> !x3::alnum] | word(ordinals)[set_century];
auto const century = named("century") >> -the >> century_number >> kw("century") >> calendar;

auto const weekday_shift = kw("last")[put(&E::dir, ast::direction::past)] | kw("past")[put(&E::dir, ast::direction::past)] |
                           kw("next")[put(&E::dir, ast::direction::future)] |
                           kw("coming")[put(&E::dir, ast::direction::future)] | kw("this")[put(&E::dir, ast::direction::nearest_this)];
auto const part_of_day = word(parts_of_day)[store(&E::part_of_day)];
auto const weekday_relative = named("weekday_relative") >> -the >> weekday_shift >> weekday_word[store(&E::weekday)] >> -part_of_day >> calendar;
// "the previous Friday", "the following Tuesday": the weekday before or after the day the text is
// talking about (the last date mentioned), not the DCT's; "last Friday" counts from the DCT.
auto const weekday_anaphoric = named("weekday_anaphoric") >>
                               (-the >> (kw("previous") | kw("preceding"))[put(&E::dir, ast::direction::past)] |
                                the >> kw("following")[put(&E::dir, ast::direction::future)]) >>
                               weekday_word[store(&E::weekday)] >> -part_of_day >> x3::eps[put(&E::anchor_to, ast::anchor::previous)] >> calendar;
auto const weekday_week = named("weekday_of_week") >> weekday_word[store(&E::weekday)] >>
                          (kw("last")[put(&E::shift, -1)] | kw("this")[put(&E::shift, 0)] | kw("next")[put(&E::shift, 1)]) >>
                          kw("week")[put(&E::has_shift, true)][put(&E::shift_unit, ast::unit::week)] >> calendar;
auto const weekday = named("weekday") >> weekday_alone_p >> -part_of_day >> calendar;
// "Tuesday nights": a recurring part of a weekday.
auto const weekday_nights = named("weekday_parts") >> weekday_alone_p >>
                            x3::lexeme[lowered[lit("mornings")[put(&E::part_of_day, 1U)] | lit("afternoons")[put(&E::part_of_day, 2U)] |
                                                   lit("evenings")[put(&E::part_of_day, 3U)] | lit("nights")[put(&E::part_of_day, 4U)]] >>
                                       !x3::alnum] >>
                            x3::eps[put(&E::what, ast::kind::set)];
auto const part_of_deictic_day = named("deictic_part_of_day") >> deictic_day_p >> part_of_day >> calendar;
// "mid-afternoon yesterday": the part before its day.
auto const part_then_deictic_day = named("part_then_deictic_day") >> part_of_day >> deictic_day_p >> calendar;
// "in the morning", "by mid-afternoon": a part of the day the text is on, placed as a clock time
// alone is (resolve.cpp). "the night of Oct. 23" is the date alone in TimeML; "in the night" is
// rarely a time of its own.
auto const day_part_alone = named("part_of_day_alone") >>
                            (kw("in") >> mark >> the >> (kw("morning")[put(&E::part_of_day, 1U)] | kw("afternoon")[put(&E::part_of_day, 2U)] |
                                                         kw("evening")[put(&E::part_of_day, 3U)]) |
                             x3::lexeme[lowered[lit("mid")] >> -(lit('-') | lit(' ')) >>
                                        (lit("morning")[put(&E::part_of_day, 1U)] | lit("afternoon")[put(&E::part_of_day, 2U)]) >> !x3::alnum]) >>
                            !kw("of") >> calendar;

auto const time_then_day = named("time_on_day") >> clock_time >> -(kw("on") | lit(',')) >> day_for_time >> calendar;
auto const day_then_time = named("day_at_time") >> day_for_time >> -lit(',') >> -kw("at") >> clock_time >> calendar;
auto const part_of_day_of = named("part_of_day_of") >> -the >> part_of_day >> kw("of") >> day_for_time >> calendar;
auto const iso_month = named("iso_month") >> x3::lexeme[uint4[set_year] >> lit('-') >> uint2[set_month_number] >> !(x3::alnum | lit('-') >> x3::digit)] >> calendar;
auto const weekday_plural = named("weekday_plural") >> x3::lexeme[lowered[full_weekdays] >> lit('s') >> !x3::alnum][store(&E::weekday)] >>
                            x3::eps[put(&E::what, ast::kind::set)];
auto const deictic_day = named("deictic_day") >> deictic_day_p >> calendar;
auto const time_alone = named("clock_time") >> clock_time >> calendar;
// "the day before last Tuesday('s hearing)", "the day after March 6": the day next to the day said
// (TBAQ 1 of 1), where "the day before" alone counts from the last date (relative.cpp).
auto const day_next_to = named("day_next_to") >> the >> kw("day") >>
                         (kw("before")[put(&E::day_offset, -1)] | kw("after")[put(&E::day_offset, 1)]) >>
                         (attempt[month_day_maybe_year_p] | attempt[day_month_maybe_year_p] |
                          attempt[weekday_shift >> weekday_word[store(&E::weekday)]] | weekday_alone_p) >>
                         calendar;
// "the week of March 6": the ISO week that holds the day (TBAQ 1 of 1, 2000-W10).
auto const week_of_day = named("week_of_day") >> the >> kw("week")[put(&E::week_of, true)] >> kw("of") >>
                         (attempt[month_day_maybe_year_p] | day_month_maybe_year_p) >> calendar;

}  // namespace

std::span<production const> calendar_productions() {
  (void)part_of_day_of;  // TimeML tags "[Oct. 23]" alone in "the night of Oct. 23"
  static std::vector<production> const table = production_table<iso_date_time, numeric, month_day_year, day_month_year, month_day, day_month, month_year, month_alone, fiscal_year, year_alone, prefixed_year, apostrophe_year, decade, century, weekday_relative, weekday_anaphoric, weekday_week, weekday, part_of_deictic_day, part_then_deictic_day, day_part_alone, deictic_day, time_then_day, day_then_time, time_alone, iso_month, weekday_plural, weekday_nights, spelled_year, week_of_day, day_next_to>();
  return table;
}

}  // namespace timeline::grammar::rules
