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

}  // namespace
