// SPDX-License-Identifier: MIT
//
// Sentence and paragraph segmentation: each case is a text and the sentences it must give.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/engine/sentences.hpp>

namespace {

namespace engine = timeline::engine;

std::vector<std::string> sentences_of(std::string const& text) {
  std::vector<std::string> out;
  for (auto const paragraph : engine::split_paragraphs(text, {0, text.size()})) {
    for (auto const s : engine::split_sentences(text, paragraph)) {
      out.push_back(text.substr(s.begin, s.size()));
    }
  }
  return out;
}

using strings = std::vector<std::string>;

TEST(SplitSentences, TitlesNeverEndASentence) {
  EXPECT_EQ(sentences_of("Gen. Lee met Dr. Kim and Mr. Park. They talked."),
            (strings{"Gen. Lee met Dr. Kim and Mr. Park.", "They talked."}));
}

TEST(SplitSentences, DottedAbbreviationsEndOnlyBeforeASentenceStarter) {
  EXPECT_EQ(sentences_of("The U.S. Embassy said so. He left for the U.S. The talks ended."),
            (strings{"The U.S. Embassy said so.", "He left for the U.S.", "The talks ended."}));
  EXPECT_EQ(sentences_of("It began at 9 a.m. Tuesday and ended at 5 p.m. The crowd left."),
            (strings{"It began at 9 a.m. Tuesday and ended at 5 p.m.", "The crowd left."}));
}

TEST(SplitSentences, MonthsInitialsAndSuffixes) {
  EXPECT_EQ(sentences_of("On Aug. 13 John F. Kennedy Jr. spoke. Smith Jr. He was there."),
            (strings{"On Aug. 13 John F. Kennedy Jr. spoke.", "Smith Jr.", "He was there."}));
}

TEST(SplitSentences, DecimalsAndJoinedWordsAreNotBoundaries) {
  EXPECT_EQ(sentences_of("Prices rose 3.5 percent to $4.25. A U.S.-led group met."),
            (strings{"Prices rose 3.5 percent to $4.25.", "A U.S.-led group met."}));
  EXPECT_EQ(sentences_of("It ended soon.After all, nobody came."), (strings{"It ended soon.After all, nobody came."}));
}

TEST(SplitSentences, QuotesStayWithTheirSentence) {
  EXPECT_EQ(sentences_of("\"We will go,\" he said. \"Why?\" she asked. \xE2\x80\x9CNow.\xE2\x80\x9D He left."),
            (strings{"\"We will go,\" he said.", "\"Why?\" she asked.", "\xE2\x80\x9CNow.\xE2\x80\x9D", "He left."}));
  EXPECT_EQ(sentences_of("\xE2\x80\x9CIt was hard,\xE2\x80\x9D said Doyle Jr. \xE2\x80\x9C" "But it is done.\xE2\x80\x9D"),
            (strings{"\xE2\x80\x9CIt was hard,\xE2\x80\x9D said Doyle Jr.", "\xE2\x80\x9C" "But it is done.\xE2\x80\x9D"}));
}

TEST(SplitSentences, HeadlinesAndBulletsWithoutPunctuation) {
  EXPECT_EQ(sentences_of("Main Issues\n\n  \xE2\x80\xA2 Tariffs remain\n  \xE2\x80\xA2 Customs checks. Faster ones.\n"
                         "- Dashed item\n1. Numbered item"),
            (strings{"Main Issues", "Tariffs remain", "Customs checks.", "Faster ones.", "Dashed item", "Numbered item"}));
}

TEST(SplitSentences, OffsetsPointIntoTheOriginalText) {
  std::string const text = "\xC2\xA0 Kim met Putin.\r\nThey spoke.";
  auto const paragraphs = engine::split_paragraphs(text, {0, text.size()});
  ASSERT_EQ(paragraphs.size(), 2U);
  EXPECT_EQ(paragraphs[0], (engine::text_span{3, 17}));
  EXPECT_EQ(paragraphs[1], (engine::text_span{19, 30}));
}

TEST(SplitParagraphs, WebLinesAreParagraphsWrappedLinesAreJoined) {
  std::string const web = std::string(150, 'a') + ".\n" + std::string(150, 'b') + ".";
  EXPECT_EQ(engine::split_paragraphs(web, {0, web.size()}).size(), 2U);
  std::string const wrapped =
      "The company said on Tuesday that its profits rose sharply in the\n"
      "third quarter, helped by strong sales of its new phones in Asia and\n"
      "Europe.\n";
  EXPECT_EQ(engine::split_paragraphs(wrapped, {0, wrapped.size()}).size(), 1U);
  std::string const continued = "The talks, which began in\nmarch, ended.";
  EXPECT_EQ(engine::split_paragraphs(continued, {0, continued.size()}).size(), 1U);
}

TEST(SplitSentences, EmptyAndBlankTextGiveNothing) {
  EXPECT_TRUE(sentences_of("").empty());
  EXPECT_TRUE(sentences_of(" \n\r\n\t").empty());
}

}  // namespace
