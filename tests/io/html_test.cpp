// SPDX-License-Identifier: MIT
#include <string>

#include <gtest/gtest.h>

#include <timeline/io/html.hpp>

namespace {

namespace io = timeline::io;

TEST(ExtractHtml, JsonLdGraphDateAndParagraphBodyWithoutFurniture) {
  auto const page = io::extract_html(R"(<html><head><title>Flood Test - River Post</title>
<script type="application/ld+json">{"@graph": [{"@type": "WebSite"},
 {"@type": "NewsArticle", "datePublished": "2023-11-18T14:20:00Z"}]}</script></head><body>
<div id="nav-menu">Home | World</div>
<div class="story"><p>Engineers tested the flood barriers on Friday for six long hours in the rain.</p>
<p>The barriers held, and the city said they will be used this winter if the river rises above the mark.</p></div>
<div class="comments"><p>Great news! Posted 2023-11-18 15:00 by a reader who lives on the north bank of it.</p></div>
</body></html>)");
  EXPECT_EQ(page.published, "2023-11-18T14:20:00Z");
  EXPECT_EQ(page.published_from, "json-ld datePublished");
  EXPECT_EQ(page.title, "Flood Test");
  EXPECT_EQ(page.text,
            "Engineers tested the flood barriers on Friday for six long hours in the rain.\n\n"
            "The barriers held, and the city said they will be used this winter if the river rises above the mark.");
}

TEST(ExtractHtml, MetaBeatsTimeAndRelatedTimesAreIgnored) {
  auto const page = io::extract_html(R"(<html><head>
<meta name="pubdate" content="2024-01-02"><meta property="article:published_time" content="2024-01-03T05:00:00Z">
</head><body><article><p>Body <time datetime="2024-01-01">then</time>.</p></article>
<aside><time datetime="2020-01-01">old</time></aside></body></html>)");
  ASSERT_GE(page.dates.size(), 3U);
  EXPECT_EQ(page.published, "2024-01-03T05:00:00Z");
  EXPECT_EQ(page.dates[1].value, "2024-01-02");
  EXPECT_EQ(page.dates.back().from, "time datetime");
  EXPECT_EQ(page.dates.back().value, "2024-01-01");
}

TEST(ExtractHtml, TagSoupStillGivesText) {
  auto const page = io::extract_html("<p>Open <b>bold<p>Next</i></div></span><<<>");
  EXPECT_NE(page.text.find("Open bold"), std::string::npos);
  EXPECT_NE(page.text.find("Next"), std::string::npos);
}

TEST(ExtractHtml, ListItemsBecomeBullets) {
  auto const page = io::extract_html("<body><ul><li>One</li><li>Two</li></ul></body>");
  EXPECT_EQ(page.text, "\xE2\x80\xA2 One\n\n\xE2\x80\xA2 Two");
}

TEST(HtmlNestingDepth, CountsElementsThatMustBeClosed) {
  EXPECT_EQ(io::html_nesting_depth("<div><p>One<p>Two<br><img src=x/><div>x</div></div>"), 2U);
  EXPECT_EQ(io::html_nesting_depth("no tags < here"), 0U);
}

TEST(ExtractHtml, RefusesPagesNestedBeyondTheLimitWithoutParsingThem) {
  std::string page = "<html><body>";
  for (std::size_t i = 0; i <= io::max_html_nesting; ++i) {
    page += "<div>";
  }
  page += "Deep text.";
  EXPECT_GT(io::html_nesting_depth(page), io::max_html_nesting);
  EXPECT_TRUE(io::extract_html(page).text.empty());
}

TEST(LooksLikeHtml, ByItsFirstTags) {
  EXPECT_TRUE(io::looks_like_html("  <!DOCTYPE html><html>"));
  EXPECT_TRUE(io::looks_like_html("<HTML><BODY>"));
  EXPECT_FALSE(io::looks_like_html("Kim met Putin <b>today</b>."));
}

}  // namespace
