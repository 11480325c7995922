// SPDX-License-Identifier: MIT
//
// Boilerplate detection, and the document model built around it.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/engine/boilerplate.hpp>
#include <timeline/engine/document.hpp>

namespace {

namespace engine = timeline::engine;

std::vector<std::string> spans_of(std::string const& text) {
  std::vector<std::string> out;
  for (auto const& b : engine::find_boilerplate(text)) {
    out.push_back(std::string{engine::to_string(b.kind)} + ": " + text.substr(b.span.begin, b.span.size()));
  }
  return out;
}

using strings = std::vector<std::string>;
std::string const prose =
    "The council met on Tuesday and approved the budget after a long and sometimes heated debate.\n";

TEST(FindBoilerplate, PromptsAndNavigation) {
  EXPECT_EQ(spans_of("No time to read?\nGet a summary\n" + prose +
                     "Previous Article\n\nA Headline Elsewhere\n\nNext Article\n\nAnother Headline\nLeave a Comment"),
            (strings{"prompt: No time to read?\nGet a summary",
                     "navigation: Previous Article\n\nA Headline Elsewhere\n\nNext Article\n\nAnother Headline",
                     "prompt: Leave a Comment"}));
}

TEST(FindBoilerplate, StoryListWithViewCountsAndTruncatedTeasers) {
  std::string const list =
      "2023-06-14 11:021288 view\n2023-06-14 10:47904 view\n"
      "A bakery in the old town has started selling bread made from a recipe that is nearly two centu\n"
      "Fans lined up overnight to buy tickets for the reunion tour, and many said they had waited years fo";
  auto const spans = engine::find_boilerplate(prose + list);
  ASSERT_EQ(spans.size(), 1U);
  EXPECT_EQ(spans[0].kind, engine::boilerplate_kind::related);
  EXPECT_EQ(spans[0].span, (engine::text_span{prose.size(), prose.size() + list.size()}));
}

TEST(FindBoilerplate, TruncatedTeasersAloneAtTheEnd) {
  std::string const teasers =
      "A bakery in the old town has started selling bread made from a recipe that is nearly two centu\n"
      "Fans lined up overnight to buy tickets for the reunion tour, and many said they had waited year";
  EXPECT_EQ(engine::find_boilerplate(prose + teasers).size(), 1U);
}

TEST(FindBoilerplate, ArticleDateLineAtTheTopIsNotAStoryList) {
  EXPECT_TRUE(spans_of("August 13, 2025\n" + prose).empty());
  EXPECT_TRUE(spans_of("May 2, 2024 | 3 comments\n" + prose).empty());
}

TEST(FindBoilerplate, OrdinaryArticleHasNone) {
  EXPECT_TRUE(spans_of(prose + prose + "\"We will go,\" she said.\nThe vote is next week.").empty());
}

// Lines wider than a stamp with too many letters for a listed line are classified without being
// folded whole: these are the furniture such lines can still be.
TEST(FindBoilerplate, WideLinesAreStillPromptsAndBreadcrumbs) {
  std::string const subscribe =
      "SUBSCRIBE TO our newsletter to get the best stories of the week delivered to your inbox on Friday";
  EXPECT_EQ(spans_of(prose + subscribe + "\n" + prose), (strings{"prompt: " + subscribe}));
  // The head of the line folds to fewer bytes than the longest prefix: the whole line is folded.
  std::string const spaced =
      "This    article    was    originally    published in the Weekly Gazette and is shared with permission";
  EXPECT_EQ(spans_of(prose + spaced + "\n" + prose), (strings{"prompt: " + spaced}));
  std::string const crumbs =
      "Home | World News and International Affairs | Europe and the Mediterranean | Politics and Elections";
  EXPECT_EQ(spans_of(prose + crumbs + "\n" + prose), (strings{"navigation: " + crumbs}));
  std::string const arrows =
      "Home \u203A World News and International Affairs \u203A Europe and the Mediterranean \u203A Elections";
  EXPECT_EQ(spans_of(prose + arrows + "\n" + prose), (strings{"navigation: " + arrows}));
  // Wider than 160 code points, a line with a prompt's prefix is running text.
  std::string const long_line = "Subscribe to " + std::string(150, 'x') + " and more";
  EXPECT_EQ(spans_of(prose + long_line + "\n" + prose), strings{});
}

TEST(Segment, SentencesInBoilerplateAreFlaggedAndSkippedForTagging) {
  engine::document doc;
  doc.text = prose + "Leave a Comment";
  doc.boilerplate = engine::find_boilerplate(doc.text);
  engine::segment(doc);
  ASSERT_EQ(doc.sentences.size(), 2U);
  EXPECT_FALSE(doc.sentences[0].boilerplate);
  EXPECT_TRUE(doc.sentences[1].boilerplate);
  EXPECT_TRUE(doc.is_boilerplate(doc.sentences[1].span));
  EXPECT_EQ(engine::taggable_sentences(doc).size(), 1U);
  doc.keep_boilerplate = true;
  EXPECT_EQ(engine::taggable_sentences(doc).size(), 2U);
}

TEST(PublicationDate, ReferenceOnlyWhenDated) {
  engine::publication_date dct;
  EXPECT_FALSE(dct.reference().has_value());
  dct.day = date::sys_days{date::year{2025} / 8 / 13};
  ASSERT_TRUE(dct.reference().has_value());
  EXPECT_EQ(dct.reference()->day, *dct.day);
  EXPECT_EQ(engine::to_string(engine::dct_source::dateline), "dateline");
}

}  // namespace
