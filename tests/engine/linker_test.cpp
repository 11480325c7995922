// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <timeline/engine/linker.hpp>

namespace {

using namespace timeline::engine;
using timeline::grammar::day_interval;
using timeline::grammar::grain;
using namespace date::literals;

day_interval month(date::year y, unsigned m) {
  date::sys_days const first{y / date::month{m} / 1};
  date::sys_days const last{y / date::month{m} / date::last};
  return {first, last};
}

TEST(LinkerCompare, SameEventWhenEvidenceAndTimesAgree) {
  auto const c = compare({"visit", {"Sergei Shoigu"}, "Pyongyang"}, month(2023_y, 7), grain::month,
                         {"meet", {"Kim Jong Un", "Sergei Shoigu"}, ""}, month(2023_y, 7), grain::month);
  EXPECT_EQ(c.verdict, link_verdict::same) << c.reason;
  EXPECT_NE(c.reason.find("shared participants Sergei Shoigu"), std::string::npos);
}

TEST(LinkerCompare, NeighbouringMonthsAreOneEventInConflict) {
  // "last month" said in September against "in July": one visit, misdated by one side.
  auto const c = compare({"visit", {"Sergei Shoigu"}, "Pyongyang"}, month(2023_y, 8), grain::month,
                         {"visit", {"Sergei Shoigu"}, "Pyongyang"}, month(2023_y, 7), grain::month);
  EXPECT_EQ(c.verdict, link_verdict::contradiction) << c.reason;
}

TEST(LinkerCompare, YearsApartAreTwoEvents) {
  auto const c = compare({"visit", {"Kim Jong Un"}, "Russia"}, day_interval{2019_y / 1 / 1, 2019_y / 12 / 31}, grain::year,
                         {"visit", {"Kim Jong Un"}, "Vladivostok"}, month(2023_y, 9), grain::month);
  EXPECT_EQ(c.verdict, link_verdict::different);
  EXPECT_NE(c.reason.find("days apart"), std::string::npos) << c.reason;
}

TEST(LinkerCompare, DifferentPlacesOrPeopleOrClassesRefuse) {
  EXPECT_EQ(evidence({"meet", {"Donald Trump", "Vladimir Putin"}, "Alaska"}, {"meet", {"Donald Trump", "Vladimir Putin"}, "White House"}).verdict,
            link_verdict::different);
  EXPECT_EQ(evidence({"meet", {"A B", "C D"}, ""}, {"meet", {"A B", "E F"}, ""}).verdict, link_verdict::different);
  EXPECT_EQ(evidence({"call", {"A B"}, ""}, {"meet", {"A B"}, ""}).verdict, link_verdict::different);
  EXPECT_EQ(evidence({"event", {"A B"}, ""}, {"event", {"A B"}, ""}).verdict, link_verdict::different);
}

TEST(LinkerCompare, UnknownTimeNeverClashes) {
  auto const c = compare({"meet", {"A B"}, ""}, std::nullopt, grain::unspecified, {"meet", {"A B"}, ""}, month(2023_y, 9), grain::month);
  EXPECT_EQ(c.verdict, link_verdict::same);
}

TEST(LinkerCompare, ToleranceFollowsTheCoarserGrain) {
  EXPECT_EQ(clash_tolerance(grain::day, grain::day), date::days{3});
  EXPECT_EQ(clash_tolerance(grain::day, grain::month), date::days{31});
  EXPECT_EQ(clash_tolerance(grain::year, grain::month), date::days{366});
}


TEST(LinkerCompare, NamelessSideLinksOnlyOnTheSameSingleDay) {
  date::sys_days const d{2025_y / 3 / 5};
  day_interval const day{d, d};
  day_interval const next{d + date::days{1}, d + date::days{1}};
  auto const same = compare({"strike", {}, ""}, day, grain::day, {"strike", {"Railway Drivers Association"}, ""}, day, grain::day);
  EXPECT_EQ(same.verdict, link_verdict::same) << same.reason;
  EXPECT_TRUE(same.weak);
  // A day apart is two strikes, not a contradiction: the class alone cannot carry a clash.
  auto const apart = compare({"strike", {}, ""}, next, grain::day, {"strike", {"Railway Drivers Association"}, ""}, day, grain::day);
  EXPECT_EQ(apart.verdict, link_verdict::different) << apart.reason;
  // Month grain is not a single day.
  auto const vague = compare({"strike", {}, ""}, month(2025_y, 3), grain::month, {"strike", {}, ""}, month(2025_y, 3), grain::month);
  EXPECT_EQ(vague.verdict, link_verdict::different) << vague.reason;
  // Sayings never link on the class alone; compatible classes do not either.
  EXPECT_EQ(compare({"statement", {}, ""}, day, grain::day, {"statement", {"A B"}, ""}, day, grain::day).verdict,
            link_verdict::different);
  EXPECT_EQ(compare({"visit", {}, ""}, day, grain::day, {"meet", {"A B"}, ""}, day, grain::day).verdict, link_verdict::different);
}

}  // namespace
