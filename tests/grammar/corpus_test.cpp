// SPDX-License-Identifier: MIT
//
// Runs the English example corpus (fixtures/corpus/en/*.jsonl) through extract(), one GoogleTest case
// per text or sentence, with Duckling's makeCorpusTest assertions: a distinct message for an empty
// result, a mention that does not cover the whole input, and several mentions. The extract() trace
// is collected for every case and printed only when the case fails (chrono's BufferedDebugHandler).
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <date/date.h>

#include <timeline/grammar/extract.hpp>

#include "support/build.hpp"
#include "support/corpus.hpp"

namespace timeline::testing {
namespace {

namespace g = timeline::grammar;

std::string day_string(date::sys_days d) { return date::format("%F", d); }

std::string describe(g::temporal_mention const& m, std::string const& text) {
  std::ostringstream out;
  out << '[' << m.begin << ',' << m.end << ") \"";
  if (m.begin <= m.end && m.end <= text.size()) out << text.substr(m.begin, m.end - m.begin);
  out << "\" " << g::to_string(m.type) << ' ' << m.value;
  if (!m.mod.empty()) out << " mod=" << m.mod;
  if (!m.quant.empty()) out << " quant=" << m.quant;
  if (!m.freq.empty()) out << " freq=" << m.freq;
  if (m.when) {
    out << " [" << day_string(m.when->earliest) << ", " << day_string(m.when->latest) << ']';
  } else {
    out << " [no interval]";
  }
  out << ' ' << g::to_string(m.granularity) << " anchor=" << g::to_string(m.anchor);
  if (!m.anchor_value.empty()) out << '(' << m.anchor_value << ')';
  out << " rule=" << m.rule;
  return out.str();
}

std::string describe_all(std::vector<g::temporal_mention> const& ms, std::string const& text) {
  std::string out;
  for (auto const& m : ms) out += "\n  " + describe(m, text);
  return out.empty() ? std::string{"\n  (none)"} : out;
}


void check_bound(expected_bound const& expected, g::temporal_mention const& m, bool earliest, std::string const& got) {
  if (!expected.checked) return;
  char const* const name = earliest ? "earliest" : "latest";
  if (!expected.day) {
    EXPECT_FALSE(m.when.has_value()) << "expected no interval, got " << name << ' '
                                     << day_string(earliest ? m.when->earliest : m.when->latest) << "\n  got " << got;
    return;
  }
  if (!m.when) {
    ADD_FAILURE() << "expected " << name << ' ' << day_string(*expected.day) << ", got no interval\n  got " << got;
    return;
  }
  EXPECT_EQ(day_string(earliest ? m.when->earliest : m.when->latest), day_string(*expected.day))
      << name << " differs\n  got " << got;
}

// Compares one mention with the expectation, field by field, each with its own message.
void check_mention(corpus_expectation const& e, g::temporal_mention const& m, std::string const& text) {
  auto const got = describe(m, text);
  EXPECT_EQ(g::to_string(m.type), e.type) << "type differs\n  got " << got;
  EXPECT_EQ(m.value, e.value) << "value differs\n  got " << got;
  EXPECT_EQ(m.mod, e.mod) << "mod differs\n  got " << got;
  EXPECT_EQ(m.quant, e.quant) << "quant differs\n  got " << got;
  EXPECT_EQ(m.freq, e.freq) << "freq differs\n  got " << got;
  check_bound(e.earliest, m, true, got);
  check_bound(e.latest, m, false, got);
  if (e.grain) {
    EXPECT_EQ(g::to_string(m.granularity), *e.grain) << "grain differs\n  got " << got;
  }
  if (e.anchor) {
    EXPECT_EQ(g::to_string(m.anchor), "previous") << "an anaphoric mention must count from the previous date\n  got "
                                                   << got;
    EXPECT_EQ(m.anchor_value, *e.anchor) << "anchor value differs\n  got " << got;
  }
}

void check_case(corpus_case const& c, std::vector<g::temporal_mention> const& found) {
  if (!c.expect) {
    EXPECT_TRUE(found.empty()) << "a negative example must yield no mention, got " << found.size() << ':'
                               << describe_all(found, c.text);
    return;
  }
  if (c.span) {
    auto const end = c.span_begin + c.span->size();
    for (auto const& m : found) {
      if (m.begin == c.span_begin && m.end == end) {
        check_mention(*c.expect, m, c.text);
        return;
      }
    }
    ADD_FAILURE() << "no mention spans exactly \"" << *c.span << "\" [" << c.span_begin << ',' << end
                  << "), got:" << describe_all(found, c.text);
    return;
  }
  // Duckling's makeCorpusTest: exactly one mention covering the whole input.
  ASSERT_FALSE(found.empty()) << "empty result";
  ASSERT_EQ(found.size(), 1U) << found.size() << " different mentions:" << describe_all(found, c.text);
  auto const& m = found.front();
  ASSERT_TRUE(m.begin == 0 && m.end == c.text.size())
      << "doesn't fully match [0," << c.text.size() << "):" << describe_all(found, c.text);
  check_mention(*c.expect, m, c.text);
}

class EnCorpus : public ::testing::TestWithParam<corpus_case> {};

TEST_P(EnCorpus, Extract) {
  auto const& c = GetParam();
  ASSERT_TRUE(c.error.empty()) << "malformed corpus line " << c.file << ':' << c.line << ": " << c.error;

  std::string trace;
  g::extract_options options;
  options.allow_latent = c.allow_latent;
  options.trace = [&trace](std::string_view line) {
    trace.append(line);
    trace.push_back('\n');
  };
  auto const found = g::extract(c.text, c.pub, options);
  check_case(c, found);
  // The scanner tries at a word only the productions its tables pick by the first two words; with
  // all of them tried everywhere the result must be the same.
  g::extract_options exhaustive;
  exhaustive.allow_latent = c.allow_latent;
  exhaustive.try_every_production = true;
  EXPECT_EQ(describe_all(found, c.text), describe_all(g::extract(c.text, c.pub, exhaustive), c.text))
      << "the scanner's tables lost a match that trying every production finds";
  if (HasFailure()) {
    std::cout << "pub " << date::format("%F %a", c.pub.day);
    if (c.pub.time_of_day) std::cout << ' ' << date::format("%R", *c.pub.time_of_day);
    std::cout << "\nextract trace:\n" << (trace.empty() ? "  (empty)\n" : trace);
  }
}

std::string case_name(::testing::TestParamInfo<corpus_case> const& info) { return corpus_case_name(info.param); }

std::vector<corpus_case> load(char const* name, corpus_load_options options = {}) {
  return load_corpus(std::string{TIMELINE_FIXTURES_DIR} + "/corpus/en/" + name, options);
}

INSTANTIATE_TEST_SUITE_P(Absolute, EnCorpus, ::testing::ValuesIn(load("absolute.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(MonthDay, EnCorpus, ::testing::ValuesIn(load("month_day.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Deictic, EnCorpus, ::testing::ValuesIn(load("deictic.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Weekday, EnCorpus, ::testing::ValuesIn(load("weekday.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Fuzzy, EnCorpus, ::testing::ValuesIn(load("fuzzy.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Time, EnCorpus, ::testing::ValuesIn(load("time.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Duration, EnCorpus, ::testing::ValuesIn(load("duration.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Set, EnCorpus, ::testing::ValuesIn(load("set.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Vague, EnCorpus, ::testing::ValuesIn(load("vague.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Holiday, EnCorpus, ::testing::ValuesIn(load("holiday.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Anaphoric, EnCorpus, ::testing::ValuesIn(load("anaphoric.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Negative, EnCorpus, ::testing::ValuesIn(load("negative.jsonl")), case_name);
INSTANTIATE_TEST_SUITE_P(Latent, EnCorpus, ::testing::ValuesIn(load("latent.jsonl", {.allow_latent = true})),
                         case_name);

// The corpus as a whole: every file loads, and the classes keep the size the brief asks for.
TEST(EnCorpusFiles, MeetMinimumSizes) {
  std::map<std::string, std::size_t> const minimum{
      {"absolute.jsonl", 1},  {"month_day.jsonl", 1}, {"deictic.jsonl", 1},  {"weekday.jsonl", 1},
      {"fuzzy.jsonl", 1},     {"time.jsonl", 1},      {"duration.jsonl", 1}, {"set.jsonl", 1},
      {"vague.jsonl", 1},     {"holiday.jsonl", 1},   {"anaphoric.jsonl", 1}, {"negative.jsonl", 60},
      {"latent.jsonl", 1},
  };
  std::size_t total = 0;
  for (auto const& [file, at_least] : minimum) {
    auto const cases = load(file.c_str());
    for (auto const& c : cases) EXPECT_TRUE(c.error.empty()) << c.file << ':' << c.line << ": " << c.error;
    EXPECT_GE(cases.size(), at_least) << file;
    total += cases.size();
  }
  EXPECT_GE(total, 450U);
}

// The same check on running text: every file of the project's stories, and TimeBank + AQUAINT when
// ../shared has them (the markup is read as text too: both ways see the same bytes).
// Every `stride`-th file of `root` in path order.
std::size_t check_tables_on(std::filesystem::path const& root, std::size_t stride = 1) {
  std::vector<std::filesystem::path> paths;
  for (auto const& entry : std::filesystem::recursive_directory_iterator{root}) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::size_t files = 0;
  g::reference_time dct;
  dct.day = date::sys_days{date::year{1998} / 2 / 27};
  g::extract_options exhaustive;
  exhaustive.try_every_production = true;
  for (std::size_t i = 0; i < paths.size(); i += stride) {
    std::ifstream in{paths[i], std::ios::binary};
    std::string const text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    EXPECT_EQ(describe_all(g::extract(text, dct), text), describe_all(g::extract(text, dct, exhaustive), text))
        << "the scanner's tables lost a match in " << paths[i];
    ++files;
  }
  return files;
}

// Trying every production over all of TBAQ takes 3.5 s in Release and 100 s under the sanitizers
// at -O0; those read every eighth document: the Release run covers the gate, the sanitized one is
// there for memory errors.
constexpr std::size_t tbaq_stride = sanitized_build ? 8 : 1;

TEST(ScannerTables, LoseNoMatchInTheStories) {
  EXPECT_GT(check_tables_on(std::filesystem::path{TIMELINE_FIXTURES_DIR} / "stories"), 10U);
}

TEST(ScannerTables, LoseNoMatchInTbaq) {
  std::filesystem::path const tbaq = std::filesystem::path{TIMELINE_SHARED_DIR} / "corpora" / "tbaq";
  if (!std::filesystem::is_directory(tbaq)) GTEST_SKIP() << "TBAQ corpus not found under " << tbaq;
  EXPECT_GT(check_tables_on(tbaq, tbaq_stride), 200U / tbaq_stride);
}

}  // namespace
}  // namespace timeline::testing
