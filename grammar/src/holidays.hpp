// SPDX-License-Identifier: MIT
//
// Holidays with fixed and moveable dates, by index. The grammar records the index; resolve.cpp
// asks holiday_in(index, year) for the day. Easter is Gregorian (the anonymous algorithm of
// Meeus/Jones/Butcher); US holidays follow their statutory rules ("fourth Thursday of November").
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include <date/date.h>

namespace timeline::grammar {

struct holiday_entry {
  std::string_view name;  // lower case, as matched
  unsigned id;
};

// Every name the grammar accepts, with its holiday id (1-based).
std::span<holiday_entry const> holiday_names();

// The day of holiday `id` in `year`, or nullopt for an unknown id.
std::optional<date::sys_days> holiday_in(unsigned id, int year);

}  // namespace timeline::grammar
