// SPDX-License-Identifier: MIT
//
// Holiday family: Christmas Day, New Year's Eve, Easter, Thanksgiving..., with an optional year
// ("Christmas 2023") or direction ("last Christmas").
#include "../common.hpp"
#include "first_set.hpp"
#include "../holidays.hpp"

namespace timeline::grammar::rules {
namespace {

using E = ast::expression;
using ast::direction;
using x3::lit;

struct holiday_symbols : symbols<unsigned> {
  holiday_symbols() {
    for (auto const& entry : holiday_names()) add(entry.name, entry.id);
  }
};
holiday_symbols const holidays;

auto const calendar = x3::eps[put(&E::what, ast::kind::calendar)];
auto const direction_word = (kw("last") | kw("past"))[put(&E::dir, direction::past)] | (kw("next") | kw("coming"))[put(&E::dir, direction::future)] |
                            kw("this")[put(&E::dir, direction::nearest_this)];
// "Easter week", "Christmas week": the week that holds the holiday (TBAQ 1 of 1, 2000-W16).
auto const holiday = named("holiday") >> -direction_word >> x3::lexeme[lowered[holidays] >> !x3::alnum][store(&E::holiday)] >>
                     -kw("week")[put(&E::week_of, true)] >> -(-lit(',') >> year_number[set_year]) >> calendar;

}  // namespace

std::span<production const> holiday_productions() {
  static std::vector<production> const table = production_table<holiday>();
  return table;
}

}  // namespace timeline::grammar::rules
