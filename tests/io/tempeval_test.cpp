// SPDX-License-Identifier: MIT
//
// The TempEval-3 scorer: te3score.py's reading of a file (code points, html.unescape, text-mode
// newlines, U+FFFD for bad bytes), figures pinned by hand on fixtures/tempeval, and agreement with
// /work/shared/tools/te3score.py itself on the fixture, on edge cases written here and on TBAQ.
#include <timeline/io/tempeval.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <unistd.h>

#include <gtest/gtest.h>

#include "support/cli.hpp"

#include <timeline/io/input_error.hpp>
#include <timeline/io/timeml.hpp>

namespace {

namespace fs = std::filesystem;
namespace io = timeline::io;
namespace grammar = timeline::grammar;

std::string const fixture_gold = TIMELINE_FIXTURES_DIR "/tempeval/gold";
std::string const fixture_system = TIMELINE_FIXTURES_DIR "/tempeval/system";
std::string const te3score = TIMELINE_SHARED_DIR "/tools/te3score.py";
std::string const tbaq_dir = TIMELINE_SHARED_DIR "/corpora/tbaq";

std::u32string text_of(std::string const& text_content) {
  return io::read_tempeval_document("<TEXT>" + text_content + "</TEXT>", "t.tml").text;
}

// A folder under the system temp dir, removed with the object.
struct scratch_dir {
  fs::path path;
  scratch_dir() {
    static int count = 0;
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path = fs::temp_directory_path() / ("timeline-" + std::string(info->name()) + "-" +
                                        std::to_string(::getpid()) + "-" + std::to_string(++count));
    fs::remove_all(path);
    fs::create_directories(path / "gold");
    fs::create_directories(path / "system");
  }
  scratch_dir(scratch_dir const&) = delete;
  scratch_dir& operator=(scratch_dir const&) = delete;
  ~scratch_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(std::string const& relative, std::string const& bytes) const {
    std::ofstream(path / relative, std::ios::binary) << bytes;
  }
  std::string gold() const { return (path / "gold").string(); }
  std::string system() const { return (path / "system").string(); }
};

std::string slurp(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// Why te3score.py cannot be run here, or empty when it can.
std::string te3score_unavailable() {
  if (!fs::exists(te3score)) return te3score + " not found";
  if (std::system("python3 -c 'import html, json, pathlib' >/dev/null 2>&1") != 0) return "python3 not available";
  return {};
}

nlohmann::json run_te3score(std::string const& gold, std::string const& system) {
  std::string const command = "python3 '" + te3score + "' '" + gold + "' '" + system + "' --json";
  auto const [status, out] = timeline::test::run_command(command);
  if (status != 0) throw std::runtime_error(command + " failed with status " + std::to_string(status) + ": " + out);
  return nlohmann::json::parse(out);
}

// Every figure of te3score.py's output against ours: counts and problems exactly, percentages
// to 0.01.
void expect_agreement(std::string const& gold, std::string const& system) {
  nlohmann::json const expected = run_te3score(gold, system);
  nlohmann::ordered_json const actual = io::score_tempeval(gold, system);
  SCOPED_TRACE("te3score.py: " + expected.dump() + "\ntimeline:    " + actual.dump());
  for (char const* key : {"gold", "sys", "strict", "relaxed", "type", "value"}) {
    EXPECT_EQ(actual["counts"][key].get<long>(), expected["counts"][key].get<long>()) << key;
  }
  for (char const* measure : {"strict", "relaxed", "type", "value"}) {
    for (char const* figure : {"P", "R", "F1"}) {
      EXPECT_NEAR(actual[measure][figure].get<double>(), expected[measure][figure].get<double>(), 0.01)
          << measure << " " << figure;
    }
  }
  EXPECT_EQ(actual["problems"].get<std::vector<std::string>>(), expected["problems"].get<std::vector<std::string>>());
}

std::string timeml(std::string const& text_content) {
  return "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-02-12\" "
         "functionInDocument=\"CREATION_TIME\">2013-02-12</TIMEX3></DCT>\n<TEXT>" +
         text_content + "</TEXT>\n</TimeML>\n";
}

std::string timex(std::string const& type, std::string const& value, std::string const& text) {
  return "<TIMEX3 tid=\"t1\" type=\"" + type + "\" value=\"" + value + "\">" + text + "</TIMEX3>";
}

TEST(ReadTempevalDocument, CountsOffsetsInCodePoints) {
  auto const doc = io::read_tempeval_document(
      "<TEXT>Z\xC3\xBCrich &amp; " + timex("DATE", "2013", "2013") + "</TEXT>", "cp.tml");
  EXPECT_EQ(doc.text, U"Z\u00FCrich & 2013");
  ASSERT_EQ(doc.timexes.size(), 1U);
  EXPECT_EQ(doc.timexes[0], (io::tempeval_timex{9, 13, "DATE", "2013"}));  // bytes would say 10
}

TEST(ReadTempevalDocument, DecodesReferencesAsHtmlUnescape) {
  // Each expectation is what Python 3.11's html.unescape() returns.
  std::pair<char const*, std::u32string> const cases[] = {
      {"&amp;", U"&"},         {"&amp", U"&"},           {"&AMP", U"&"},
      {"&notit;", U"\u00ACit;"}, {"&#150;", U"\u2013"},  {"&#x41;", U"A"},
      {"&#X41", U"A"},         {"&#0;", U"\uFFFD"},      {"&#1;", U""},
      {"&bogus;", U"&bogus;"}, {"&#;", U"&#;"},          {"&#x;", U"&#x;"},
      {"&lang;", U"\u27E8"},   {"&copy2013", U"\u00A92013"}, {"&nbsp;x", U"\u00A0x"},
      {"&Alpha", U"&Alpha"},   {"&Alpha;", U"\u0391"},   {"&#99999999999;", U"\uFFFD"},
      {"&#xD800;", U"\uFFFD"}, {"&#65535;", U""},        {"&#13;", U"\r"},
      {"&am;p", U"&am;p"},     {"a & b", U"a & b"},      {"&&amp;", U"&&"}};
  for (auto const& [input, expected] : cases) EXPECT_EQ(text_of(input), expected) << input;
}

TEST(ReadTempevalDocument, ReadsNewlinesAsPythonTextMode) {
  EXPECT_EQ(text_of("a\r\nb\rc\n\r\n"), U"a\nb\nc\n\n");
}

TEST(ReadTempevalDocument, ReplacesInvalidUtf8AsPythonDoes) {
  // Python: b'a\xe2\x82b\xf0\x9f\x98\xc0\xaf\xed\xa0\x80z'.decode('utf-8', 'replace')
  EXPECT_EQ(text_of("a\xE2\x82" "b\xF0\x9F\x98\xC0\xAF\xED\xA0\x80z"),
            U"a\uFFFDb\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDz");
}

TEST(ReadTempevalDocument, TakesTheFirstTextToTheLastEndTag) {
  auto const doc = io::read_tempeval_document("<TEXT>a</TEXT>b<TEXT>c</TEXT>", "two.tml");
  EXPECT_EQ(doc.text, U"abc");
  EXPECT_TRUE(io::read_tempeval_document("<DOC>no text</DOC>", "none.tml").text.empty());
}

TEST(ReadTempevalDocument, ReadsAttributesAndTagsAsTheRegexesDo) {
  auto const doc = io::read_tempeval_document(
      "<TEXT><TIMEX3 tid='t1' type = \"DATE\" value=\"a&amp;b\" type=\"TIME\">x</TIMEX3>"
      "<TIMEX3 type=\"SET\" value=\"P1W\"/>y<!-- c -->< b></TEXT>",
      "attrs.tml");
  EXPECT_EQ(doc.text, U"xy<!-- c -->< b>");  // a comment is no tag to te3score, nor is "< b>"
  ASSERT_EQ(doc.timexes.size(), 1U);         // a self-closing TIMEX3 opens nothing
  EXPECT_EQ(doc.timexes[0], (io::tempeval_timex{0, 1, "TIME", "a&amp;b"}));  // later names win, no unescaping
}

TEST(ReadTempevalDocument, OrdersNestedTimexesByClosingTag) {
  auto const doc = io::read_tempeval_document(
      "<TEXT>" + timex("DATE", "outer", "from " + timex("DATE", "inner", "May") + " on") + "</TEXT>", "nested.tml");
  ASSERT_EQ(doc.timexes.size(), 2U);
  EXPECT_EQ(doc.timexes[0], (io::tempeval_timex{5, 8, "DATE", "inner"}));
  EXPECT_EQ(doc.timexes[1], (io::tempeval_timex{0, 11, "DATE", "outer"}));
}

TEST(ReadTempevalDocument, StrayClosingTimexIsInputError) {
  EXPECT_THROW(io::read_tempeval_document("<TEXT>a</TIMEX3></TEXT>", "stray.tml"), io::input_error);
}

TEST(ScoreTempeval, FixtureFiguresComputedByHand) {
  auto const r = io::score_tempeval(fixture_gold, fixture_system);
  // See fixtures/tempeval/README.md for the table these counts come from.
  EXPECT_EQ(r.counts, (io::tempeval_counts{8, 9, 3, 6, 5, 4}));
  EXPECT_DOUBLE_EQ(r.strict.precision, 33.33);  // 3/9
  EXPECT_DOUBLE_EQ(r.strict.recall, 37.5);      // 3/8
  EXPECT_DOUBLE_EQ(r.strict.f1, 35.29);         // 6/17
  EXPECT_DOUBLE_EQ(r.relaxed.precision, 66.67);
  EXPECT_DOUBLE_EQ(r.relaxed.recall, 75.0);
  EXPECT_DOUBLE_EQ(r.relaxed.f1, 70.59);  // 12/17
  EXPECT_DOUBLE_EQ(r.type.precision, 55.56);
  EXPECT_DOUBLE_EQ(r.type.recall, 62.5);
  EXPECT_DOUBLE_EQ(r.type.f1, 58.82);  // 10/17
  EXPECT_DOUBLE_EQ(r.value.precision, 44.44);
  EXPECT_DOUBLE_EQ(r.value.recall, 50.0);
  EXPECT_DOUBLE_EQ(r.value.f1, 47.06);  // 8/17
  EXPECT_EQ(r.problems, std::vector<std::string>{"charlie.tml: no system file"});
}

TEST(ScoreTempeval, FormatsTheReportAsTe3score) {
  EXPECT_EQ(io::format_tempeval_report(io::score_tempeval(fixture_gold, fixture_system)),
            "note: charlie.tml: no system file\n"
            "strict   P  33.33  R  37.50  F1  35.29\n"
            "relaxed  P  66.67  R  75.00  F1  70.59\n"
            "type     P  55.56  R  62.50  F1  58.82\n"
            "value    P  44.44  R  50.00  F1  47.06\n"
            "gold 8  system 9\n");
}

// fixtures/tempeval/README.md's table, one line per way a pair parts: "in March 2012" has both a
// wrong value and a wider extent; bravo's offsets are those of each file as read (code points,
// before white-space folding); charlie has no system file, so its gold timex is missed.
TEST(ScoreTempeval, ListsTheDisagreementsOfTheFixture) {
  auto const r = io::score_tempeval(fixture_gold, fixture_system);
  EXPECT_EQ(io::format_tempeval_disagreements(r),
            "spurious\talpha\t1\t-\t-\t-\t\"Smith & Sons\"\tDATE\tXXXX\n"
            "span\talpha\t49\t\"three weeks\"\tDURATION\tP3W\t\"for three weeks\"\tDURATION\tP3W\n"
            "wrong-value\talpha\t78\t\"next Tuesday\"\tDATE\t2013-02-19\t\"next Tuesday\"\tDATE\t2013-02-12\n"
            "missed\talpha\t101\t\"every month\"\tSET\tP1M\t-\t-\t-\n"
            "spurious\tbravo\t10\t-\t-\t-\t\"Z\u00fcrich\"\tDATE\tXXXX\n"
            "wrong-value\tbravo\t27\t\"March 2012\"\tDATE\t2012-03\t\"in March 2012\"\tDATE\t2012-03-01\n"
            "span\tbravo\t27\t\"March 2012\"\tDATE\t2012-03\t\"in March 2012\"\tDATE\t2012-03-01\n"
            "wrong-type\tbravo\t45\t\"yesterday\"\tDATE\t2013-02-11\t\"yesterday\"\tTIME\t2013-02-11\n"
            "span\tbravo\t61\t\"eleven months\"\tDURATION\tP11M\t\"eleven\"\tDURATION\tP11M\n"
            "spurious\tbravo\t69\t-\t-\t-\t\"months\"\tDURATION\tP1M\n"
            "missed\tcharlie\t13\t\"last week\"\tDATE\t2013-W06\t-\t-\t-\n");
  auto const j = io::disagreements_json(r);
  ASSERT_EQ(j.size(), 11U);
  EXPECT_EQ(j[0]["kind"], "spurious");
  EXPECT_TRUE(j[0]["gold"].is_null());
  EXPECT_EQ(j[2]["system"]["value"], "2013-02-12");
  EXPECT_TRUE(j[10]["system"].is_null());
}

// The disagreements add up to the counts: per kind, relaxed - value, relaxed - type, sys - relaxed
// and gold - relaxed.
void expect_disagreements_add_up(io::tempeval_result const& r) {
  auto const count = [&](io::tempeval_disagreement_kind kind) {
    return static_cast<std::size_t>(std::count_if(r.disagreements.begin(), r.disagreements.end(),
                                                  [&](auto const& d) { return d.kind == kind; }));
  };
  auto const& c = r.counts;
  EXPECT_EQ(count(io::tempeval_disagreement_kind::wrong_value), c.relaxed - c.value);
  EXPECT_EQ(count(io::tempeval_disagreement_kind::wrong_type), c.relaxed - c.type);
  EXPECT_EQ(count(io::tempeval_disagreement_kind::spurious), c.sys - c.relaxed);
  EXPECT_EQ(count(io::tempeval_disagreement_kind::missed), c.gold - c.relaxed);
}

TEST(ScoreTempeval, DisagreementsAddUpToTheFixtureCounts) {
  expect_disagreements_add_up(io::score_tempeval(fixture_gold, fixture_system));
}

TEST(ScoreTempeval, NothingToScoreGivesZeros) {
  scratch_dir const dir;
  auto const r = io::score_tempeval(dir.gold(), dir.system());
  EXPECT_EQ(r.counts, io::tempeval_counts{});
  EXPECT_EQ(r.strict.f1, 0.0);
  EXPECT_TRUE(r.problems.empty());
}

TEST(ScoreTempeval, MissingFolderIsInputError) {
  try {
    io::score_tempeval(fixture_gold, fixture_system + "/no-such-folder");
    FAIL() << "no input_error";
  } catch (io::input_error const& e) {
    EXPECT_EQ(e.document(), fixture_system + "/no-such-folder");
  }
}

TEST(ScoreTempeval, AgreesWithTe3scoreOnTheFixture) {
  if (auto const why = te3score_unavailable(); !why.empty()) GTEST_SKIP() << why;
  expect_agreement(fixture_gold, fixture_system);
}

// Cases where a careless reimplementation parts from te3score.py, scored by both.
TEST(ScoreTempeval, AgreesWithTe3scoreOnEdgeCases) {
  if (auto const why = te3score_unavailable(); !why.empty()) GTEST_SKIP() << why;
  scratch_dir const dir;
  // CRLF gold against LF system: equal once read in text mode.
  dir.write("gold/crlf.tml", timeml("\r\nSales fell " + timex("DATE", "2013-02-11", "yesterday") + ".\r\n"));
  dir.write("system/crlf.tml", timeml("\nSales fell " + timex("DATE", "2013-02-11", "yesterday") + ".\n"));
  // References html.unescape() reads in its own way, before a timex, and thin/ideographic spaces
  // folded against ASCII ones.
  std::string const refs = "&notit; &#150;&copy2013 &#1;&Alpha;&lang;&amp&nbsp;\xE2\x80\x89";
  dir.write("gold/refs.tml", timeml(refs + "was " + timex("DATE", "2013", "this year") + " and " +
                                    timex("DURATION", "P2D", "two days")));
  dir.write("system/refs.tml.out", timeml("&notit;  &#150;&copy2013 &#1;&Alpha;&lang;&amp \xE3\x80\x80was this " +
                                          timex("DATE", "2013", "year and two") + " days"));
  // Invalid UTF-8 before a timex, identical in both files.
  std::string const bad = "Caf\xC3 \xF0\x9F\x98 ";
  dir.write("gold/bytes.tml", timeml(bad + timex("DATE", "2012", "2012") + " " + timex("SET", "P1Y", "yearly")));
  dir.write("system/bytes.tml", timeml(bad + timex("DATE", "2012", "2012 ye") + "arly"));
  // Leading white space differs: te3score folds without stripping, so offsets shift by one.
  dir.write("gold/lead.tml", timeml("\n\nOn " + timex("DATE", "2013-02-11", "Monday") + " it rained."));
  dir.write("system/lead.tml", timeml("On " + timex("DATE", "2013-02-11", "Monday") + " it rained."));
  // Nested gold timexes; the system's one overlaps both.
  dir.write("gold/nested.tml",
            timeml("Open " + timex("DURATION", "P3D", "from " + timex("DATE", "2013-05-01", "May 1") + " on") + "."));
  dir.write("system/nested.tml", timeml("Open from " + timex("DATE", "2013-05-01", "May 1 on") + "."));
  // Texts that differ in more than white space, and a gold file without a system file.
  dir.write("gold/differs.tml", timeml("It rained " + timex("DATE", "2013-02-11", "yesterday") + "."));
  dir.write("system/differs.tml", timeml("It snowed " + timex("DATE", "2013-02-11", "yesterday") + "."));
  dir.write("gold/alone.tml", timeml(timex("DATE", "2013", "2013")));
  // No TEXT at all in the system file.
  dir.write("gold/empty.tml", timeml(timex("DATE", "2013", "2013")));
  dir.write("system/empty.tml", "<TimeML></TimeML>\n");
  expect_agreement(dir.gold(), dir.system());
}

std::vector<fs::path> tbaq_files() {
  std::vector<fs::path> files;
  for (char const* part : {"TimeBank", "AQUAINT"}) {
    fs::path const dir = fs::path(tbaq_dir) / part;
    if (!fs::is_directory(dir)) continue;
    for (auto const& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".tml") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(TbaqCorpus, GoldAgainstItselfScoresFullMarks) {
  for (char const* part : {"TimeBank", "AQUAINT"}) {
    std::string const dir = tbaq_dir + "/" + part;
    if (!fs::is_directory(dir)) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq_dir;
    auto const r = io::score_tempeval(dir, dir);
    SCOPED_TRACE(dir);
    EXPECT_GT(r.counts.gold, 100U);
    EXPECT_EQ(r.counts.sys, r.counts.gold);
    for (auto const* f : {&r.strict, &r.relaxed, &r.type, &r.value}) {
      EXPECT_EQ(f->precision, 100.0);
      EXPECT_EQ(f->recall, 100.0);
      EXPECT_EQ(f->f1, 100.0);
    }
    EXPECT_TRUE(r.problems.empty());
  }
}

TEST(TbaqCorpus, ReadersAgreeOnEveryTimex) {
  // parse_timeml (XML, bytes) and read_tempeval_document (te3score's regexes, code points) must
  // find the same timexes covering the same characters; the corpus is ASCII, and "\r\n" is what
  // only the XML reader keeps.
  auto const files = tbaq_files();
  if (files.empty()) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq_dir;
  for (auto const& path : files) {
    SCOPED_TRACE(path.string());
    std::string const bytes = slurp(path);
    auto const xml = io::parse_timeml(bytes, path.filename().string());
    auto const te3 = io::read_tempeval_document(bytes, path.string());
    ASSERT_EQ(xml.timexes.size(), te3.timexes.size());
    for (std::size_t i = 0; i < xml.timexes.size(); ++i) {
      std::string covered = xml.text.substr(xml.timexes[i].begin, xml.timexes[i].end - xml.timexes[i].begin);
      std::erase(covered, '\r');
      std::u32string const te3_covered = te3.text.substr(te3.timexes[i].begin, te3.timexes[i].end - te3.timexes[i].begin);
      EXPECT_EQ(std::u32string(covered.begin(), covered.end()), te3_covered);
      EXPECT_EQ(xml.timexes[i].type, te3.timexes[i].type);
      EXPECT_EQ(xml.timexes[i].value, te3.timexes[i].value);
    }
  }
}

grammar::temporal_mention mention_of(io::timeml_timex const& t) {
  grammar::temporal_mention m;
  m.begin = t.begin;
  m.end = t.end;
  m.type = t.type == "TIME"       ? grammar::timex_type::time
           : t.type == "DURATION" ? grammar::timex_type::duration
           : t.type == "SET"      ? grammar::timex_type::set
                                  : grammar::timex_type::date;
  m.value = t.value;
  return m;
}

// write_timeml() output as a system: all gold timexes give full marks; a degraded copy (every
// third timex dropped, every fourth widened by a character, every fifth value changed) gives the
// same figures here as in te3score.py.
TEST(TbaqCorpus, WrittenSystemFilesScoreAsTe3scoreSays) {
  auto const files = tbaq_files();
  if (files.empty()) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq_dir;
  scratch_dir const exact;
  scratch_dir const degraded;
  for (auto const& path : files) {
    std::string const bytes = slurp(path);
    auto const doc = io::parse_timeml(bytes, path.filename().string());
    std::vector<grammar::temporal_mention> all, some;
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
      auto m = mention_of(doc.timexes[i]);
      all.push_back(m);
      if (i % 3 == 2) continue;
      bool const room_after = i + 1 < doc.timexes.size() ? doc.timexes[i + 1].begin > m.end + 1 : m.end < doc.text.size();
      if (i % 4 == 3 && room_after) ++m.end;
      if (i % 5 == 4) m.value += "X";
      some.push_back(m);
    }
    std::string const name = path.filename().string();
    exact.write("gold/" + name, bytes);
    exact.write("system/" + name + ".TE3output", io::write_timeml(doc, all));
    degraded.write("system/" + name, io::write_timeml(doc, some));
  }
  auto const full = io::score_tempeval(exact.gold(), exact.system());
  EXPECT_EQ(full.counts.strict, full.counts.gold);
  EXPECT_EQ(full.value.f1, 100.0);
  EXPECT_TRUE(full.problems.empty());

  auto const partial = io::score_tempeval(exact.gold(), degraded.system());
  EXPECT_LT(partial.strict.f1, partial.relaxed.f1);
  EXPECT_LT(partial.value.f1, partial.type.f1);
  EXPECT_TRUE(full.disagreements.empty());
  expect_disagreements_add_up(partial);
  EXPECT_GT(partial.disagreements.size(), 0U);
  if (auto const why = te3score_unavailable(); !why.empty()) GTEST_SKIP() << why;
  expect_agreement(exact.gold(), exact.system());
  expect_agreement(exact.gold(), degraded.system());
}

}  // namespace
