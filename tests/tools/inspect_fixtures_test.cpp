// SPDX-License-Identifier: MIT
//
// Golden tests of `timeline inspect` over fixtures/articles: every input there (a file in a
// supported format, a folder, or a NAME.args file listing arguments one per line) is one case, run
// from inside fixtures/articles with --sentences, and compared with expected/CASE.json:
//   {"args": [...], "exit": N, "stderr": ["line", ...], "documents": [{inspect object}, ...]}
// Set TIMELINE_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff like code.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/cli.hpp"
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

fs::path const articles_dir = fs::path{TIMELINE_FIXTURES_DIR} / "articles";

struct fixture_case {
  std::string name;  // the input's file name ("records.jsonl", "collection", "dct_options.args")
  std::vector<std::string> args;
};

void PrintTo(fixture_case const& c, std::ostream* os) { *os << c.name; }

bool is_input(fs::directory_entry const& entry) {
  std::string const name = entry.path().filename().string();
  if (name.starts_with('.') || name == "expected") {
    return false;
  }
  if (entry.is_directory()) {
    return true;
  }
  std::string const ext = entry.path().extension().string();
  return ext == ".txt" || ext == ".jsonl" || ext == ".html" || ext == ".tml" || ext == ".TE3input" || ext == ".args";
}

std::vector<fixture_case> load_cases() {
  std::vector<fixture_case> cases;
  for (auto const& entry : fs::directory_iterator{articles_dir}) {
    if (!is_input(entry)) {
      continue;
    }
    fixture_case c;
    c.name = entry.path().filename().string();
    if (entry.path().extension() == ".args") {
      std::ifstream in{entry.path()};
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) {
          c.args.push_back(line);
        }
      }
    } else {
      c.args.push_back(c.name);
    }
    cases.push_back(std::move(c));
  }
  std::sort(cases.begin(), cases.end(), [](auto const& a, auto const& b) { return a.name < b.name; });
  return cases;
}

// "story_list_no_date.txt" -> "StoryListNoDateTxt" (GoogleTest names have no underscores).
std::string case_name(::testing::TestParamInfo<fixture_case> const& info) {
  std::string out;
  bool upper = true;
  for (char const c : info.param.name) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
      upper = false;
    } else {
      upper = true;
    }
  }
  return out;
}

std::string quote(std::string const& s) {
  std::string out = "'";
  for (char const c : s) {
    out += c == '\'' ? std::string{"'\\''"} : std::string(1, c);
  }
  return out + "'";
}

struct run_result {
  int exit = -1;
  std::string out;
  std::string err;
};

run_result run_inspect(std::vector<std::string> const& args) {
  fs::path const err_file = fs::temp_directory_path() / ("timeline_inspect_fixture_" + std::to_string(::getpid()));
  std::string command{"cd "};
  command += quote(articles_dir.string());
  command += " && ";
  command += quote(TIMELINE_CLI);
  command += " inspect --sentences";
  for (auto const& a : args) {
    command += ' ';
    command += quote(a);
  }
  command += " 2>";
  command += quote(err_file.string());
  run_result result;
  auto const [status, out] = timeline::test::run_command(command);
  result.out = out;
  result.exit = status;
  std::ifstream err{err_file};
  result.err.assign(std::istreambuf_iterator<char>{err}, {});
  fs::remove(err_file);
  return result;
}

std::vector<std::string> lines_of(std::string const& text) {
  std::vector<std::string> lines;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

class InspectFixture : public ::testing::TestWithParam<fixture_case> {};

TEST_P(InspectFixture, MatchesExpected) {
  fixture_case const& c = GetParam();
  run_result const r = run_inspect(c.args);
  json actual;
  actual["args"] = c.args;
  actual["exit"] = r.exit;
  actual["stderr"] = lines_of(r.err);
  actual["documents"] = json::array();
  for (auto const& line : lines_of(r.out)) {
    json parsed = json::parse(line, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "inspect printed a line that is not JSON: " << line;
    actual["documents"].push_back(std::move(parsed));
  }

  fs::path const expected_path = articles_dir / "expected" / (c.name + ".json");
  if (std::getenv("TIMELINE_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(expected_path.parent_path());
    std::ofstream{expected_path} << actual.dump(2) << "\n";
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  std::ifstream in{expected_path};
  ASSERT_TRUE(in) << "no expected result " << expected_path << " (run with TIMELINE_UPDATE_GOLDEN=1, then review)";
  json const expected = json::parse(in);
  EXPECT_EQ(actual["exit"], expected["exit"]);
  EXPECT_EQ(actual["stderr"], expected["stderr"]) << "stderr:\n" << r.err;
  ASSERT_EQ(actual["documents"].size(), expected["documents"].size()) << r.out;
  for (std::size_t i = 0; i < expected["documents"].size(); ++i) {
    EXPECT_EQ(actual["documents"][i].dump(2), expected["documents"][i].dump(2)) << "document " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Articles, InspectFixture, ::testing::ValuesIn(load_cases()), case_name);

// The contract fields, with their types, on every line of every case: a renamed field fails here
// even when the golden files were regenerated without review.
TEST(InspectContract, EveryDocumentHasTheContractFields) {
  std::vector<std::string> all;
  for (auto const& c : load_cases()) {
    if (c.name.ends_with(".args")) {
      continue;
    }
    all.push_back(c.name);
  }
  all.push_back("does_not_exist.txt");
  run_result const r = run_inspect(all);
  EXPECT_EQ(r.exit, 1);
  std::size_t documents = 0;
  for (auto const& line : lines_of(r.out)) {
    json const d = json::parse(line);
    ++documents;
    ASSERT_TRUE(d.contains("document") && d["document"].is_string()) << line;
    ASSERT_TRUE(d.contains("title") && (d["title"].is_string() || d["title"].is_null())) << line;
    ASSERT_TRUE(d["status"] == "ok" || d["status"] == "error") << line;
    EXPECT_EQ(d.contains("error"), d["status"] == "error") << line;
    ASSERT_TRUE(d["dct"].is_object()) << line;
    EXPECT_TRUE(d["dct"]["value"].is_null() || d["dct"]["value"].get<std::string>().size() == 10) << line;
    EXPECT_TRUE(d["dct"]["source"].is_string()) << line;
    EXPECT_TRUE(d["dct"].contains("text")) << line;
    EXPECT_TRUE(d["sentences"].is_number_unsigned()) << line;
    ASSERT_TRUE(d["boilerplate"].is_array()) << line;
    for (auto const& b : d["boilerplate"]) {
      EXPECT_TRUE(b["begin"].is_number_unsigned() && b["end"].is_number_unsigned() && b["text"].is_string()) << line;
      EXPECT_LT(b["begin"].get<std::size_t>(), b["end"].get<std::size_t>()) << line;
    }
  }
  // Every document given appears: at least one line per input, and the missing path too.
  EXPECT_GE(documents, all.size());
  EXPECT_NE(r.out.find("\"document\":\"does_not_exist\""), std::string::npos);
}

}  // namespace
