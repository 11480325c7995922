// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>

#include <timeline/engine/event.hpp>
#include <timeline/engine/tagging.hpp>

namespace {

using namespace timeline::engine;
using namespace date::literals;

struct read_events {
  document doc;
  std::vector<event_mention> events;
};

read_events events_of(std::string text, date::sys_days dct) {
  read_events r;
  r.doc.id = "t";
  r.doc.text = std::move(text);
  segment(r.doc);
  timeline::grammar::reference_time const ref{dct, std::nullopt};
  r.events = find_events(r.doc, tag(r.doc, ref), ref);
  return r;
}

TEST(EventMentions, TriggerClassParticipantsPlaceAndTime) {
  auto const r = events_of("Russian Defense Minister Sergei Shoigu traveled to Pyongyang last month.", date::sys_days{2023_y / 9 / 4});
  ASSERT_EQ(r.events.size(), 1U);
  auto const& e = r.events[0];
  EXPECT_EQ(e.trigger_text, "traveled");
  EXPECT_EQ(e.trigger_class, "visit");
  EXPECT_EQ(e.participants, std::vector<std::string>{"Sergei Shoigu"});
  EXPECT_EQ(e.place, "Pyongyang");
  EXPECT_EQ(e.mod, modality::reported);
  ASSERT_TRUE(e.timex && e.timex->when);
  EXPECT_EQ(e.timex->when->earliest, date::sys_days{2023_y / 8 / 1});
}

TEST(EventMentions, PlannedAndSpeculativeModality) {
  auto const planned = events_of("Putin is set to meet Trump in Alaska on Friday.", date::sys_days{2025_y / 8 / 13});
  ASSERT_EQ(planned.events.size(), 1U);
  EXPECT_EQ(planned.events[0].mod, modality::planned);
  EXPECT_EQ(planned.events[0].place, "Alaska");
  EXPECT_EQ(planned.events[0].participants, (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
  auto const maybe = events_of("Kim Jong Un may travel to Russia this month.", date::sys_days{2023_y / 9 / 4});
  ASSERT_EQ(maybe.events.size(), 1U);
  EXPECT_EQ(maybe.events[0].mod, modality::speculative);
}

TEST(EventMentions, ReportedSpeechCountsFromWhenItWasSaid) {
  // Published Thursday 2023-09-07; "Monday" is 2023-09-04, and "next week" counts from it.
  auto const r = events_of("Sergei Shoigu said on Monday the talks would resume next week.", date::sys_days{2023_y / 9 / 7});
  ASSERT_GE(r.events.size(), 2U);
  EXPECT_EQ(r.events[0].trigger_class, "statement");
  ASSERT_TRUE(r.events[0].timex && r.events[0].timex->when);
  EXPECT_EQ(r.events[0].timex->when->earliest, date::sys_days{2023_y / 9 / 4});
  auto const& talks = r.events[1];
  EXPECT_EQ(talks.trigger_class, "meet");
  ASSERT_TRUE(talks.said_at);
  ASSERT_TRUE(talks.timex && talks.timex->when);
  EXPECT_EQ(talks.timex->when->earliest, date::sys_days{2023_y / 9 / 11});  // the week after Monday's
  EXPECT_EQ(talks.mod, modality::planned);
}

TEST(EventMentions, OrderingCueLinksToTheEarlierEvent) {
  auto const r = events_of("Sergei Shoigu visited Pyongyang in July. Putin and Kim Jong Un swapped letters following Shoigu's visit.",
                           date::sys_days{2023_y / 9 / 4});
  ASSERT_EQ(r.events.size(), 2U);
  auto const& letters = r.events[1];
  EXPECT_EQ(letters.trigger_class, "correspondence");
  ASSERT_TRUE(letters.cue);
  EXPECT_EQ(letters.cue->relation, event_relation::after);
  EXPECT_EQ(letters.cue->target, std::optional<std::size_t>{0});
  EXPECT_EQ(letters.participants, (std::vector<std::string>{"Kim Jong Un", "Vladimir Putin"}));
}

TEST(EventMentions, RelationWordsBeforeTheExpression) {
  auto const r = events_of("The ministers met before Friday.", date::sys_days{2025_y / 8 / 13});
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].relation, event_relation::before);
}

TEST(EventMentions, SentenceWithoutDateOrCueGivesNothing) {
  EXPECT_TRUE(events_of("Kim Jong Un met Vladimir Putin.", date::sys_days{2023_y / 9 / 4}).events.empty());
}


TEST(EventMentions, QuotationCountsFromTheOccasionBeforeTheVerb) {
  // Published Wednesday 2024-10-09; the quote was spoken on Friday 2024-10-04, so its "Monday"
  // is 2024-10-07, not the Monday after publication.
  auto const r = events_of("At a staff meeting on Friday, chief executive Marit Dahl had told workers: \"The board will decide on Monday.\"",
                           date::sys_days{2024_y / 10 / 9});
  auto const it = std::find_if(r.events.begin(), r.events.end(), [](auto const& e) { return e.trigger_class == "decision"; });
  ASSERT_NE(it, r.events.end());
  ASSERT_TRUE(it->timex && it->timex->when);
  EXPECT_EQ(it->timex->when->earliest, date::sys_days{2024_y / 10 / 7});
  ASSERT_TRUE(it->said_at && it->said_at->when);
  EXPECT_EQ(it->said_at->when->earliest, date::sys_days{2024_y / 10 / 4});
}

TEST(EventMentions, DateInsideReportedClauseIsNotTheSaying) {
  auto const r = events_of("Dahl said demand for newsprint had fallen by a third since 2019.", date::sys_days{2024_y / 10 / 9});
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].trigger_class, "event");
}

