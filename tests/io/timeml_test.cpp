// SPDX-License-Identifier: MIT
//
// TimeML reading and writing: the text and offsets of inline documents, the DCT, errors at the
// I/O boundary, and the write/parse round trip, on small documents and on the TBAQ corpus.
#include <timeline/io/timeml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

#include <timeline/io/input_error.hpp>

namespace {

namespace io = timeline::io;
namespace grammar = timeline::grammar;
using namespace std::chrono_literals;

std::string const tbaq_dir = TIMELINE_SHARED_DIR "/corpora/tbaq";

std::string slurp(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

std::vector<std::filesystem::path> tbaq_files() {
  std::vector<std::filesystem::path> files;
  for (char const* part : {"TimeBank", "AQUAINT"}) {
    std::filesystem::path const dir = std::filesystem::path(tbaq_dir) / part;
    if (!std::filesystem::is_directory(dir)) continue;
    for (auto const& e : std::filesystem::directory_iterator(dir)) {
      if (e.path().extension() == ".tml") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

grammar::timex_type type_of(std::string const& s) {
  if (s == "DATE") return grammar::timex_type::date;
  if (s == "TIME") return grammar::timex_type::time;
  if (s == "DURATION") return grammar::timex_type::duration;
  if (s == "SET") return grammar::timex_type::set;
  throw std::invalid_argument("unknown TIMEX3 type " + s);
}

grammar::temporal_mention mention(std::size_t begin, std::size_t end, grammar::timex_type type, std::string value,
                                  std::string mod = {}) {
  grammar::temporal_mention m;
  m.begin = begin;
  m.end = end;
  m.type = type;
  m.value = std::move(value);
  m.mod = std::move(mod);
  return m;
}

// The gold timexes of a document as the mentions a tagger would have produced.
std::vector<grammar::temporal_mention> as_mentions(std::vector<io::timeml_timex> const& timexes) {
  std::vector<grammar::temporal_mention> out;
  for (auto const& t : timexes) out.push_back(mention(t.begin, t.end, type_of(t.type), t.value, t.mod));
  return out;
}

// The document as the TimeBank files are laid out; "Zürich" puts two-byte characters before the
// first timex.
std::string const sample =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML>\n"
    "<DOCID>sample</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"1998-01-08T18:30:00\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">01/08/1998 18:30:00</TIMEX3></DCT>\n"
    "<TEXT>\n"
    "Z\xC3\xBCrich &amp; Geneva <EVENT eid=\"e1\" class=\"OCCURRENCE\">fell</EVENT> "
    "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> for "
    "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\" mod=\"MORE_THAN\">more than three days</TIMEX3>"
    "<SIGNAL sid=\"s1\">.</SIGNAL>\n"
    "</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n"
    "</TimeML>\n";

TEST(ParseTimeml, ReadsTextWithTagsRemovedAndEntitiesDecoded) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  EXPECT_EQ(doc.id, "sample");
  EXPECT_EQ(doc.text, "\nZ\xC3\xBCrich & Geneva fell yesterday for more than three days.\n");
}

TEST(ParseTimeml, TimexOffsetsAreBytesIntoTheText) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  ASSERT_EQ(doc.timexes.size(), 2U);
  // "\nZürich & Geneva fell " is 23 bytes: 'ü' takes two and "&amp;" decodes to one.
  EXPECT_EQ(doc.timexes[0], (io::timeml_timex{23, 32, "t1", "DATE", "1998-01-07", ""}));
  EXPECT_EQ(doc.text.substr(doc.timexes[0].begin, 9), "yesterday");
  EXPECT_EQ(doc.timexes[1], (io::timeml_timex{37, 57, "t2", "DURATION", "P3D", "MORE_THAN"}));
  EXPECT_EQ(doc.text.substr(37, 20), "more than three days");
}

TEST(ParseTimeml, ReadsTheDctOutsideText) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  EXPECT_EQ(doc.dct_value, "1998-01-08T18:30:00");
  EXPECT_EQ(doc.dct_tid, "t0");
  ASSERT_TRUE(doc.dct.has_value());
  EXPECT_EQ(doc.dct->day, date::sys_days{date::year{1998} / 1 / 8});
  EXPECT_EQ(doc.dct->time_of_day, std::optional<std::chrono::minutes>{18h + 30min});
}

TEST(ParseTimeml, KeepsTheRawDocumentAroundText) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  EXPECT_TRUE(doc.before_text.ends_with("</DCT>\n<TEXT>"));
  EXPECT_TRUE(doc.after_text.starts_with("</TEXT>\n<TLINK"));
  EXPECT_TRUE(sample.starts_with(doc.before_text));
  EXPECT_TRUE(sample.ends_with(doc.after_text));
}

TEST(ParseTimeml, KeepsWhiteSpaceBetweenAdjacentTags) {
  auto const doc = io::parse_timeml(
      "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P11M\">eleven</TIMEX3> "
      "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P1M\">months</TIMEX3>\r\n</TEXT></TimeML>",
      "adjacent.tml");
  EXPECT_EQ(doc.text, "eleven months\r\n");
  ASSERT_EQ(doc.timexes.size(), 2U);
  EXPECT_EQ(doc.timexes[1].begin, 7U);
  EXPECT_FALSE(doc.dct.has_value());
}

TEST(ParseTimeml, ReadsTempEval3InputWithoutTimexes) {
  auto const doc = io::parse_timeml(
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>wsj_0001</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-11-02\" temporalFunction=\"false\" "
      "functionInDocument=\"CREATION_TIME\">11/02/89</TIMEX3></DCT>\n"
      "<TEXT>\nThe company said Thursday that it would sell the unit.\n</TEXT>\n</TimeML>\n",
      "wsj_0001.tml.TE3input");
  EXPECT_EQ(doc.id, "wsj_0001");
  EXPECT_TRUE(doc.timexes.empty());
  EXPECT_EQ(doc.text, "\nThe company said Thursday that it would sell the unit.\n");
  ASSERT_TRUE(doc.dct.has_value());
  EXPECT_EQ(doc.dct->day, date::sys_days{date::year{1989} / 11 / 2});
  EXPECT_FALSE(doc.dct->time_of_day.has_value());
}

TEST(ParseTimexDay, ReadsDaysAndTimesOfDay) {
  auto const day = [](int y, unsigned m, unsigned d) { return date::sys_days{date::year{y} / m / d}; };
  auto r = io::parse_timex_day("1998-01-08");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->day, day(1998, 1, 8));
  EXPECT_FALSE(r->time_of_day);

