// SPDX-License-Identifier: MIT
//
// Amount family: durations (three weeks, 48 hours, a decade, the past two weeks, more than two
// years), sets (every Monday, weekly, twice a year) and vague references (now, recently, soon,
// in recent weeks).
#include "../common.hpp"
#include "first_set.hpp"

namespace timeline::grammar::rules {
namespace {

using E = ast::expression;
using ast::modifier;
using ast::reference;
using ast::unit;
using x3::lit;

auto const duration = x3::eps[put(&E::what, ast::kind::duration)];
auto const set = x3::eps[put(&E::what, ast::kind::set)];
auto const ref = x3::eps[put(&E::what, ast::kind::reference)];
auto const the = kw("the");

struct adverb_sets : symbols<unit> {
  adverb_sets() {
    add("hourly", unit::hour)("daily", unit::day)("nightly", unit::day)("weekly", unit::week)("monthly", unit::month)
       ("annually", unit::year)("yearly", unit::year)("biweekly", unit::fortnight);
  }
};
adverb_sets const adverbs;

// Guarded: a duration is tried mostly at a number, where each branch's words failed in turn.
auto const amount_mod = guard[guard[(kw("about") | kw("around") | kw("approximately") | kw("roughly") | kw("some") | kw("almost") >> &x3::digit)[put(&E::mod, modifier::approx)]] |
                              guard[(kw("nearly") | kw("almost") | kw("less") >> kw("than") | kw("under") | kw("fewer") >> kw("than"))[put(&E::mod, modifier::less_than)]] |
                              guard[(kw("more") >> kw("than") | kw("upwards") >> kw("of"))[put(&E::mod, modifier::more_than)]] |
                              guard[(kw("at") >> kw("least") | kw("no") >> kw("less") >> kw("than"))[put(&E::mod, modifier::equal_or_more)]] |
                              guard[(kw("up") >> kw("to") | kw("at") >> kw("most") | kw("no") >> kw("more") >> kw("than"))[put(&E::mod, modifier::equal_or_less)]]];
// "two-year-old" is an age, not a duration.
// "two-year-old" and "52 years old" are ages; "a quarter point" is an amount.
auto const unit_word = word(units)[store(&E::count_unit)] >> !(lit('-') >> x3::alpha) >> !kw("old") >>
                       !(-(kw("of") >> -kw("a")) >> (kw("point") | kw("points") | kw("percentage")));

// "2 1/2 years": a whole number, then a half written as a fraction.
auto const plus_half = x3::lexeme[lit("1/2") >> !x3::alnum][([](auto& ctx) { expr(ctx).count += 0.5; })];
// "two more weeks", "an additional year": the length added is still a length (TBAQ tags 3 of 3).
auto const added = kw("more") | kw("additional") | kw("further") | kw("extra");
// "a minute and a half": PT1M30S, as "1 1/2 minutes".
auto const and_a_half = kw("and") >> kw("a") >> kw("half") >> x3::eps[([](auto& ctx) { expr(ctx).count += 0.5; })];
// "eight trading days", "five business days": a count of the days something is open is a length.
auto const kind_of_day = kw("trading") | kw("business") | kw("working") | kw("school");
auto const length = named("duration") >> -amount_mod >> -the >> count >> -plus_half >> -added >> -lit('-') >> -kind_of_day >> unit_word >>
                    -and_a_half >> duration;
struct plural_unit_names : symbols<unit> {
  plural_unit_names() {
    add("minutes", unit::minute)("hours", unit::hour)("days", unit::day)("weeks", unit::week)("months", unit::month)
       ("years", unit::year)("decades", unit::decade)("centuries", unit::century);
  }
};
plural_unit_names const plural_units;
// "the past two weeks" P2W, "the past week" P1W; plural units without a count are vague ("the first
// hours of the war" PTXH).
auto const span = named("duration_span") >> -amount_mod >> the >>
                  ((kw("past") | kw("last") | kw("previous") | kw("preceding"))[put(&E::span_past, true)] |
                   (kw("next") | kw("coming") | kw("following"))[put(&E::span_future, true)] | kw("first")) >>
                  (count >> unit_word | attempt[word(plural_units)[store(&E::count_unit)] >> x3::eps[put(&E::count_unknown, true)]] |
                   x3::eps[put(&E::count, 1.0)] >> unit_word) >>
                  duration;
// "for years": refine keeps it only after for/in/over/within (context.cpp).
// "recent weeks": a vague length in TimeML (PXW), as "several weeks".
auto const recent_units = named("recent_units") >> kw("recent") >> word(plural_units)[store(&E::count_unit)] >>
                          x3::eps[put(&E::count_unknown, true)] >> duration;
// "a day-long meeting", "a yearlong search", "a two-week-long strike", "decades-long": a length
// said as an adjective, vague when the unit is plural.
struct closed_long_names : symbols<unit> {
  closed_long_names() {
    add("hourlong", unit::hour)("daylong", unit::day)("weeklong", unit::week)("monthlong", unit::month)("yearlong", unit::year)
       ("decadelong", unit::decade);
  }
};
closed_long_names const closed_longs;
auto const unit_long = named("unit_long") >>
                       (x3::lexeme[lowered[plural_units][store(&E::count_unit)] >> lit("-long") >> !x3::alnum][put(&E::count_unknown, true)] |
                        word(closed_longs)[store(&E::count_unit)] |
                        -(count >> -lit('-')) >> x3::lexeme[lowered[units][store(&E::count_unit)] >> lit("-long") >> !x3::alnum]) >>
                       x3::eps[([](auto& ctx) {
                         if (expr(ctx).count == 0 && !expr(ctx).count_unknown) expr(ctx).count = 1;
                       })] >>
                       duration;
// "the weeks ahead", "the years to come", "in the years that followed", "over the years": a vague
// length of plural units, as "several weeks" (PXW). Not "the weeks before the vote", which TimeML
// tags as the date of those weeks.
auto const plural_units_span = named("plural_units_span") >>
                               (the >> word(plural_units)[store(&E::count_unit)] >>
                                    (kw("ahead") | kw("to") >> kw("come") | &(kw("that") >> (kw("followed") | kw("follow")))) |
                                kw("over") >> mark >> the >> kw("years")[put(&E::count_unit, unit::year)]) >>
                               x3::eps[put(&E::count_unknown, true)] >> duration;
auto const bare_units = named("bare_units") >> word(plural_units)[store(&E::count_unit)] >> x3::eps[put(&E::count_unknown, true)] >> duration;
auto const every = named("every") >> (kw("every")[put(&E::every, true)] | kw("each")[put(&E::each, true)]) >>
                   (weekday_word[store(&E::weekday)] | word(parts_of_day)[store(&E::part_of_day)] | word(seasons)[store(&E::season)] |
                    x3::lexeme[lowered[months] >> !x3::alnum][store(&E::month)] | kw("other") >> unit_word[put(&E::count, 2.0)] |
                    -count >> unit_word) >>
                   set;
auto const adverb = named("set_adverb") >> word(adverbs)[store(&E::count_unit)] >> set;
auto const times_per = named("times_per") >>
                       (kw("once")[put(&E::times, 1U)] | kw("twice")[put(&E::times, 2U)] |
                        x3::lexeme[x3::uint_[store(&E::times)] >> !x3::alnum] >> kw("times") |
                        x3::lexeme[lowered[numbers] >> !x3::alnum][store(&E::times)] >> kw("times")) >> (kw("a") | kw("per") | kw("an") | kw("each") | kw("every")) >>
                       unit_word >> set;

auto const present = named("present_ref") >>
                     (kw("now") | kw("currently") | kw("presently") | kw("nowadays") | kw("right") >> kw("now") | kw("just") >> kw("now") |
                      kw("at") >> kw("present") | kw("these") >> kw("days") | kw("at") >> mark >> the >> kw("moment") |
                      // "at this crucial moment", "at this very moment" (TBAQ 1 of 1)
                      kw("at") >> mark >> kw("this") >> -(!kw("moment") >> x3::lexeme[+x3::alpha >> !x3::alnum]) >> kw("moment") |
                      kw("the") >> kw("present") >> !kw("day"))[put(&E::ref, reference::present)] >> ref;
// POLICY: "current" is PRESENT_REF in the TimeML corpora, alone ("current and former officials")
//   and before the noun it dates ("current market conditions", "his current position": TBAQ tags
//   9 of 16 such adjectives, and a rule right more than 41% of the time raises value F1). Not in
//   "current account" (a balance), nor before a unit ("the current quarter" is another rule's),
//   nor after "then" ("the then current price" is PAST_REF).
auto const current = named("present_ref") >> kw("current")[put(&E::ref, reference::present)] >>
                     (&(kw("and") | kw("or") | lit(',') | lit('.')) |
                      !(kw("account") | kw("accounts") | word(units) | kw("fiscal") | kw("weekend") | kw("season")) >> &x3::alpha) >>
                     ref;
auto const past = named("past_ref") >>
                  (kw("recently") | kw("lately") | kw("in") >> mark >> the >> kw("past") >> !(count | word(units)) |
                   kw("the") >> kw("past") >> !(count | word(units)) |
                   kw("former") >> kw("times"))[put(&E::ref, reference::past)] >> ref;
// "future quarters", "past years": periods counted forward or back from now without a count, as
// TimeML tags "the coming weeks" (TBAQ: "in future quarters" and "in past years", 2 of 2 tagged,
// FUTURE_REF and PAST_REF). "the near term", "the short term", "the long term" as nouns and "at a
// later date" are the future (TBAQ 3 of 3). The compound adjective "near-term earnings" is not a
// time (TBAQ tags none of 17 "-term" adjectives), nor "the long term value" before a noun.
auto const plural_periods = kw("days") | kw("weeks") | kw("months") | kw("quarters") | kw("years") | kw("decades");
auto const term_end = (!x3::alpha) | &(kw("and") | kw("but") | kw("as") | kw("if") | kw("it") | kw("is") | kw("are") | kw("will") | kw("we") |
                                     kw("they") | kw("he") | kw("she") | kw("to") | kw("because") | kw("the"));
auto const future = named("future_ref") >>
                    (kw("soon") | kw("in") >> mark >> the >> -kw("near") >> kw("future") | the >> -kw("near") >> kw("future") |
                     -the >> kw("coming") >> (kw("days") | kw("weeks") | kw("months") | kw("quarters") | kw("years")) |
                     kw("in") >> mark >> -the >> kw("coming") >> (kw("days") | kw("weeks") | kw("months") | kw("quarters") | kw("years")) |
                     kw("future") >> plural_periods | the >> (kw("near") | kw("short") | kw("long")) >> kw("term") >> term_end |
                     kw("at") >> mark >> (kw("a") | kw("some")) >> (kw("later") | kw("future")) >> kw("date"))[put(&E::ref, reference::future)] >>
                    ref;
auto const past_periods = named("past_ref") >> kw("past")[put(&E::ref, reference::past)] >> plural_periods >> ref;
// "Islam will one day be the second religion": "one day" after a modal is some day to come, not a
// length (TBAQ: 1 of 1 such is FUTURE_REF).
auto const one_day_future = named("future_ref") >>
                            (kw("will") | kw("would") | kw("could") | kw("might") | kw("may") | kw("can") | kw("shall") | kw("should")) >>
                            mark >> kw("one")[put(&E::ref, reference::future)] >> kw("day") >> !kw("of") >> ref;

}  // namespace

std::vector<std::string> number_followers() {
  // The words a number can be followed by inside a production: a unit ("48 hours", "10-year"), a
  // month ("13 August", "13 of August"), a meridiem ("10 a.m.", "10 pm"), "o'clock", and "times"
  // ("3 times a week"), the part of day of "4 in the morning", "10 at night", the kind of day of
  // "5 working days", and the length added in "5 more years". Read from the same tables the
  // productions use.
  start_set followers = first_set(units);
  first_detail::merge(followers, first_set(months));
  first_detail::merge(followers, first_set(lit("a.m.") | lit("p.m.") | lit("am") | lit("pm") | lit("o'clock") | lit("of") | lit("times") | lit("in") | lit("at")));
  first_detail::merge(followers, first_set(kind_of_day));
  first_detail::merge(followers, first_set(added));
  return followers.words;
}

std::span<production const> amount_productions() {
  // References first: "the coming weeks" is FUTURE_REF, not the duration "the coming week(s)".
  static std::vector<production> const table = production_table<present, current, past, future, one_day_future, past_periods, length, span, recent_units, unit_long, plural_units_span, bare_units, every, adverb, times_per>();
  return table;
}

}  // namespace timeline::grammar::rules