TEST(EventMentions, ComplementAfterTheDateLosesToTheSubject) {
  auto const r = events_of("The Baltic Trade Council summit ended in Tallinn on Friday with a deal to lower port fees.",
                           date::sys_days{2025_y / 6 / 14});
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].trigger_class, "meet");
  // "ended ... on Friday": the date is the end of the summit.
  EXPECT_EQ(r.events[0].relation, event_relation::until);
  auto const storm = events_of("Storm Edda made landfall near the port of Kessary on Thursday, cutting power to 40,000 homes.",
                               date::sys_days{2025_y / 1 / 3});
  ASSERT_EQ(storm.events.size(), 1U);
  EXPECT_EQ(storm.events[0].trigger_class, "landfall");
}

TEST(EventMentions, CoordinatedDatesAreOneSpan) {
  auto const r = events_of("Leaders will hold their annual summit in Tallinn on June 12 and 13.", date::sys_days{2025_y / 6 / 2});
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_TRUE(r.events[0].spans);
  ASSERT_TRUE(r.events[0].timex && r.events[0].timex->when);
  EXPECT_EQ(r.events[0].timex->when->earliest, date::sys_days{2025_y / 6 / 12});
  EXPECT_EQ(r.events[0].timex->when->latest, date::sys_days{2025_y / 6 / 13});
}

TEST(EventMentions, FirstTimeSinceDatesAnEarlierOccurrence) {
  auto const r = events_of("The Federal Reserve will cut rates for the first time since March 2020.", date::sys_days{2024_y / 9 / 16});
  EXPECT_TRUE(r.events.empty());
}

TEST(EventMentions, BeforeTheEndOfAPeriodIsWithinIt) {
  auto const r = events_of("More reductions would follow before the end of the year.", date::sys_days{2024_y / 9 / 19});
  ASSERT_EQ(r.events.size(), 1U);
  EXPECT_EQ(r.events[0].relation, event_relation::during);
}

TEST(EventMentions, RelativeClauseIsAboutTheNameItFollows) {
  auto const r = events_of("Karol Nawrocki, who beat Rafał Trzaskowski in the runoff on June 1, will take office.",
                           date::sys_days{2025_y / 6 / 3});
  auto const it = std::find_if(r.events.begin(), r.events.end(), [](auto const& e) { return e.trigger_class == "runoff"; });
  ASSERT_NE(it, r.events.end());
  EXPECT_EQ(it->participants, (std::vector<std::string>{"Karol Nawrocki", "Rafał Trzaskowski"}));
}

}  // namespace

TEST(EventMentions, SuccessorToNamesNoParticipant) {
  auto const r = events_of("Voters go to the polls on Sunday in an election to choose a successor to President Maria Lind.",
                           date::sys_days{2025_y / 3 / 7});
  ASSERT_FALSE(r.events.empty());
  for (auto const& e : r.events) {
    EXPECT_TRUE(std::find(e.participants.begin(), e.participants.end(), "Maria Lind") == e.participants.end())
        << e.trigger_text << " names the officeholder whose successor is chosen";
  }
  auto const named = events_of("President Maria Lind lost the election on Sunday.", date::sys_days{2025_y / 3 / 7});
  ASSERT_FALSE(named.events.empty());
  EXPECT_EQ(named.events[0].participants, std::vector<std::string>{"Maria Lind"});
}