  r = io::parse_timex_day("2000-01-24T19:48");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->day, day(2000, 1, 24));
  EXPECT_EQ(r->time_of_day, std::optional<std::chrono::minutes>{19h + 48min});

  r = io::parse_timex_day("1998-01-08TMO");  // a part of the day is no time of day
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->time_of_day);
  r = io::parse_timex_day("1998-01-08T25:00");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->time_of_day);
}

TEST(ParseTimexDay, RejectsValuesWithoutAWholeDay) {
  for (char const* v : {"", "1998", "1998-01", "1998-W02", "XXXX-XX-XX", "1998-02-30", "1998-13-01", "PRESENT_REF",
                        "98-01-08", "1998/01/08"}) {
    EXPECT_FALSE(io::parse_timex_day(v).has_value()) << v;
  }
}

TEST(ParseTimeml, UnclosedTagIsInputErrorNamingFileAndLine) {
  std::string const broken = "<TimeML>\n<TEXT>\nPrices fell <TIMEX3 tid=\"t1\">last week.\n</TEXT>\n</TimeML>\n";
  try {
    io::parse_timeml(broken, "broken.tml");
    FAIL() << "no input_error";
  } catch (io::input_error const& e) {
    EXPECT_EQ(e.document(), "broken.tml");
    EXPECT_TRUE(e.place().starts_with("line ")) << e.place();
    EXPECT_NE(std::string(e.what()).find("broken.tml"), std::string::npos) << e.what();
  }
}

TEST(ParseTimeml, MalformedXmlReportsTheLineOfTheFault) {
  try {
    io::parse_timeml("<TimeML>\n<TEXT>\nok\n</TEXT>\n<DCT <x>\n</TimeML>\n", "fault.tml");
    FAIL() << "no input_error";
  } catch (io::input_error const& e) {
    EXPECT_EQ(e.place(), "line 5") << e.what();
  }
}

TEST(ParseTimeml, MissingTextIsInputError) {
  try {
    io::parse_timeml("<TimeML><DOCID>x</DOCID></TimeML>", "notext.tml");
    FAIL() << "no input_error";
  } catch (io::input_error const& e) {
    EXPECT_EQ(e.document(), "notext.tml");
    EXPECT_NE(e.message().find("TEXT"), std::string::npos) << e.what();
  }
}

TEST(WriteTimeml, WritesTimexElementsAndEscapesText) {
  io::timeml_document doc;
  doc.id = "w";
  doc.before_text = "<TimeML><TEXT>";
  doc.after_text = "</TEXT></TimeML>";
  doc.text = "R&D <fell> on 1998-01-08 & every week";
  auto every_week = mention(27, 37, grammar::timex_type::set, "P1W");
  every_week.quant = "EVERY";
  every_week.freq = "1W";
  std::string const out = io::write_timeml(
      doc, {every_week, mention(14, 24, grammar::timex_type::date, "1998-01-08", "START")});  // any order
  EXPECT_EQ(out,
            "<TimeML><TEXT>R&amp;D &lt;fell&gt; on "
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-08\" mod=\"START\">1998-01-08</TIMEX3> &amp; "
            "<TIMEX3 tid=\"t2\" type=\"SET\" value=\"P1W\" quant=\"EVERY\" freq=\"1W\">every week</TIMEX3>"
            "</TEXT></TimeML>");
}

