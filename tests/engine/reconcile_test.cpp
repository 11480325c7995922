// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>

#include <timeline/engine/reconcile.hpp>

namespace {

using namespace timeline::engine;
using result = timeline::engine::timeline;
using namespace date::literals;

document make_doc(std::string id, std::string text, std::optional<date::sys_days> dct) {
  document doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  if (dct) {
    doc.dct.day = dct;
    doc.dct.source = dct_source::option;
    doc.dct.confidence = 1.0;
  }
  segment(doc);
  return doc;
}

timeline_event const* find_event(result const& tl, std::string_view cls, std::string_view person) {
  for (auto const& e : tl.events) {
    if (e.trigger_class == cls && std::find(e.participants.begin(), e.participants.end(), person) != e.participants.end()) return &e;
  }
  return nullptr;
}

TEST(Reconcile, LinksAcrossArticlesAndCountsSources) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Russian Defense Minister Sergei Shoigu visited Pyongyang in July.", 2023_y / 9 / 5));
  docs.push_back(make_doc("b", "Sergei Shoigu met with Kim Jong Un last July.", 2023_y / 9 / 5));
  result const tl = reconcile(std::move(docs));
  auto const* e = find_event(tl, "visit", "Sergei Shoigu");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->support, 2U);
  EXPECT_EQ(e->value, "2023-07");
  EXPECT_EQ(e->value_grain, timeline::grammar::grain::month);
  EXPECT_TRUE(tl.contradictions.empty());
}

TEST(Reconcile, ContradictionIsReportedAndResolvedByMoreSources) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Sergei Shoigu traveled to Pyongyang last month.", 2023_y / 9 / 4));
  docs.push_back(make_doc("b", "Sergei Shoigu visited Pyongyang in July.", 2023_y / 9 / 5));
  docs.push_back(make_doc("c", "Sergei Shoigu made a trip to Pyongyang in July.", 2023_y / 9 / 5));
  result const tl = reconcile(std::move(docs));
  auto const* e = find_event(tl, "visit", "Sergei Shoigu");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->support, 3U);
  EXPECT_EQ(e->value, "2023-07");
  ASSERT_EQ(tl.contradictions.size(), 1U);
  auto const& c = tl.contradictions[0];
  EXPECT_EQ(c.event, std::optional<std::size_t>{e->id});
  auto const relaxed = std::find_if(c.claims.begin(), c.claims.end(), [](auto const& q) { return q.relaxed; });
  ASSERT_NE(relaxed, c.claims.end());
  EXPECT_EQ(relaxed->document, "a");
  EXPECT_EQ(relaxed->expression, "last month");
  EXPECT_NE(c.resolution.find("more sources"), std::string::npos) << c.resolution;
  // The relaxed claim stays on record with its event.
  EXPECT_TRUE(std::any_of(e->mentions.begin(), e->mentions.end(), [](auto const& m) { return m.relaxed && m.document == "a"; }));
}

TEST(Reconcile, SameKindYearsApartStaysTwoEvents) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Kim Jong Un is expected to travel to Russia this month.", 2023_y / 9 / 5));
  docs.push_back(make_doc("b", "Kim Jong Un traveled to Russia in 2019.", 2023_y / 9 / 5));
  result const tl = reconcile(std::move(docs));
  std::size_t visits = 0;
  bool refusal_recorded = false;
  for (auto const& e : tl.events) {
    if (e.trigger_class != "visit") continue;
    ++visits;
    for (auto const& l : e.links) refusal_recorded = refusal_recorded || l.verdict == "different";
  }
  EXPECT_EQ(visits, 2U);
  EXPECT_TRUE(refusal_recorded);
  EXPECT_TRUE(tl.contradictions.empty());
}

TEST(Reconcile, OrderingCueBoundsTheLaterEvent) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Sergei Shoigu visited Pyongyang on July 26. Kim Jong Un and Vladimir Putin swapped letters three days after Shoigu's visit.",
                          2023_y / 9 / 5));
  result const tl = reconcile(std::move(docs));
  auto const* letters = find_event(tl, "correspondence", "Kim Jong Un");
  ASSERT_NE(letters, nullptr);
  // The cue fixes when the exchange began; how long it lasted nobody says, so only the
  // publication date bounds its end.
  EXPECT_EQ(letters->earliest, std::optional<date::sys_days>{2023_y / 7 / 29});
  EXPECT_EQ(letters->latest, std::optional<date::sys_days>{2023_y / 9 / 5});
}

