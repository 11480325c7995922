// SPDX-License-Identifier: MIT
#include <timeline/engine/timeline.hpp>

#include <cstdio>

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
  char buffer[32];
  if (earliest == latest && finest <= grammar::grain::day) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(a.year()), static_cast<unsigned>(a.month()),
                  static_cast<unsigned>(a.day()));
    return {buffer, grammar::grain::day};
  }
  if (a.year() == b.year() && a.month() == b.month() && finest <= grammar::grain::month) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(a.year()), static_cast<unsigned>(a.month()));
    return {buffer, grammar::grain::month};
  }
  if (a.year() == b.year()) {
    std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(a.year()));
    return {buffer, grammar::grain::year};
  }
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u/%04d-%02u-%02u", static_cast<int>(a.year()),
                static_cast<unsigned>(a.month()), static_cast<unsigned>(a.day()), static_cast<int>(b.year()),
                static_cast<unsigned>(b.month()), static_cast<unsigned>(b.day()));
  return {buffer, grammar::grain::unspecified};
}

}  // namespace timeline::engine
