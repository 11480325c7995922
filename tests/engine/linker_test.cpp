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

}  // namespace
