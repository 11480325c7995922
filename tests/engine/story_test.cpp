// SPDX-License-Identifier: MIT
//
// The stories of fixtures/stories (see its README.md): each folder's articles are run through the
// engine exactly as `timeline build` runs them (io::read_documents, engine::reconcile,
// io::to_json), and the JSON is compared with the folder's expected.json. One case per folder,
// found at run time, so a new story needs no code.
//
// StoryCompare pins the comparison itself on small hand-written results, so that a story passing
// means the engine agrees with it, not that the comparison is blind.
#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <date/date.h>
#include <nlohmann/json.hpp>

#include <timeline/engine/document.hpp>
#include <timeline/engine/reconcile.hpp>
#include <timeline/io/read.hpp>
#include <timeline/io/timeline_json.hpp>

#include "support/story.hpp"

namespace timeline::testing {
namespace {

using nlohmann::json;

struct read_result {
  std::vector<engine::document> documents;
  std::vector<std::string> errors;  // files or lines that could not be read, documents with errors
};

read_result read_story(story const& s) {
  read_result r;
  io::read_options options;
  io::read_documents(
      {(s.dir / "articles").string()}, options,
      [&](io::source_document&& d) {
        for (auto const& e : d.errors) {
          r.errors.emplace_back(e.what());
        }
        r.documents.push_back(std::move(d.document));
      },
      [&](io::read_failure const& e) { r.errors.emplace_back(e.what()); });
  return r;
}

std::string failure_list(std::vector<std::string> const& failures) {
  std::string out;
  for (auto const& f : failures) {
    out += "\n  - " + f;
  }
  return out;
}

class Story : public ::testing::TestWithParam<story> {};

// The expectations are sound on their own, and the articles are read as the story says: every
// listed document exists, given dates are the ones the reader finds, undated ones have none.
TEST_P(Story, ExpectationsAreWellFormed) {
  json const expected = load_json(GetParam().dir / "expected.json");
  auto const problems = validate_expectations(expected);
  ASSERT_TRUE(problems.empty()) << GetParam().name << "/expected.json:" << failure_list(problems);

  read_result const r = read_story(GetParam());
  EXPECT_TRUE(r.errors.empty()) << failure_list(r.errors);
  std::set<std::string> read_ids;
  for (auto const& doc : r.documents) {
    read_ids.insert(doc.id);
  }
  std::set<std::string> listed;
  for (auto const& d : expected["documents"]) {
    std::string const id = d["id"].get<std::string>();
    listed.insert(id);
    auto const it = std::find_if(r.documents.begin(), r.documents.end(),
                                 [&](engine::document const& doc) { return doc.id == id; });
    if (it == r.documents.end()) {
      ADD_FAILURE() << "document '" << id << "' is listed in expected.json but no article has that id";
      continue;
    }
    if (d.value("match", "equal") == "within") {
      EXPECT_FALSE(it->dct.day.has_value())
          << "document '" << id << "' is expected to be undated (its window inferred), but the reader found "
          << date::format("%F", *it->dct.day) << " in " << it->dct.text;
    } else {
      ASSERT_TRUE(it->dct.day.has_value()) << "document '" << id << "' has no publication date";
      EXPECT_EQ(date::format("%F", *it->dct.day), d["dct"]["earliest"].get<std::string>())
          << "document '" << id << "': the reader found '" << it->dct.text << "'";
    }
  }
  EXPECT_EQ(read_ids, listed) << "expected.json must list every article, and only those";
}

// The engine, run as `timeline build` runs it, agrees with every expectation of the story.
TEST_P(Story, EngineAgreesWithExpected) {
  json const expected = load_json(GetParam().dir / "expected.json");
  read_result r = read_story(GetParam());
  ASSERT_TRUE(r.errors.empty()) << failure_list(r.errors);
  engine::timeline const tl = engine::reconcile(std::move(r.documents));
  json const actual = json::parse(io::to_json(tl).dump());
  auto failures = compare_story(expected, actual);
  // Known gaps are strict expected failures: each names (by a piece of its failure message) an
  // expectation the engine does not meet yet, and why. A gap that no longer fails is an error
  // too, so the list can only shrink as the engine improves; the expectation itself stays.
  std::vector<std::string> fixed_gaps;
  for (auto const& gap : expected.value("known_gaps", json::array())) {
    std::string const match = gap.at("failure").get<std::string>();
    auto const before = failures.size();
    std::erase_if(failures, [&](std::string const& f) { return f.find(match) != std::string::npos; });
    if (failures.size() == before) fixed_gaps.push_back(match);
  }
  EXPECT_TRUE(failures.empty()) << GetParam().name << ": " << expected.value("description", "") << "\n"
                                << failures.size() << " expectation(s) failed:" << failure_list(failures) << "\n"
                                << summarize_result(actual);
  EXPECT_TRUE(fixed_gaps.empty()) << GetParam().name << ": known gaps that now pass; remove them from expected.json:"
                                  << failure_list(fixed_gaps);
}

std::vector<story> all_stories() { return discover_stories(TIMELINE_FIXTURES_DIR "/stories"); }

std::string case_name(::testing::TestParamInfo<story> const& param) { return story_test_name(param.param.name); }

INSTANTIATE_TEST_SUITE_P(Stories, Story, ::testing::ValuesIn(all_stories()), case_name);

// Discovery found the stories (an empty folder would otherwise pass silently) and they cover
// every feature the issue asks for: a contradiction, an inferred window, a distinct pair, an
// absent list, a silent document, ordering cues and reported speech.
TEST(StoryFixtures, DiscoveryFindsEveryRequiredFeature) {
  auto const stories = all_stories();
  ASSERT_GE(stories.size(), 7U) << "stories found under " TIMELINE_FIXTURES_DIR "/stories";
  bool contradiction = false;
  bool inferred = false;
  bool distinct = false;
  bool absent = false;
  bool silent = false;
  for (auto const& s : stories) {
    json const e = load_json(s.dir / "expected.json");
    contradiction = contradiction || !e.value("contradictions", json::array()).empty();
    distinct = distinct || !e.value("distinct", json::array()).empty();
    absent = absent || !e.value("absent", json::array()).empty();
    silent = silent || !e.value("silent_documents", json::array()).empty();
    for (auto const& d : e.value("documents", json::array())) {
      inferred = inferred || d.value("match", "equal") == "within";
    }
  }
  EXPECT_TRUE(contradiction) << "no story plants a contradiction";
  EXPECT_TRUE(inferred) << "no story has an undated article";
  EXPECT_TRUE(distinct) << "no story has two events that must stay apart";
  EXPECT_TRUE(absent) << "no story lists values that must not appear";
  EXPECT_TRUE(silent) << "no story has a junk-only document";
}

// ---- the comparison, on hand-written results ----

json const two_strikes_expected = json::parse(R"({
  "documents": [{"id": "a", "dct": {"earliest": "2025-03-06", "latest": "2025-03-06"}},
                {"id": "b", "dct": {"earliest": "2025-03-17", "latest": "2025-03-17"}}],
  "events": [
    {"name": "first", "participants": ["Railway Drivers Association"], "trigger": ["strike", "walk"],
     "when": {"earliest": "2025-03-05", "latest": "2025-03-05"}, "documents": ["a", "b"], "min_support": 2},
    {"name": "second", "participants": ["Railway Drivers Association"], "trigger": ["strike"],
     "when": {"earliest": "2025-03-20", "latest": "2025-03-20"}, "documents": ["b"]}],
  "distinct": [[0, 1]],
  "contradictions": [],
  "absent": ["2025-03-12"]
})");

json event(int id, std::string const& earliest, std::string const& latest, std::vector<std::string> const& docs,
           std::string const& trigger = "strike") {
  json mentions = json::array();
  for (auto const& d : docs) {
    mentions.push_back({{"document", d}, {"sentence", 0}, {"text", "Drivers of the Railway Drivers Association struck."},
                        {"trigger", trigger}, {"timex", {{"text", "Wednesday"}, {"value", earliest}}}});
  }
  std::set<std::string> distinct_docs(docs.begin(), docs.end());
  return {{"id", id},
          {"label", trigger + ": Railway Drivers Association"},
          {"class", "event"},
          {"participants", {"Railway Drivers Association"}},
          {"when", {{"value", earliest}, {"earliest", earliest}, {"latest", latest}, {"grain", "day"}}},
          {"support", distinct_docs.size()},
          {"mentions", mentions}};
}

json result(json events, json contradictions = json::array()) {
  return {{"documents",
           {{{"id", "a"}, {"dct", {{"value", "2025-03-06"}, {"earliest", "2025-03-06"}, {"latest", "2025-03-06"}}}},
            {{"id", "b"}, {"dct", {{"value", "2025-03-17"}, {"earliest", "2025-03-17"}, {"latest", "2025-03-17"}}}}}},
          {"events", std::move(events)},
          {"contradictions", std::move(contradictions)}};
}

bool any_contains(std::vector<std::string> const& failures, std::string const& part) {
  return std::any_of(failures.begin(), failures.end(),
                     [&](std::string const& f) { return f.find(part) != std::string::npos; });
}

TEST(StoryCompare, AResultMeetingEveryExpectationPasses) {
  auto const failures = compare_story(
      two_strikes_expected,
      result({event(7, "2025-03-20", "2025-03-20", {"b"}), event(3, "2025-03-05", "2025-03-05", {"a", "b"}, "walked")}));
  EXPECT_TRUE(failures.empty()) << failure_list(failures);
}

TEST(StoryCompare, MergedEventsAreReportedAsMerged) {
  auto const failures = compare_story(two_strikes_expected,
                                      result({event(0, "2025-03-05", "2025-03-20", {"a", "b"})}));
  EXPECT_FALSE(failures.empty());
  // The merged event spans both days, so it matches neither exactly: both are reported missing.
  EXPECT_TRUE(any_contains(failures, "event 0 'first'")) << failure_list(failures);
  EXPECT_TRUE(any_contains(failures, "event 1 'second'")) << failure_list(failures);
}

TEST(StoryCompare, OneEventCannotStandForTwoDistinctOnes) {
  json expected = two_strikes_expected;
  expected["events"][1]["when"] = {{"earliest", "2025-03-01"}, {"latest", "2025-03-31"}};
  expected["events"][1]["match"] = "within";
  auto const failures = compare_story(expected, result({event(0, "2025-03-05", "2025-03-05", {"a", "b"})}));
  EXPECT_TRUE(any_contains(failures, "must be separate events, but the engine merged them")) << failure_list(failures);
}

TEST(StoryCompare, AWrongDayNamesTheNearestEvent) {
  auto const failures = compare_story(
      two_strikes_expected,
      result({event(0, "2025-03-12", "2025-03-12", {"a", "b"}), event(1, "2025-03-20", "2025-03-20", {"b"})}));
  EXPECT_TRUE(any_contains(failures, "event 0 'first'")) << failure_list(failures);
  EXPECT_TRUE(any_contains(failures, "Nearest:")) << failure_list(failures);
  EXPECT_TRUE(any_contains(failures, "'2025-03-12' must appear nowhere")) << failure_list(failures);
}

TEST(StoryCompare, AMissingLinkIsReported) {
  auto const failures = compare_story(
      two_strikes_expected,
      result({event(0, "2025-03-05", "2025-03-05", {"a"}), event(1, "2025-03-05", "2025-03-05", {"b"}),
              event(2, "2025-03-20", "2025-03-20", {"b"})}));
  EXPECT_TRUE(any_contains(failures, "which has no mention from [")) << failure_list(failures);
}

TEST(StoryCompare, UnexpectedAndMissingContradictionsAreReported) {
  json const clash = {{"event", 0},
                      {"claims", {{{"document", "a"}, {"value", "2025-03-05"}}, {{"document", "b"}, {"value", "2025-03-04"}}}},
                      {"explanation", "two days"},
                      {"resolution", "kept 2025-03-05"}};
  json const events = {event(0, "2025-03-05", "2025-03-05", {"a", "b"}), event(1, "2025-03-20", "2025-03-20", {"b"})};
  EXPECT_TRUE(any_contains(compare_story(two_strikes_expected, result(events, {clash})), "unexpected contradiction"));

  json expected = two_strikes_expected;
  expected["contradictions"] = {{{"event", 0}, {"documents", {"a", "b"}}, {"values", {"2025-03-05", "2025-03-04"}}}};
  EXPECT_TRUE(compare_story(expected, result(events, {clash})).empty());
  EXPECT_TRUE(any_contains(compare_story(expected, result(events)), "not reported"));
}

TEST(StoryCompare, WithinAcceptsANarrowerWindowAndRejectsAWiderOne) {
  json expected = two_strikes_expected;
  expected["documents"][1] = {{"id", "b"}, {"dct", {{"earliest", "2025-03-15"}, {"latest", "2025-03-20"}}},
                              {"match", "within"}, {"contains", "2025-03-17"}};
  json const events = {event(0, "2025-03-05", "2025-03-05", {"a", "b"}), event(1, "2025-03-20", "2025-03-20", {"b"})};
  json narrow = result(events);
  narrow["documents"][1]["dct"] = {{"value", nullptr}, {"earliest", "2025-03-16"}, {"latest", "2025-03-18"}};
  EXPECT_TRUE(compare_story(expected, narrow).empty()) << failure_list(compare_story(expected, narrow));
  json wide = result(events);
  wide["documents"][1]["dct"] = {{"value", nullptr}, {"earliest", "2025-03-10"}, {"latest", "2025-03-18"}};
  EXPECT_TRUE(any_contains(compare_story(expected, wide), "must lie within"));
  json unknown = result(events);
  unknown["documents"][1]["dct"] = {{"value", nullptr}, {"earliest", nullptr}, {"latest", nullptr}};
  EXPECT_TRUE(any_contains(compare_story(expected, unknown), "must lie within"));
}

TEST(StoryCompare, SilentDocumentsMustHaveNoMention) {
  json expected = two_strikes_expected;
  expected["silent_documents"] = {"a"};
  auto const failures = compare_story(
      expected, result({event(0, "2025-03-05", "2025-03-05", {"a", "b"}), event(1, "2025-03-20", "2025-03-20", {"b"})}));
  EXPECT_TRUE(any_contains(failures, "document 'a' must contribute nothing")) << failure_list(failures);
}

TEST(StoryCompare, TriggersArePrefixesOfWholeWords) {
  json expected = two_strikes_expected;
  expected["events"][1]["trigger"] = {"rike"};  // inside "strike", not at a word's start
  auto const failures = compare_story(
      expected, result({event(0, "2025-03-05", "2025-03-05", {"a", "b"}), event(1, "2025-03-20", "2025-03-20", {"b"})}));
  EXPECT_TRUE(any_contains(failures, "event 1 'second'")) << failure_list(failures);
}

TEST(StoryCompare, MalformedExpectationsAreRejected) {
  json bad = two_strikes_expected;
  bad["events"][0]["when"]["latest"] = "2025-02-30";
  bad["distinct"] = {{0, 5}};
  bad["events"][1]["documents"] = {"z"};
  bad["evnts"] = json::array();
  auto problems = validate_expectations(bad);
  EXPECT_TRUE(any_contains(problems, "unknown key 'evnts'")) << failure_list(problems);
  bad.erase("evnts");
  problems = validate_expectations(bad);
  EXPECT_TRUE(any_contains(problems, "must be ISO days")) << failure_list(problems);
  EXPECT_TRUE(any_contains(problems, "distinct")) << failure_list(problems);
  EXPECT_TRUE(any_contains(problems, "unknown document 'z'")) << failure_list(problems);
  EXPECT_TRUE(validate_expectations(two_strikes_expected).empty());
}

TEST(StoryCompare, NamesAreCamelCase) {
  EXPECT_EQ(story_test_name("bridge-reopening"), "BridgeReopening");
  EXPECT_EQ(story_test_name("poland-runoff-jsonl"), "PolandRunoffJsonl");
  EXPECT_EQ(story_test_name("---"), "Unnamed");
}

}  // namespace
}  // namespace timeline::testing