TEST(ReconcileDct, UndatedDocumentGetsAWindowFromLinkedEvents) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Kim Jong Un will meet Vladimir Putin in Russia in mid-September.", 2023_y / 9 / 5));
  docs.push_back(make_doc("b", "Kim Jong Un is set to meet Vladimir Putin in Russia this month.", std::nullopt));
  result const tl = reconcile(std::move(docs));
  auto const b = std::find_if(tl.documents.begin(), tl.documents.end(), [](auto const& d) { return d.id == "b"; });
  ASSERT_NE(b, tl.documents.end());
  EXPECT_EQ(b->origin, dct_origin::inferred);
  ASSERT_TRUE(b->earliest && b->latest);
  EXPECT_GE(*b->earliest, date::sys_days{2023_y / 9 / 1});
  EXPECT_LE(*b->latest, date::sys_days{2023_y / 9 / 30});
  EXPECT_FALSE(b->evidence.empty());
}

TEST(ReconcileDct, NoEvidenceLeavesTheDateUnknown) {
  std::vector<document> docs;
  docs.push_back(make_doc("x", "Kim Jong Un met Vladimir Putin last week.", std::nullopt));
  result const tl = reconcile(std::move(docs));
  ASSERT_EQ(tl.documents.size(), 1U);
  EXPECT_EQ(tl.documents[0].origin, dct_origin::unknown);
  EXPECT_FALSE(tl.documents[0].earliest.has_value());
}

TEST(ReconcileIncremental, AddingAnArticleResolvesOnlyItsComponent) {
  reconciler r;
  r.add(make_doc("a", "Sergei Shoigu visited Pyongyang in July.", 2023_y / 9 / 5));
  r.add(make_doc("b", "Donald Trump met Lee Jae Myung at the White House on August 25.", 2025_y / 8 / 26));
  r.solve();
  r.add(make_doc("c", "Sergei Shoigu went on a trip to Pyongyang last July.", 2023_y / 9 / 6));
  result const& tl = r.solve();
  EXPECT_EQ(r.stats().components_solved, 1U);
  auto const* e = find_event(tl, "visit", "Sergei Shoigu");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->support, 2U);
}

TEST(BestValue, GrainFollowsTheBounds) {
  EXPECT_EQ(best_value(2023_y / 7 / 1, 2023_y / 7 / 31).first, "2023-07");
  EXPECT_EQ(best_value(2025_y / 8 / 15, 2025_y / 8 / 15).first, "2025-08-15");
  EXPECT_EQ(best_value(2025_y / 8 / 15, 2025_y / 8 / 15, timeline::grammar::grain::month).first, "2025-08");
  EXPECT_EQ(best_value(2022_y / 1 / 1, 2022_y / 12 / 31).first, "2022");
}


TEST(Reconcile, NamelessMentionJoinsTheSameDaysEventAndNamesReachIt) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Train drivers in the Railway Drivers Association walked out on Wednesday.", 2025_y / 3 / 6));
  docs.push_back(make_doc("b", "The first strike, on March 5, cancelled about 900 trains.", 2025_y / 3 / 17));
  docs.push_back(make_doc("c", "A second strike followed on March 20.", 2025_y / 3 / 21));
  result const tl = reconcile(std::move(docs));
  auto const* first = find_event(tl, "strike", "Railway Drivers Association");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->support, 2U);
  EXPECT_TRUE(tl.contradictions.empty());
}

TEST(Reconcile, NamelessEventTakesTheNamesOfItsFirstNamedMention) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "The two men will face each other in the runoff on June 1.", 2025_y / 5 / 19));
  docs.push_back(make_doc("b", "Karol Nawrocki won the runoff on Sunday.", 2025_y / 6 / 2));
  docs.push_back(make_doc("c", "Karol Nawrocki celebrated the runoff held on June 1.", 2025_y / 6 / 3));
  result const tl = reconcile(std::move(docs));
  auto const* e = find_event(tl, "runoff", "Karol Nawrocki");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->support, 3U);
}

TEST(Reconcile, OrderingCueAndCoordinatedDatesCutTheWindow) {
  std::vector<document> docs;
  docs.push_back(make_doc("a", "Leaders of the Baltic Trade Council will hold their summit in Tallinn on June 12 and 13.", 2025_y / 6 / 2));
  docs.push_back(make_doc("b", "Ahead of the summit, trade ministers agreed on the draft earlier this month.", 2025_y / 6 / 14));
  result const tl = reconcile(std::move(docs));
  auto const it = std::find_if(tl.events.begin(), tl.events.end(), [](auto const& e) { return e.trigger_class == "agree"; });
  ASSERT_NE(it, tl.events.end());
  ASSERT_TRUE(it->latest);
  // The summit fills June 12 and 13; "ahead of" it is on an earlier day.
  EXPECT_EQ(*it->latest, date::sys_days{2025_y / 6 / 11});
}

}  // namespace
