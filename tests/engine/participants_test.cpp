// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <timeline/engine/boilerplate.hpp>
#include <timeline/engine/participants.hpp>

namespace {

using namespace timeline::engine;

std::vector<std::string> people(std::string text) {
  document doc;
  doc.text = std::move(text);
  segment(doc);
  std::vector<std::string> out;
  for (auto const& m : index_names(doc, default_lexicon()).mentions) {
    if (!m.place) out.push_back(m.canonical.empty() ? "?" : m.canonical);
  }
  return out;
}

TEST(Participants, TitlesDroppedAndSpellingsUnified) {
  EXPECT_EQ(people("President Vladimir Putin met North Korean leader Kim Jong-un. Kim Jong Un left."),
            (std::vector<std::string>{"Vladimir Putin", "Kim Jong Un", "Kim Jong Un"}));
}

TEST(Participants, LoneNameResolvesWhenUnambiguous) {
  EXPECT_EQ(people("Russian Defense Minister Sergei Shoigu arrived. Shoigu’s visit was short."),
            (std::vector<std::string>{"Sergei Shoigu", "Sergei Shoigu"}));
}

TEST(Participants, LoneNameStaysUnresolvedWhenItFitsTwoPeople) {
  EXPECT_EQ(people("Kim Jong Un spoke. Kim Bo-kyoung reports on Kim's reaction."),
            (std::vector<std::string>{"Kim Jong Un", "Kim Bo-kyoung", "?"}));
}

TEST(Participants, JoinedNamesAreNotAThirdPerson) {
  EXPECT_EQ(people("Donald Trump and Vladimir Putin met. The Putin-Trump summit ended."),
            (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
}

TEST(Participants, AgreementNeedsTwoSharedNamesWhenBothHaveTwo) {
  EXPECT_TRUE(participants_agree({"Sergei Shoigu"}, {"Kim Jong Un", "Sergei Shoigu"}));
  EXPECT_FALSE(participants_agree({"Donald Trump", "Lee Jae Myung"}, {"Donald Trump", "Vladimir Putin"}));
  EXPECT_FALSE(participants_agree({}, {"Donald Trump"}));
}

TEST(Participants, WordsCutPossessivesAndKeepAbbreviations) {
  std::string const text = "Shoigu’s visit to the U.S. ended";
  auto const ws = words(text, {0, text.size()});
  ASSERT_EQ(ws.size(), 6U);
  EXPECT_EQ(ws[0].lower, "shoigu");
  EXPECT_TRUE(ws[0].possessive);
  EXPECT_EQ(ws[4].lower, "u.s.");
}


TEST(Participants, OrganisationsAreParticipants) {
  EXPECT_EQ(people("The Federal Reserve cut rates. Leaders of the Baltic Trade Council met."),
            (std::vector<std::string>{"Federal Reserve", "Baltic Trade Council"}));
  // A lone organisation word is not a name ("Union leader Jonas Lie").
  EXPECT_EQ(people("Union leader Jonas Lie spoke."), (std::vector<std::string>{"Jonas Lie"}));
}

TEST(Participants, TitleCaseHeadlinesGiveNoNames) {
  EXPECT_EQ(people("Trains Idle Again as Drivers Strike\n\nMarit Dahl spoke."), (std::vector<std::string>{"Marit Dahl"}));
  // A sentence with a final stop is prose, however capitalized.
  EXPECT_EQ(people("Donald Trump and Vladimir Putin met."), (std::vector<std::string>{"Donald Trump", "Vladimir Putin"}));
}

TEST(Participants, DefiniteDescriptionsNameWhatTheDocumentNamed) {
  // "the bridge": the last word of a name; "the mill": the word written after one.
  EXPECT_EQ(people("The Harlow Street Bridge closed. The bridge reopened."),
            (std::vector<std::string>{"Harlow Street Bridge", "Harlow Street Bridge"}));
  EXPECT_EQ(people("Workers left the Halvorsen Paper mill. The mill shut."),
            (std::vector<std::string>{"Halvorsen Paper", "Halvorsen Paper"}));
  // Two names it could mean: neither.
  EXPECT_EQ(people("The Harlow Street Bridge and the Mill Road Bridge closed. The bridge reopened."),
            (std::vector<std::string>{"Harlow Street Bridge", "Mill Road Bridge"}));
}

}  // namespace
