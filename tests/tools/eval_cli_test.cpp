// SPDX-License-Identifier: MIT
//
// `timeline eval`: the report te3score.py prints, its --json object, the --errors listing, and the
// exit status for a folder that does not exist.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <sys/wait.h>

#include <gtest/gtest.h>

#include "support/cli.hpp"
#include <nlohmann/json.hpp>

namespace {

std::string const gold = TIMELINE_FIXTURES_DIR "/tempeval/gold";
std::string const sys = TIMELINE_FIXTURES_DIR "/tempeval/system";
std::string const te3score = TIMELINE_SHARED_DIR "/tools/te3score.py";

using run_result = timeline::test::command_result;
run_result run(std::string const& command) { return timeline::test::run_command(command); }

std::string eval_command(std::string const& args) { return std::string("'") + TIMELINE_CLI + "' eval " + args; }

TEST(EvalCommand, PrintsTheTe3scoreReport) {
  auto const r = run(eval_command("'" + gold + "' '" + sys + "'"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output,
            "note: charlie.tml: no system file\n"
            "strict   P  33.33  R  37.50  F1  35.29\n"
            "relaxed  P  66.67  R  75.00  F1  70.59\n"
            "type     P  55.56  R  62.50  F1  58.82\n"
            "value    P  44.44  R  50.00  F1  47.06\n"
            "gold 8  system 9\n");
}

TEST(EvalCommand, ReportIsByteForByteTe3scores) {
  if (!std::filesystem::exists(te3score) || std::system("python3 --version >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 or " << te3score << " not available";
  }
  auto const ours = run(eval_command("'" + gold + "' '" + sys + "'"));
  auto const theirs = run("python3 '" + te3score + "' '" + gold + "' '" + sys + "'");
  ASSERT_EQ(theirs.status, 0);
  EXPECT_EQ(ours.output, theirs.output);
}

TEST(EvalCommand, JsonPrintsOneObjectWithTe3scoresFields) {
  auto const r = run(eval_command("'" + gold + "' '" + sys + "' --json"));
  ASSERT_EQ(r.status, 0);
  auto const j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["counts"]["gold"], 8);
  EXPECT_EQ(j["counts"]["sys"], 9);
  EXPECT_EQ(j["counts"]["value"], 4);
  EXPECT_DOUBLE_EQ(j["relaxed"]["F1"].get<double>(), 70.59);
  EXPECT_DOUBLE_EQ(j["value"]["P"].get<double>(), 44.44);
  EXPECT_EQ(j["problems"], nlohmann::json::array({"charlie.tml: no system file"}));
  EXPECT_FALSE(j.contains("errors"));
}

TEST(EvalCommand, ErrorsListsEachDisagreementAfterTheReport) {
  auto const plain = run(eval_command("'" + gold + "' '" + sys + "'"));
  auto const r = run(eval_command("'" + gold + "' '" + sys + "' --errors"));
  ASSERT_EQ(r.status, 0);
  ASSERT_EQ(r.output.substr(0, plain.output.size()), plain.output);
  std::string const errors = r.output.substr(plain.output.size());
  EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 11);
  EXPECT_NE(errors.find("wrong-value\talpha\t78\t\"next Tuesday\"\tDATE\t2013-02-19\t\"next Tuesday\"\tDATE\t2013-02-12\n"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("missed\tcharlie\t13\t\"last week\"\tDATE\t2013-W06\t-\t-\t-\n"), std::string::npos) << errors;

  auto const j = nlohmann::json::parse(run(eval_command("'" + gold + "' '" + sys + "' --json --errors")).output);
  ASSERT_EQ(j["errors"].size(), 11U);
  EXPECT_EQ(j["errors"][0]["kind"], "spurious");
  EXPECT_EQ(j["errors"][0]["system"]["text"], "Smith & Sons");
}

TEST(EvalCommand, MissingFolderIsAnInputErrorNamingIt) {
  auto const r = run(eval_command("'" + gold + "' /nonexistent/timeline-system 2>&1"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("/nonexistent/timeline-system"), std::string::npos) << r.output;
}

TEST(EvalCommand, MissingArgumentIsAUsageError) {
  EXPECT_EQ(run(eval_command("'" + gold + "' 2>&1")).status, 2);
}

}  // namespace
