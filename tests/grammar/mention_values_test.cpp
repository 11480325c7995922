// SPDX-License-Identifier: MIT
//
// The TIMEX3 calendar values of mention.hpp against date's own calendar: day_value() converts days
// with its own arithmetic (mention.cpp, civil_from_days), which must agree with
// date::year_month_day on every day of date::year's range, and fall back to it beyond.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include <date/date.h>

#include <timeline/grammar/mention.hpp>

namespace timeline::grammar {
namespace {

// ISO 8601 as TIMEX3 writes it: at least four digits of year, a sign before a negative one.
std::string reference_day_value(date::sys_days day) {
  date::year_month_day const ymd{day};
  int const year = static_cast<int>(ymd.year());
  char text[32];
  std::snprintf(text, sizeof text, "%s%04d-%02u-%02u", year < 0 ? "-" : "", std::abs(year), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return text;
}

TEST(DayValue, AgreesWithDateOnEveryDayOfTheTaggedMillennia) {
  date::sys_days const last{date::year{3000} / date::December / 31};
  for (date::sys_days day{date::year{1000} / date::January / 1}; day <= last; day += date::days{1}) {
    ASSERT_EQ(day_value(day), reference_day_value(day)) << day.time_since_epoch().count();
  }
}

TEST(DayValue, AgreesWithDateAcrossTheWholeYearRange) {
  date::sys_days const first{date::year::min() / date::January / 1};
  date::sys_days const last{date::year::max() / date::December / 31};
  // A step prime to 7, 30, 365 and 146097 lands on every weekday, month day and leap position.
  for (date::sys_days day = first; day <= last; day += date::days{101}) {
    ASSERT_EQ(day_value(day), reference_day_value(day)) << day.time_since_epoch().count();
  }
  for (date::sys_days const day : {first, first + date::days{1}, last - date::days{1}, last}) {
    EXPECT_EQ(day_value(day), reference_day_value(day)) << day.time_since_epoch().count();
  }
  EXPECT_EQ(day_value(first), "-32767-01-01");
  EXPECT_EQ(day_value(last), "32767-12-31");
}

TEST(DayValue, LeapDaysAndCenturies) {
  using namespace date::literals;
  EXPECT_EQ(day_value(date::sys_days{2000_y / date::February / 29}), "2000-02-29");
  EXPECT_EQ(day_value(date::sys_days{2024_y / date::February / 29}), "2024-02-29");
  EXPECT_EQ(day_value(date::sys_days{1900_y / date::March / 1} - date::days{1}), "1900-02-28");
  EXPECT_EQ(day_value(date::sys_days{1970_y / date::January / 1}), "1970-01-01");
  EXPECT_EQ(day_value(date::sys_days{0_y / date::January / 1}), "0000-01-01");
  EXPECT_EQ(day_value(date::sys_days{0_y / date::January / 1} - date::days{1}), "-0001-12-31");
}

TEST(DayValue, BeyondTheYearRangeIsDatesOwnConversion) {
  date::sys_days const first{date::year::min() / date::January / 1};
  date::sys_days const last{date::year::max() / date::December / 31};
  for (date::sys_days const day : {first - date::days{1}, first - date::days{400}, last + date::days{1}, last + date::days{400}}) {
    EXPECT_EQ(day_value(day), reference_day_value(day)) << day.time_since_epoch().count();
  }
}

TEST(DayValue, WrittenInPlaceAsInAString) {
  using namespace date::literals;
  char buffer[day_value_room];
  date::sys_days const day{2025_y / date::August / 13};
  char* const end = write_day_value(buffer, day);
  EXPECT_EQ(std::string(buffer, end), "2025-08-13");
}

TEST(YearAndMonthValue, PaddedToFourDigitsWithASign) {
  EXPECT_EQ(year_value(1998), "1998");
  EXPECT_EQ(year_value(7), "0007");
  EXPECT_EQ(year_value(0), "0000");
  EXPECT_EQ(year_value(-44), "-0044");
  EXPECT_EQ(year_value(12345), "12345");
  EXPECT_EQ(month_value(2025, 8), "2025-08");
  EXPECT_EQ(month_value(-44, 3), "-0044-03");
  EXPECT_EQ(month_value(2025, 12), "2025-12");
}

}  // namespace
}  // namespace timeline::grammar
