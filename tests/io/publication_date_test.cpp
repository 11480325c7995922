// SPDX-License-Identifier: MIT
//
// The publication-date reader: every written form it accepts, what it refuses, and where in a
// plain text it looks.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/io/publication_date.hpp>

namespace {

namespace io = timeline::io;
namespace engine = timeline::engine;
using namespace date::literals;

struct date_case {
  char const* text;
  date::year_month_day ymd;
  int minutes;  // -1: no time of day
};

class ParseDate : public ::testing::TestWithParam<date_case> {};

TEST_P(ParseDate, ReadsTheWholeText) {
  auto const& c = GetParam();
  auto const r = io::parse_date(c.text);
  ASSERT_TRUE(r.has_value()) << c.text;
  EXPECT_EQ(r->ymd, c.ymd) << c.text;
  if (c.minutes < 0) {
    EXPECT_FALSE(r->time_of_day.has_value()) << c.text;
  } else {
    ASSERT_TRUE(r->time_of_day.has_value()) << c.text;
    EXPECT_EQ(r->time_of_day->count(), c.minutes) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseDate,
    ::testing::Values(date_case{"2025-08-13", 2025_y / 8 / 13, -1},
                      date_case{"2025-08-13T22:35:00+09:00", 2025_y / 8 / 13, 22 * 60 + 35},
                      date_case{"2025-08-13T22:35:00.000Z", 2025_y / 8 / 13, 22 * 60 + 35},
                      date_case{"2025/08/13 22:35", 2025_y / 8 / 13, 22 * 60 + 35},
                      date_case{"Aug. 13, 2025", 2025_y / 8 / 13, -1},
                      date_case{"August 13th, 2025", 2025_y / 8 / 13, -1},
                      date_case{"Mon September 4, 2023", 2023_y / 9 / 4, -1},
                      date_case{"Mon September 4, 2023 10:52 AM", 2023_y / 9 / 4, 10 * 60 + 52},
                      date_case{"10:52 AM EDT, Mon September 4, 2023", 2023_y / 9 / 4, 10 * 60 + 52},
                      date_case{"13 August 2025", 2025_y / 8 / 13, -1},
                      date_case{"Wed, 13 Aug 2025 22:35:00 GMT", 2025_y / 8 / 13, 22 * 60 + 35},
                      date_case{"08/13/2025", 2025_y / 8 / 13, -1},
                      date_case{"13/08/2025", 2025_y / 8 / 13, -1},
                      date_case{"13.08.2025", 2025_y / 8 / 13, -1},
                      date_case{"Sept. 4, 2023 at 9:30 p.m.", 2023_y / 9 / 4, 21 * 60 + 30},
                      date_case{"  2025-08-13  ", 2025_y / 8 / 13, -1}));

TEST(ParseDateRefuses, TextThatIsNotOneDate) {
  for (char const* text : {"", "yesterday", "August 2025", "13 August", "2025", "2025-08-13 and more",
                           "Marching 3, 2025", "25:00 2025-08-13x", "2025-8"}) {
    EXPECT_FALSE(io::parse_date(text).has_value()) << text;
  }
}

TEST(ParseDateRefuses, ImpossibleDatesAreReadButNotOk) {
  auto const r = io::parse_date("2025-02-30");
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->ymd.ok());
  EXPECT_NE(io::date_problem(*r, date::sys_days{2025_y / 9 / 1}).find("impossible"), std::string::npos);
}

TEST(DateProblem, FutureBeyondOneDayOfSlack) {
  date::sys_days const today{2025_y / 9 / 1};
  EXPECT_EQ(io::date_problem(*io::parse_date("2025-09-02"), today), "");
  EXPECT_NE(io::date_problem(*io::parse_date("2025-09-03"), today), "");
}

TEST(FindDate, FindsTheFirstDateInALine) {
  auto const r = io::find_date("Updated 10:52 AM EDT, Mon September 4, 2023");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->ymd, 2023_y / 9 / 4);
  EXPECT_EQ(r->begin, 8U);
}

date::sys_days const today{2025_y / 9 / 1};

TEST(DetectPublicationDate, HeaderLineWithLabel) {
  auto const d = io::detect_publication_date("Published on: 2025/08/13 22:35\nPutin spoke to Kim.", {}, today);
  EXPECT_EQ(d.dct.source, engine::dct_source::header);
  EXPECT_EQ(d.dct.day, date::sys_days{2025_y / 8 / 13});
  EXPECT_EQ(d.dct.text, "2025/08/13 22:35");
  ASSERT_EQ(d.lines.size(), 1U);
  EXPECT_EQ(d.lines[0], (engine::text_span{0, 30}));
}

TEST(DetectPublicationDate, DatelineOfTheFirstParagraph) {
  auto const d = io::detect_publication_date(
      "WASHINGTON, Aug. 13, 2025 (Reuters) - Officials said on Tuesday that the talks would go ahead as planned.",
      {}, today);
  EXPECT_EQ(d.dct.source, engine::dct_source::dateline);
  EXPECT_EQ(d.dct.day, date::sys_days{2025_y / 8 / 13});
}

TEST(DetectPublicationDate, DatesInProseOrBoilerplateAreNotTheDct) {
  EXPECT_EQ(io::detect_publication_date("The report, published on Aug. 3, 2021, said much.\nMore.", {}, today)
                .dct.source,
            engine::dct_source::none);
  std::string const text = "Kim met Putin.\n2025-05-06 06:03 1447 views\n2025-05-06 05:34 1936 views";
  std::vector<engine::boilerplate_span> const furniture{{{15, text.size()}, engine::boilerplate_kind::related}};
  EXPECT_EQ(io::detect_publication_date(text, furniture, today).dct.source, engine::dct_source::none);
}

TEST(DetectPublicationDate, ImpossibleHeaderDateIsAnIssueNotADct) {
  auto const d = io::detect_publication_date("Date: 2025-02-30\nText.", {}, today);
  EXPECT_EQ(d.dct.source, engine::dct_source::none);
  ASSERT_EQ(d.issues.size(), 1U);
  EXPECT_EQ(d.issues[0].place, "line 1");
}

}  // namespace
