// SPDX-License-Identifier: MIT
#include "holidays.hpp"

#include <array>

namespace timeline::grammar {
namespace {

using namespace date;  // NOLINT: calendar literals read best unqualified here; no std::chrono in scope

enum : unsigned {
  christmas = 1, christmas_eve, new_years_day, new_years_eve, independence_day, halloween, valentines_day, easter,
  easter_monday, good_friday, thanksgiving, labor_day, memorial_day, mlk_day, veterans_day, boxing_day, mothers_day,
  fathers_day, presidents_day, st_patricks_day, election_day,
};

constexpr std::array<holiday_entry, 44> names{{
    {"christmas day", christmas}, {"christmas", christmas}, {"xmas", christmas}, {"christmas eve", christmas_eve},
    {"new year's day", new_years_day}, {"new year’s day", new_years_day}, {"new years day", new_years_day},
    {"new year's eve", new_years_eve}, {"new year’s eve", new_years_eve}, {"new years eve", new_years_eve},
    {"new year's", new_years_day}, {"new year’s", new_years_day},
    {"independence day", independence_day}, {"fourth of july", independence_day}, {"the fourth of july", independence_day},
    {"halloween", halloween}, {"valentine's day", valentines_day}, {"valentine’s day", valentines_day},
    {"easter sunday", easter}, {"easter", easter}, {"easter monday", easter_monday}, {"good friday", good_friday},
    {"thanksgiving day", thanksgiving}, {"thanksgiving", thanksgiving}, {"labor day", labor_day}, {"labour day", labor_day},
    {"memorial day", memorial_day}, {"martin luther king day", mlk_day}, {"martin luther king jr. day", mlk_day},
    {"veterans day", veterans_day}, {"veterans' day", veterans_day}, {"veteran's day", veterans_day},
    {"boxing day", boxing_day}, {"mother's day", mothers_day}, {"mother’s day", mothers_day}, {"father's day", fathers_day},
    {"father’s day", fathers_day}, {"presidents' day", presidents_day}, {"presidents day", presidents_day},
    {"president's day", presidents_day}, {"st. patrick's day", st_patricks_day}, {"st patrick's day", st_patricks_day},
    {"saint patrick's day", st_patricks_day}, {"election day", election_day},
}};

// Gregorian Easter Sunday (Meeus/Jones/Butcher). Ranges as in date.h.
sys_days easter_sunday(int y) {
  int const a = y % 19;                      // [0, 18]
  int const b = y / 100;
  int const c = y % 100;                     // [0, 99]
  int const d = b / 4;
  int const e = b % 4;                       // [0, 3]
  int const f = (b + 8) / 25;
  int const g = (b - f + 1) / 3;
  int const h = (19 * a + b - d - g + 15) % 30;  // [0, 29]
  int const i = c / 4;
  int const k = c % 4;                       // [0, 3]
  int const l = (32 + 2 * e + 2 * i - h - k) % 7;  // [0, 6]
  int const m = (a + 11 * h + 22 * l) / 451;
  int const month_number = (h + l - 7 * m + 114) / 31;  // [3, 4]
  int const day_number = (h + l - 7 * m + 114) % 31 + 1;
  return sys_days{year{y} / month(static_cast<unsigned>(month_number)) / day(static_cast<unsigned>(day_number))};
}

sys_days nth(int y, month m, weekday wd, unsigned n) { return sys_days{year{y} / m / wd[n]}; }
sys_days last_weekday(int y, month m, weekday wd) { return sys_days{year{y} / m / wd[last]}; }

}  // namespace

std::span<holiday_entry const> holiday_names() { return names; }

std::optional<sys_days> holiday_in(unsigned id, int y) {
  year const Y{y};
  switch (id) {
    case christmas: return sys_days{Y / December / 25};
    case christmas_eve: return sys_days{Y / December / 24};
    case new_years_day: return sys_days{Y / January / 1};
    case new_years_eve: return sys_days{Y / December / 31};
    case independence_day: return sys_days{Y / July / 4};
    case halloween: return sys_days{Y / October / 31};
    case valentines_day: return sys_days{Y / February / 14};
    case easter: return easter_sunday(y);
    case easter_monday: return easter_sunday(y) + days{1};
    case good_friday: return easter_sunday(y) - days{2};
    case thanksgiving: return nth(y, November, Thursday, 4);
    case labor_day: return nth(y, September, Monday, 1);
    case memorial_day: return last_weekday(y, May, Monday);
    case mlk_day: return nth(y, January, Monday, 3);
    case veterans_day: return sys_days{Y / November / 11};
    case boxing_day: return sys_days{Y / December / 26};
    case mothers_day: return nth(y, May, Sunday, 2);
    case fathers_day: return nth(y, June, Sunday, 3);
    case presidents_day: return nth(y, February, Monday, 3);
    case st_patricks_day: return sys_days{Y / March / 17};
    case election_day: return nth(y, November, Monday, 1) + days{1};
    default: return std::nullopt;
  }
}

}  // namespace timeline::grammar
