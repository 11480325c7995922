// SPDX-License-Identifier: MIT
#include <timeline/engine/timeline.hpp>

#include <timeline/grammar/mention.hpp>

namespace timeline::engine {

std::string_view to_string(dct_origin o) noexcept {
  switch (o) {
    case dct_origin::given: return "given";
    case dct_origin::inferred: return "inferred";
    case dct_origin::unknown: return "unknown";
  }
  return "unknown";
}

std::pair<std::string, grammar::grain> best_value(date::sys_days earliest, date::sys_days latest, grammar::grain finest) {
  date::year_month_day const a{earliest};
  date::year_month_day const b{latest};
  if (earliest == latest && finest <= grammar::grain::day) return {grammar::day_value(earliest), grammar::grain::day};
  if (a.year() == b.year() && a.month() == b.month() && finest <= grammar::grain::month) {
    return {grammar::month_value(static_cast<int>(a.year()), static_cast<unsigned>(a.month())), grammar::grain::month};
  }
  if (a.year() == b.year()) return {grammar::year_value(static_cast<int>(a.year())), grammar::grain::year};
  return {grammar::day_value(earliest) + "/" + grammar::day_value(latest), grammar::grain::unspecified};
}

}  // namespace timeline::engine
