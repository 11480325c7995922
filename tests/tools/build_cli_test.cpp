// SPDX-License-Identifier: MIT
//
// `timeline build`: the JSON contract on the seed articles, the people formats, and exit statuses.
#include <array>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <sys/wait.h>

#include <gtest/gtest.h>

#include "support/cli.hpp"
#include <nlohmann/json.hpp>

namespace {

using run_result = timeline::test::command_result;
run_result run(std::string const& command) { return timeline::test::run_command(command); }

std::string const seeds = TIMELINE_SHARED_DIR "/seeds";
std::string const seed_dates =
    " --dct 000_c70b629e179cf3ea=2023-09-04 --dct 001_94c07411850b2005=2023-09-05"
    " --dct 002_b7c93bb4a068ac03=2023-09-05 --dct 004_2574984210cee625=2023-09-05 ";

std::string build(std::string const& args) { return std::string("'") + TIMELINE_CLI + "' build " + args + " 2>/dev/null"; }

TEST(BuildCommand, SeedsFollowTheJsonContract) {
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << seeds << " not available";
  auto const r = run(build(seed_dates + "'" + seeds + "'"));
  ASSERT_EQ(r.status, 0);
  auto const j = nlohmann::json::parse(r.output);
  ASSERT_EQ(j.at("documents").size(), 5U);
  for (auto const& d : j["documents"]) {
    for (auto const* key : {"value", "earliest", "latest", "source"}) EXPECT_TRUE(d.at("dct").contains(key)) << key;
  }
  ASSERT_FALSE(j.at("events").empty());
  for (auto const& e : j["events"]) {
    for (auto const* key : {"id", "label", "participants", "when", "support", "mentions"}) EXPECT_TRUE(e.contains(key)) << key;
    for (auto const* key : {"value", "earliest", "latest", "grain"}) EXPECT_TRUE(e["when"].contains(key)) << key;
    for (auto const& m : e["mentions"]) {
      for (auto const* key : {"document", "sentence", "text", "timex"}) EXPECT_TRUE(m.contains(key)) << key;
    }
  }
  for (auto const& c : j.at("contradictions")) {
    for (auto const* key : {"event", "claims", "explanation", "resolution"}) EXPECT_TRUE(c.contains(key)) << key;
  }
}

TEST(BuildCommand, SeedsPlaceShoigusVisitInJulyAndFlagLastMonth) {
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << seeds << " not available";
  auto const j = nlohmann::json::parse(run(build(seed_dates + "'" + seeds + "'")).output);
  nlohmann::json visit;
  for (auto const& e : j["events"]) {
    if (e["class"] == "visit" && e["participants"] == nlohmann::json::array({"Sergei Shoigu"})) visit = e;
  }
  ASSERT_FALSE(visit.is_null());
  EXPECT_EQ(visit["when"]["value"], "2023-07");
  EXPECT_EQ(visit["support"], 3);
  bool flagged = false;
  for (auto const& c : j["contradictions"]) {
    if (c["event"] != visit["id"]) continue;
    for (auto const& q : c["claims"]) flagged = flagged || (q["document"] == "000_c70b629e179cf3ea" && q["relaxed"] == true);
  }
  EXPECT_TRUE(flagged);
  // Page furniture ("2025-05-06 06:03 1447 view") yields no event.
  for (auto const& e : j["events"]) {
    for (auto const& m : e["mentions"]) EXPECT_EQ(m["text"].get<std::string>().find("view"), std::string::npos);
  }
}

TEST(BuildCommand, TextAndMarkdownListEventsThenContradictions) {
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << seeds << " not available";
  auto const text = run(build("--format text" + seed_dates + "'" + seeds + "'"));
  EXPECT_EQ(text.status, 0);
  EXPECT_LT(text.output.find("TIMELINE"), text.output.find("CONTRADICTIONS"));
  auto const md = run(build("--format markdown" + seed_dates + "'" + seeds + "'"));
  EXPECT_NE(md.output.find("| when | earliest | latest | event | sources | support |"), std::string::npos);
  EXPECT_NE(md.output.find("## Contradictions"), std::string::npos);
}

TEST(BuildCommand, BadFormatIsAUsageError) {
  EXPECT_EQ(run(build("--format yaml x")).status, 2);
}

TEST(BuildCommand, MissingInputFails) {
  EXPECT_EQ(run(build("/nonexistent/articles")).status, 1);
}

}  // namespace
