// SPDX-License-Identifier: MIT
//
// Exhaustive weekday tables in the style of date's weekday.pass.cpp: for every publication weekday
// (rows, Monday..Sunday) and every target weekday (columns, Monday..Sunday), "last <target>",
// "this <target>" and "next <target>" must resolve to pub + table[row][column] days.
//
// POLICY (the brief, and weekday.jsonl):
//   last X  the most recent X strictly before pub          (-7..-1: "last Friday" said on a Friday is a week ago)
//   next X  the first X strictly after pub                  (+1..+7: "next Tuesday" said on a Monday is tomorrow)
//   this X  the X of pub's ISO week, Monday..Sunday         (-6..+6: "this Monday" said on a Sunday is six days ago)
// Each table is checked in three publication weeks: an ordinary one (2025-W33), one that crosses a
// year boundary (2025-W01 = 2024-12-30..2025-01-05) and a 53rd ISO week (2020-W53 = 2020-12-28..2021-01-03).
#include <array>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include <gtest/gtest.h>

#include <date/date.h>

#include <timeline/grammar/extract.hpp>

namespace timeline::grammar {
namespace {

using table = std::array<std::array<int, 7>, 7>;  // [pub weekday][target weekday], Monday = 0

// clang-format off
constexpr table last_offsets{{
  //  Mon Tue Wed Thu Fri Sat Sun    <- target; pub:
    {{ -7, -6, -5, -4, -3, -2, -1 }},  // Mon
    {{ -1, -7, -6, -5, -4, -3, -2 }},  // Tue
    {{ -2, -1, -7, -6, -5, -4, -3 }},  // Wed
    {{ -3, -2, -1, -7, -6, -5, -4 }},  // Thu
    {{ -4, -3, -2, -1, -7, -6, -5 }},  // Fri
    {{ -5, -4, -3, -2, -1, -7, -6 }},  // Sat
    {{ -6, -5, -4, -3, -2, -1, -7 }},  // Sun
}};

constexpr table this_offsets{{
  //  Mon Tue Wed Thu Fri Sat Sun
    {{  0,  1,  2,  3,  4,  5,  6 }},  // Mon
    {{ -1,  0,  1,  2,  3,  4,  5 }},  // Tue
    {{ -2, -1,  0,  1,  2,  3,  4 }},  // Wed
    {{ -3, -2, -1,  0,  1,  2,  3 }},  // Thu
    {{ -4, -3, -2, -1,  0,  1,  2 }},  // Fri
    {{ -5, -4, -3, -2, -1,  0,  1 }},  // Sat
    {{ -6, -5, -4, -3, -2, -1,  0 }},  // Sun
}};

constexpr table next_offsets{{
  //  Mon Tue Wed Thu Fri Sat Sun
    {{  7,  1,  2,  3,  4,  5,  6 }},  // Mon
    {{  6,  7,  1,  2,  3,  4,  5 }},  // Tue
    {{  5,  6,  7,  1,  2,  3,  4 }},  // Wed
    {{  4,  5,  6,  7,  1,  2,  3 }},  // Thu
    {{  3,  4,  5,  6,  7,  1,  2 }},  // Fri
    {{  2,  3,  4,  5,  6,  7,  1 }},  // Sat
    {{  1,  2,  3,  4,  5,  6,  7 }},  // Sun
}};
// clang-format on

// The hand-written tables agree with the arithmetic they stand for: pub + offset lands on the
// target, within the stated range.
constexpr bool consistent(table const& t, int lo, int hi) {
  for (int p = 0; p < 7; ++p) {
    for (int x = 0; x < 7; ++x) {
      int const off = t[p][x];
      if (off < lo || off > hi || ((p + off) % 7 + 7) % 7 != x) return false;
    }
  }
  return true;
}
static_assert(consistent(last_offsets, -7, -1));
static_assert(consistent(next_offsets, 1, 7));
static_assert(consistent(this_offsets, -6, 6));
static_assert(last_offsets[1][4] == -4, "Duckling: last Friday from Tuesday 2013-02-12 is 2013-02-08");

// Value-type properties the tests rely on (date's weekday.pass.cpp pins its own the same way).
static_assert(std::is_nothrow_move_constructible_v<temporal_mention>);
static_assert(std::is_copy_assignable_v<temporal_mention>);
static_assert(std::is_trivially_copyable_v<day_interval>);
static_assert(!std::is_convertible_v<unsigned, date::weekday>);

constexpr std::array<char const*, 7> names{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                           "Sunday"};

// Mondays of the publication weeks the tables are checked in.
std::vector<date::sys_days> const week_starts{
    date::sys_days{date::year{2025} / 8 / 11},   // 2025-W33
    date::sys_days{date::year{2024} / 12 / 30},  // 2025-W01, across New Year
    date::sys_days{date::year{2020} / 12 / 28},  // 2020-W53, across New Year
};

std::string iso(date::sys_days d) { return date::format("%F", d); }

void check_table(char const* keyword, table const& offsets) {
  for (auto const monday : week_starts) {
    for (std::size_t p = 0; p < 7; ++p) {
      auto const pub = monday + date::days{static_cast<int>(p)};
      for (std::size_t x = 0; x < 7; ++x) {
        std::string const text = std::string{keyword} + ' ' + names[x];
        auto const expected = iso(pub + date::days{offsets[p][x]});
        SCOPED_TRACE("\"" + text + "\" with pub " + iso(pub) + " (" + names[p] + ")");
        auto const found = extract(text, reference_time{pub, std::nullopt});
        ASSERT_EQ(found.size(), 1U);
        auto const& m = found.front();
        EXPECT_EQ(m.begin, 0U);
        EXPECT_EQ(m.end, text.size());
        EXPECT_EQ(m.type, timex_type::date);
        EXPECT_EQ(m.value, expected);
        ASSERT_TRUE(m.when.has_value());
        EXPECT_EQ(iso(m.when->earliest), expected);
        EXPECT_EQ(iso(m.when->latest), expected);
        EXPECT_EQ(m.granularity, grain::day);
        EXPECT_EQ(m.anchor, anchor_kind::dct);
        EXPECT_TRUE(m.stated.contains(field::weekday));
      }
    }
  }
}

TEST(WeekdayTable, LastIsStrictlyBeforePub) { check_table("last", last_offsets); }
TEST(WeekdayTable, ThisIsInPubIsoWeek) { check_table("this", this_offsets); }
TEST(WeekdayTable, NextIsStrictlyAfterPub) { check_table("next", next_offsets); }

// The keyword is case-insensitive; checked on one row so a failure stays readable.
TEST(WeekdayTable, KeywordsIgnoreCase) {
  auto const pub = date::sys_days{date::year{2013} / 2 / 12};  // Tuesday, Duckling's reference
  for (auto const* text : {"LAST FRIDAY", "Last Friday", "last friday"}) {
    SCOPED_TRACE(text);
    auto const found = extract(text, reference_time{pub, std::nullopt});
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found.front().value, "2013-02-08");
  }
}

}  // namespace
}  // namespace timeline::grammar