TEST(WriteTimeml, KeepsTheDctElementAndDoesNotReuseItsTid) {
  std::string const input =
      "<TimeML>\n<DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">"
      "January 8, 1998</TIMEX3></DCT>\n<TEXT>It rained on Monday.</TEXT>\n</TimeML>\n";
  auto const doc = io::parse_timeml(input, "dct.tml");
  std::string const out = io::write_timeml(doc, {mention(13, 19, grammar::timex_type::date, "1998-01-05")});
  EXPECT_EQ(out,
            "<TimeML>\n<DCT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">"
            "January 8, 1998</TIMEX3></DCT>\n<TEXT>It rained on "
            "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1998-01-05\">Monday</TIMEX3>.</TEXT>\n</TimeML>\n");
}

TEST(WriteTimeml, RoundTripsTextAndMentions) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  std::vector<grammar::temporal_mention> const mentions = {
      mention(1, 8, grammar::timex_type::date, "XXXX"),  // "Zürich", a multi-byte span
      mention(23, 32, grammar::timex_type::date, "1998-01-07"),
      mention(37, 57, grammar::timex_type::duration, "P3D", "MORE_THAN")};
  auto const again = io::parse_timeml(io::write_timeml(doc, mentions), "sample.tml");
  EXPECT_EQ(again.text, doc.text);
  EXPECT_EQ(again.dct_value, doc.dct_value);
  ASSERT_EQ(again.timexes.size(), mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    EXPECT_EQ(again.timexes[i].begin, mentions[i].begin);
    EXPECT_EQ(again.timexes[i].end, mentions[i].end);
    EXPECT_EQ(again.timexes[i].type, grammar::to_string(mentions[i].type));
    EXPECT_EQ(again.timexes[i].value, mentions[i].value);
    EXPECT_EQ(again.timexes[i].mod, mentions[i].mod);
  }
}

TEST(WriteTimeml, RejectsOverlappingOrOutOfRangeMentions) {
  auto const doc = io::parse_timeml(sample, "sample.tml");
  EXPECT_THROW(io::write_timeml(doc, {mention(23, 32, grammar::timex_type::date, "a"),
                                      mention(30, 40, grammar::timex_type::date, "b")}),
               std::invalid_argument);
  EXPECT_THROW(io::write_timeml(doc, {mention(23, doc.text.size() + 1, grammar::timex_type::date, "a")}),
               std::invalid_argument);
}

TEST(TbaqCorpus, EveryGoldFileParsesWithADct) {
  auto const files = tbaq_files();
  if (files.empty()) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq_dir;
  std::size_t timexes = 0;
  for (auto const& path : files) {
    SCOPED_TRACE(path.string());
    auto const doc = io::parse_timeml(slurp(path), path.filename().string());
    EXPECT_EQ(doc.id + ".tml", path.filename().string());
    EXPECT_TRUE(doc.dct.has_value()) << doc.dct_value;
    for (auto const& t : doc.timexes) {
      EXPECT_LT(t.begin, t.end);
      EXPECT_LE(t.end, doc.text.size());
      EXPECT_NO_THROW(type_of(t.type));
    }
    timexes += doc.timexes.size();
  }
  EXPECT_GT(timexes, files.size());
}

TEST(TbaqCorpus, WriteThenParseGivesTheSameTextAndTimexes) {
  auto const files = tbaq_files();
  if (files.empty()) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq_dir;
  for (auto const& path : files) {
    SCOPED_TRACE(path.string());
    auto const doc = io::parse_timeml(slurp(path), path.filename().string());
    auto const again = io::parse_timeml(io::write_timeml(doc, as_mentions(doc.timexes)), path.filename().string());
    EXPECT_EQ(again.text, doc.text);
    EXPECT_EQ(again.dct_value, doc.dct_value);
    EXPECT_EQ(again.before_text, doc.before_text);
    ASSERT_EQ(again.timexes.size(), doc.timexes.size());
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
      EXPECT_EQ(again.timexes[i].begin, doc.timexes[i].begin);
      EXPECT_EQ(again.timexes[i].end, doc.timexes[i].end);
      EXPECT_EQ(again.timexes[i].type, doc.timexes[i].type);
      EXPECT_EQ(again.timexes[i].value, doc.timexes[i].value);
      EXPECT_EQ(again.timexes[i].mod, doc.timexes[i].mod);
    }
  }
}

}  // namespace
