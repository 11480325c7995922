// SPDX-License-Identifier: MIT
//
// Relative family: expressions whose meaning depends on the DCT or on the last date mentioned:
// tonight, this morning, last week, next quarter, June last year, the fourth quarter of last year,
// three days ago, two weeks later, the next day, early/mid/late X, the end of the month,
// earlier/later this month, within the month, seasons and halves.
#include "../common.hpp"
#include "first_set.hpp"

namespace timeline::grammar::rules {
namespace {

using E = ast::expression;
using ast::direction;
using ast::modifier;
using ast::unit;
using x3::lit;

auto const calendar = x3::eps[put(&E::what, ast::kind::calendar)];
auto const offset = x3::eps[put(&E::what, ast::kind::offset)];
auto const the = kw("the");
auto const has_shift = x3::eps[put(&E::has_shift, true)];

auto const shift_word = (kw("last") | kw("previous"))[put(&E::shift, -1)] | (kw("this") | kw("current"))[put(&E::shift, 0)] |
                        (kw("next") | kw("coming"))[put(&E::shift, 1)];
auto const period = word(periods)[store(&E::shift_unit)] >> has_shift;
auto const part_of_day = word(parts_of_day)[store(&E::part_of_day)];
auto const day_shift = x3::eps[put(&E::has_shift, true)][put(&E::shift_unit, unit::day)];

// ---- pieces shared by productions -----------------------------------------------------------

auto const relative_period_p = -the >> shift_word >> -kw("fiscal") >> period;
auto const shifted_year_p = shift_word >> kw("year")[put(&E::shift_unit, unit::year)] >> has_shift;
auto const quarter_number = word(ordinals)[([](auto& ctx) {
                              unsigned const q = x3::_attr(ctx);
                              if (q < 1 || q > 4) x3::_pass(ctx) = false;
                              else expr(ctx).quarter = q;
                            })];
auto const quarter_code = x3::lexeme[lowered[lit('q')] >> x3::char_("1-4")[([](auto& ctx) { expr(ctx).quarter = unsigned(x3::_attr(ctx) - '0'); })] >> !x3::alnum] |
                          x3::lexeme[x3::char_("1-4")[([](auto& ctx) { expr(ctx).quarter = unsigned(x3::_attr(ctx) - '0'); })] >> lowered[lit('q')] >> !x3::alnum];
// "of 2024", "of last year", "of the year" (the DCT's year), ", 2024", " 2024".
auto const of_year = (kw("of") | lit(',')) >> -the >> (attempt[shifted_year_p] | year_number[set_year] |
                                                       kw("year")[put(&E::shift_unit, unit::year)][put(&E::shift, 0)] >> has_shift) |
                     year_number[set_year];
auto const season_word = word(seasons)[store(&E::season)];
auto const half_number = (kw("first")[put(&E::half, 1U)] | kw("second")[put(&E::half, 2U)]);
auto const month_name = month_word[store(&E::month)];

// Targets that early/mid/late and the beginning/end of can modify.
auto const deictic_day = (kw("today")[put(&E::shift, 0)] | kw("yesterday")[put(&E::shift, -1)] | kw("tomorrow")[put(&E::shift, 1)]) >>
                         x3::eps[put(&E::has_shift, true)][put(&E::shift_unit, unit::day)];
// A month with its year, else alone: parsed once for both (no target between them in the order
// starts with a month name, so moving the month alone up matches the same).
auto const fuzzy_target = attempt[month_name >> -(-(lit(',') | kw("of")) >> year_number[set_year])] | attempt[deictic_day] |
                          attempt[x3::lexeme[lowered[weekdays] >> !x3::alnum][store(&E::weekday)]] |
                          attempt[-the >> x3::lexeme[uint4[set_year] >> lit('s') >> !x3::alnum][([](auto& ctx) { expr(ctx).decade = expr(ctx).year / 10; expr(ctx).year = -1; })]] |
                          attempt[year_number[set_year]] | attempt[relative_period_p] |
                          attempt[the >> period[put(&E::shift, 0)]] | attempt[-the >> -shift_word >> season_word >> -(-kw("of") >> year_number[set_year])];
auto const fuzzy_prefix =
    -the >> (kw("early") | kw("earlier"))[put(&E::mod, modifier::start)] | -the >> (kw("late") | kw("later"))[put(&E::mod, modifier::end)] |
    -the >> x3::lexeme[lowered[lit("mid")] >> (lit('-') | &ascii_space)][put(&E::mod, modifier::mid)] |
    (-the >> (kw("beginning") | kw("start") | kw("dawn")) >> kw("of"))[put(&E::mod, modifier::start)] |
    (-the >> (kw("end") | kw("close")) >> kw("of"))[put(&E::mod, modifier::end)] |
    (-the >> kw("middle") >> kw("of"))[put(&E::mod, modifier::mid)];

// ---- productions --------------------------------------------------------------------------------

auto const tonight = named("tonight") >> kw("tonight")[put(&E::part_of_day, 4U)] >> day_shift >> calendar;
auto const this_part_of_day = named("this_part_of_day") >> kw("this") >> part_of_day >> day_shift >> calendar;
auto const last_night = named("last_night") >> kw("last") >> kw("night")[put(&E::part_of_day, 4U)][put(&E::shift, -1)] >> day_shift >> calendar;
auto const relative_period = named("relative_period") >> relative_period_p >> calendar;
auto const month_of_relative_year = named("month_of_relative_year") >> month_name >> -kw("of") >> shifted_year_p >> calendar;
auto const month_relative = named("month_relative") >>
                            ((kw("last") | kw("past"))[put(&E::dir, direction::past)] | (kw("next") | kw("coming"))[put(&E::dir, direction::future)] |
                             kw("this")[put(&E::dir, direction::nearest_this)]) >>
                            month_name >> !day_number >> calendar;
// "this year's third quarter", "next year's first quarter", "last year's quarter".
auto const possessive_year = shifted_year_p >> x3::lexeme[(lit('\'') | lit("’")) >> lowered[lit('s')] >> !x3::alnum];
auto const quarter_of_relative_year = named("quarter_of_relative_year") >> possessive_year >> -kw("fiscal") >>
                                      (quarter_number >> -lit('-') >> kw("quarter") | half_number >> kw("half")) >> calendar;
auto const year_quarter = named("year_quarter") >> -the >> year_number[set_year] >> -kw("fiscal") >>
                          (quarter_number >> -lit('-') >> kw("quarter") | (kw("quarter") | kw("period"))[put(&E::reading, ast::special::year_period)]) >>
                          calendar;
// "the third quarter" keeps its article; in "the third-quarter profit" the article is the noun's.
auto const quarter = named("quarter") >> -the >> -kw("fiscal") >>
                     (attempt[mark >> quarter_number >> lit('-') >> kw("quarter")] | quarter_number >> kw("quarter") | quarter_code |
                      attempt[kw("last")[put(&E::quarter, 4U)] >> kw("quarter") >> &(kw("of") >> (year_number | -the >> shift_word >> kw("year")))]) >>
                     -of_year >> calendar;
auto const half_code = x3::lexeme[lowered[lit('h')] >> x3::char_("12")[([](auto& ctx) { expr(ctx).half = unsigned(x3::_attr(ctx) - '0'); })] >> !x3::alnum];
auto const half = named("half_year") >> -the >>
                  ((half_number | kw("last")[put(&E::half, 2U)]) >> -lit('-') >> kw("half") | half_code) >> -of_year >> calendar;
auto const day_around_yesterday = named("day_before_yesterday") >> the >> kw("day") >>
                                  (kw("before") >> kw("yesterday")[put(&E::shift, -2)] | kw("after") >> kw("tomorrow")[put(&E::shift, 2)]) >>
                                  day_shift >> calendar;
auto const season = named("season") >> (attempt[kw("this") >> kw("past")[put(&E::dir, direction::past)]] | the >> -shift_word | shift_word[([](auto& ctx) {
                                          int const s = expr(ctx).shift;
                                          expr(ctx).dir = s < 0 ? direction::past : s > 0 ? direction::future : direction::nearest_this;
                                        })]) >>
                    season_word >> -(-kw("of") >> year_number[set_year]) >> !kw("of") >> calendar;
auto const season_year = named("season_year") >> season_word >> -kw("of") >> year_number[set_year] >> calendar;
auto const fuzzy = named("fuzzy") >> fuzzy_prefix >> fuzzy_target >> calendar;
// "the last half of the '80s", "the first half of the 1990s": a half of a decade is the decade with
// mod START or END, as TimeML writes it (TBAQ 1 of 1: 198); halves of years are half_year's.
auto const decade_of_half = attempt[-the >> x3::lexeme[uint4[set_year] >> lit('s') >> !x3::alnum][([](auto& ctx) {
                              expr(ctx).decade = expr(ctx).year / 10;
                              expr(ctx).year = -1;
                            })]] |
                            -the >> x3::lexeme[(lit('\'') | lit("’")) >> x3::digit[([](auto& ctx) {
                                                 expr(ctx).decade = x3::_attr(ctx) - '0';
                                                 expr(ctx).two_digit_year = true;
                                               })] >>
                                               lit('0') >> lit('s') >> !x3::alnum];
auto const half_of_decade = named("half_of_decade") >> -the >>
                            (kw("first")[put(&E::mod, modifier::first_half)] | (kw("last") | kw("second") | kw("latter"))[put(&E::mod, modifier::second_half)]) >>
                            kw("half") >> kw("of") >> decade_of_half >> calendar;
// "by year-end", "around year end", "by year's end": the end of the DCT's year, as "the end of the
// year". Only after a preposition: "year-end results" is an adjective, which TimeML leaves alone.
auto const year_end = named("year_end") >>
                      (kw("by") | kw("at") | kw("around") | kw("since") | kw("before") | kw("until") | kw("till") | kw("after") |
                       kw("near") | kw("toward") | kw("towards") | kw("through") | kw("from") | kw("for")) >>
                      mark >> -the >>
                      (x3::lexeme[lowered[lit("year-end")] >> !(x3::alnum | lit('-'))] | kw("year") >> kw("end") |
                       x3::lexeme[lowered[lit("year's")] >> !x3::alnum] >> kw("end")) >>
                      x3::eps[put(&E::has_shift, true)][put(&E::shift_unit, unit::year)][put(&E::shift, 0)][put(&E::mod, modifier::end)] >> calendar;
auto const earlier_later = named("earlier_later_this") >>
                           (kw("earlier")[put(&E::mod, modifier::before_anchor)] | kw("later")[put(&E::mod, modifier::after_anchor)]) >>
                           (kw("this") | kw("in") >> the) >> period[put(&E::shift, 0)] >> calendar;
auto const within = named("within_period") >> kw("within") >> mark >> the >> period[put(&E::shift, 0)][put(&E::mod, modifier::from_anchor)] >> calendar;
auto const ago = named("ago") >> count >> -lit('-') >> word(units)[store(&E::count_unit)] >> kw("ago")[put(&E::dir, direction::past)] >> offset;
auto const from_now = named("from_now") >> count >> word(units)[store(&E::count_unit)] >> (kw("from") >> kw("now") | kw("hence"))[put(&E::dir, direction::future)] >> offset;
auto const earlier = named("anaphoric_offset") >> count >> word(units)[store(&E::count_unit)] >> kw("earlier")[put(&E::dir, direction::past)] >>
                     x3::eps[put(&E::anchor_to, ast::anchor::previous)] >> offset;
// "[three days] later": TimeML leaves "later"/"after" outside the span and tags a DURATION; the
// resolver still records the day it points at, from the last date mentioned.
auto const later = named("anaphoric_duration") >> count >> word(units)[store(&E::count_unit)] >>
                   &(kw("later") | kw("after"))[put(&E::dir, direction::future)] >> x3::eps[put(&E::anchor_to, ast::anchor::previous)] >>
                   x3::eps[put(&E::what, ast::kind::duration)];
auto const special = x3::eps[put(&E::what, ast::kind::calendar)];
// "the quarter ended July 31": the month it ended in is read ahead (resolve.cpp places the quarter
// by it); the date stays a mention of its own.
auto const quarter_end_month = attempt[&((kw("ended") | kw("ending")) >> month_word[store(&E::month)] >> day_number)];
auto const the_quarter = named("the_quarter") >> (the | kw("this") | kw("that")) >> kw("quarter")[put(&E::reading, ast::special::the_quarter)] >>
                         -quarter_end_month >> special;
auto const latest_quarter = named("latest_quarter") >> the >> (kw("latest") | kw("most") >> kw("recent")) >> -kw("fiscal") >> (kw("quarter") | kw("period")) >>
                            x3::eps[put(&E::reading, ast::special::latest_quarter)] >> special;
// "the latest fiscal year", "the most recent year": the last year closed, the DCT's year before
// (TBAQ 1 of 1), as "the latest quarter" is the last quarter closed.
auto const latest_year = named("latest_year") >> the >> (kw("latest") | kw("most") >> kw("recent")) >> -kw("fiscal") >>
                         kw("year")[put(&E::shift_unit, unit::year)][put(&E::shift, -1)] >> has_shift >> calendar;
auto const year_ago_word = x3::lexeme[lowered[lit("year-ago") | lit("year-earlier")] >> !x3::alnum] | kw("year") >> (kw("ago") | kw("earlier"));
// "the year-earlier third quarter" is one expression (TBAQ tags it whole, 2 of 2).
// "the year-earlier nine months" names its length: TimeML tags the whole as that duration, P9M
// (TBAQ 1 of 1), where "nine months" alone came out as a second timex.
auto const year_ago_length = named("year_ago_length") >> -the >> year_ago_word >> count >> word(units)[store(&E::count_unit)] >>
                             x3::eps[put(&E::what, ast::kind::duration)];
auto const year_ago_period = named("year_ago_period") >> -the >> -(kw("comparable") | kw("corresponding") | kw("same")) >> year_ago_word >>
                             -(attempt[quarter_number >> -lit('-') >> kw("quarter")] | (kw("quarter") | kw("period"))[put(&E::period_named, true)]) >>
                             x3::eps[put(&E::reading, ast::special::year_ago)] >> special;
// "the quarter a year ago", "the same period last year", "last year's quarter": the year-ago
// quarter said with the year after the period (TBAQ tags each whole, 3 of 3, as that quarter).
auto const year_back = (kw("a") | kw("one")) >> kw("year") >> (kw("ago") | kw("earlier") | kw("before")) | -kw("of") >> kw("last") >> kw("year");
auto const period_year_ago = named("year_ago_period") >> the >> -(kw("comparable") | kw("corresponding") | kw("same")) >>
                             (kw("quarter") | kw("period"))[put(&E::period_named, true)] >> year_back >>
                             x3::eps[put(&E::reading, ast::special::year_ago)] >> special;
auto const last_years_period = named("year_ago_period") >> kw("last") >> x3::lexeme[lowered[lit("year")] >> (lit('\'') | lit("’")) >> lowered[lit('s')] >> !x3::alnum] >>
                               (kw("quarter") | kw("period"))[put(&E::period_named, true)] >> x3::eps[put(&E::reading, ast::special::year_ago)] >> special;
// "the year ended March 31" is a length of a year in results reports; "the full year" the DCT's.
auto const the_year_ended = named("the_year_ended") >> the >> -kw("fiscal") >> kw("year")[put(&E::count, 1.0)][put(&E::count_unit, unit::year)] >>
                            (&(kw("ended") | kw("ending")) | kw("fiscal") >> x3::eps) >> x3::eps[put(&E::what, ast::kind::duration)];
auto const the_fiscal_year = named("the_fiscal_year") >> the >> kw("fiscal") >> kw("year")[put(&E::count, 1.0)][put(&E::count_unit, unit::year)] >>
                             x3::eps[put(&E::what, ast::kind::duration)];
// POLICY: "the year" alone is the DCT's year ("for the year", "a high for the year", "the first nine
//   months of the year": TBAQ 3 of 3, plus "the full year" 2 of 2, and "a high for the year of
//   $42.875", 1 of 1). Not when it is counted from something else: "the year before", "the year
//   since the attack", "the year of the flood".
auto const the_full_year = named("the_full_year") >> the >> -kw("full") >> kw("year")[put(&E::shift_unit, unit::year)][put(&E::shift, 0)] >>
                           !(kw("before") | kw("after") | kw("earlier") | kw("later") | kw("ago") | kw("since") | kw("of") >> !(lit('$') | x3::digit) | kw("to") |
                             kw("when") | kw("that") | kw("in") >> kw("which") | x3::digit) >>
                           x3::eps[put(&E::has_shift, true)] >> calendar;
auto const the_weekend = named("the_weekend") >> the >> kw("weekend")[put(&E::reading, ast::special::the_weekend)] >> special;
auto const anaphoric_period = named("anaphoric_period") >> the >>
                              ((kw("next") | kw("following") | kw("subsequent"))[put(&E::shift, 1)] |
                               (kw("previous") | kw("preceding") | kw("prior"))[put(&E::shift, -1)] | kw("same")[put(&E::shift, 0)]) >>
                              period >> x3::eps[put(&E::anchor_to, ast::anchor::previous)] >> calendar;
// "the next morning", "the previous night": the day after or before the day the text is on. As a
// weekday's part of day (resolve.cpp's POLICY on "Friday night"), it stays a day, but the evening is
// TEV (TBAQ: "appeared in court the next morning" is the day, 1 of 1).
auto const anaphoric_part_of_day = named("anaphoric_part_of_day") >> the >>
                                   ((kw("next") | kw("following"))[put(&E::shift, 1)] | (kw("previous") | kw("preceding"))[put(&E::shift, -1)]) >>
                                   (kw("morning") | kw("afternoon") | kw("night") | kw("evening")[put(&E::part_of_day, 3U)]) >> day_shift >>
                                   x3::eps[put(&E::anchor_to, ast::anchor::previous)] >> calendar;
auto const day_before_after = named("anaphoric_day") >> the >> kw("day") >>
                              (kw("before")[put(&E::shift, -1)] | kw("after")[put(&E::shift, 1)]) >> day_shift >>
                              x3::eps[put(&E::anchor_to, ast::anchor::previous)] >> calendar;
// "today is the eighth day of the blockade", "it's the second day of an offensive": a day counted
// from an event, said to be now, is the DCT (TBAQ 2 of 2). context.cpp keeps it only after "it",
// "this" or "today".
auto const nth_day_today = named("nth_day_today") >> (kw("is") | kw("it's")) >> mark >> -the >> word(ordinals) >> kw("day") >> &kw("of") >>
                           day_shift >> calendar;
auto const that_day = named("that_period") >> kw("that") >> period[put(&E::shift, 0)] >> x3::eps[put(&E::anchor_to, ast::anchor::antecedent)] >> calendar;

}  // namespace

std::span<production const> relative_productions() {
  static std::vector<production> const table = production_table<earlier_later, anaphoric_period, tonight, this_part_of_day, last_night, relative_period, month_of_relative_year, month_relative, quarter, half, season, season_year, fuzzy, year_end, within, ago, from_now, earlier, later, the_quarter, latest_quarter, year_ago_period, period_year_ago, last_years_period, the_weekend, day_before_after, that_day, day_around_yesterday, quarter_of_relative_year, year_quarter, the_year_ended, the_fiscal_year, the_full_year, nth_day_today, year_ago_length, half_of_decade, anaphoric_part_of_day, latest_year>();
  return table;
}

}  // namespace timeline::grammar::rules
