// SPDX-License-Identifier: MIT
//
// `timeline tag`, run as a program: the contract of the command line, point by point.
//
//   timeline tag [--dct YYYY-MM-DD[THH:MM]] [--format json|timeml|text] [--out DIR] [FILE...]
//
// Every test runs the built binary (TIMELINE_CLI) with its standard input, output and error
// redirected to files in a folder made for that test, then reads what it wrote. Small inputs are
// committed under fixtures/tag/; the bad ones (invalid UTF-8, NUL bytes, a 50 MB line) are written
// by the test that needs them.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string const fixtures = TIMELINE_FIXTURES_DIR "/tag";

struct cli_result {
  int status = -1;         // the exit status; -1 when the program did not exit normally
  int signal = 0;          // the signal that ended it, 0 when it exited
  std::string out;
  std::string err;
};

std::string read_all(fs::path const& path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(fs::path const& path, std::string_view bytes) {
  std::ofstream out{path, std::ios::binary};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// One JSON object per non-empty line of `text`.
std::vector<json> json_lines(std::string const& text) {
  std::vector<json> lines;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(json::parse(line));
  }
  return lines;
}

// The object for document `id` among `lines`, or nullopt.
std::optional<json> document(std::vector<json> const& lines, std::string const& id) {
  for (auto const& j : lines) {
    if (j.value("document", std::string{}) == id) return j;
  }
  return std::nullopt;
}

// The code points of valid UTF-8.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto const c = static_cast<unsigned char>(s[i]);
    int const n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1FU : n == 3 ? c & 0x0FU : c & 0x07U;
    for (int k = 1; k < n; ++k) cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// The characters of a TimeML fragment: tags removed, the five XML entities decoded.
std::string xml_characters(std::string const& fragment) {
  std::string const text = std::regex_replace(fragment, std::regex{"<[^>]*>"}, "");
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    static constexpr std::pair<std::string_view, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    bool decoded = false;
    for (auto const& [name, c] : entities) {
      if (std::string_view{text}.substr(i).starts_with(name)) {
        out += c;
        i += name.size() - 1;
        decoded = true;
        break;
      }
    }
    if (!decoded) out += text[i];
  }
  return out;
}

// What lies between <TEXT> and </TEXT>.
std::string text_element(std::string const& xml) {
  std::size_t const open = xml.find("<TEXT>");
  std::size_t const close = xml.find("</TEXT>");
  if (open == std::string::npos || close == std::string::npos || close < open) {
    throw std::runtime_error("no TEXT element in:\n" + xml);
  }
  return xml.substr(open + 6, close - open - 6);
}

class TagCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("timeline-tag-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path const& dir() const { return dir_; }

  // Writes `bytes` to a file of this test's folder and returns its path.
  std::string file(std::string const& name, std::string_view bytes) const {
    fs::path const path = dir_ / name;
    write_file(path, bytes);
    return path.string();
  }

  // Runs `timeline tag ARGS...` with standard input from `input` (empty: /dev/null).
  cli_result tag(std::vector<std::string> const& args, std::optional<std::string> const& input = std::nullopt) const {
    fs::path const in = input ? fs::path{file(".stdin", *input)} : fs::path{"/dev/null"};
    fs::path const out = dir_ / ".stdout";
    fs::path const err = dir_ / ".stderr";
    std::vector<std::string> argv_strings{TIMELINE_CLI, "tag"};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    int const spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) throw std::runtime_error(std::string{"cannot run "} + TIMELINE_CLI + ": " + std::strerror(spawned));
    int raw = 0;
    while (::waitpid(pid, &raw, 0) < 0) {
      if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    cli_result r;
    if (WIFEXITED(raw)) r.status = WEXITSTATUS(raw);
    if (WIFSIGNALED(raw)) r.signal = WTERMSIG(raw);
    r.out = read_all(out);
    r.err = read_all(err);
    return r;
  }

 private:
  fs::path dir_;
};

// "Zürich, 13 August 2025: ...": the ü is one code point, two bytes.
std::string const zurich = fixtures + "/zurich.txt";
// Dated by its "Published on: 2025/08/13 22:35" header.
std::string const published = fixtures + "/published.txt";
// TimeML, DCT 2024-03-05, an EVENT and a TIMEX3 (tid t9) already inside TEXT.
std::string const harbour = fixtures + "/harbour.tml.TE3input";

// ---------------------------------------------------------------------------------------------
// --format json

TEST_F(TagCommand, JsonIsOneObjectPerDocumentWithTheContractKeys) {
  auto const r = tag({"--dct", "2025-08-13", zurich, published});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
  EXPECT_EQ(lines[1]["document"], "published");
  std::set<std::string> const required{"text", "begin", "end", "type", "value", "earliest", "latest", "grain", "rule"};
  std::set<std::string> const types{"DATE", "TIME", "DURATION", "SET"};
  std::size_t timexes = 0;
  for (auto const& doc : lines) {
    std::set<std::string> keys;
    for (auto const& [k, v] : doc.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"document", "dct", "timexes"})) << doc.dump();
    ASSERT_TRUE(doc["dct"].is_string()) << doc.dump();
    EXPECT_TRUE(std::regex_match(doc["dct"].get<std::string>(), std::regex{R"(\d{4}-\d{2}-\d{2})"})) << doc.dump();
    ASSERT_TRUE(doc["timexes"].is_array()) << doc.dump();
    for (auto const& t : doc["timexes"]) {
      ++timexes;
      std::set<std::string> timex_keys;
      for (auto const& [k, v] : t.items()) timex_keys.insert(k);
      // The contract's keys must all be there; anything else must be one of the documented
      // extensions (the contract may be extended, never renamed).
      std::set<std::string> const extensions{"mod", "quant", "freq", "stated", "implied", "anchor", "anchor_value"};
      for (auto const& k : required) EXPECT_TRUE(timex_keys.contains(k)) << k << " missing in " << t.dump();
      for (auto const& k : timex_keys) EXPECT_TRUE(required.contains(k) || extensions.contains(k)) << "unexpected key " << k << " in " << t.dump();
      EXPECT_TRUE(t["text"].is_string() && t["value"].is_string() && t["grain"].is_string()) << t.dump();
      EXPECT_TRUE(t["begin"].is_number_unsigned() && t["end"].is_number_unsigned()) << t.dump();
      EXPECT_LT(t["begin"].get<std::size_t>(), t["end"].get<std::size_t>()) << t.dump();
      EXPECT_TRUE(types.contains(t["type"].get<std::string>())) << t.dump();
      EXPECT_TRUE(t["rule"].is_string() && !t["rule"].get<std::string>().empty()) << t.dump();
      for (char const* bound : {"earliest", "latest"}) {
        EXPECT_TRUE(t[bound].is_null() || std::regex_match(t[bound].get<std::string>(), std::regex{R"(\d{4}-\d{2}-\d{2})"}))
            << t.dump();
      }
    }
  }
  EXPECT_GE(timexes, 3U) << r.out;
}

TEST_F(TagCommand, JsonNormalizesAgainstTheDct) {
  auto const r = tag({"--dct", "2025-08-13", zurich});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2025-08-13");
  auto const& timexes = lines[0]["timexes"];
  ASSERT_EQ(timexes.size(), 2U) << r.out;
  EXPECT_EQ(timexes[0]["text"], "13 August 2025");
  EXPECT_EQ(timexes[0]["value"], "2025-08-13");
  EXPECT_EQ(timexes[1]["text"], "next Friday");
  EXPECT_EQ(timexes[1]["value"], "2025-08-15");  // 2025-08-13 is a Wednesday
  EXPECT_EQ(timexes[1]["earliest"], "2025-08-15");
  EXPECT_EQ(timexes[1]["latest"], "2025-08-15");
  EXPECT_EQ(timexes[1]["grain"], "day");
}

TEST_F(TagCommand, TraceAddsTheGrammarsFindingsToTheJson) {
  auto const r = tag({"--trace", "--dct", "2025-08-13", zurich});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  auto const& next_friday = lines[0]["timexes"].at(1);
  EXPECT_EQ(next_friday["text"], "next Friday");
  EXPECT_EQ(next_friday.value("anchor", ""), "dct") << next_friday.dump();
}

TEST_F(TagCommand, DctMayCarryATimeOfDay) {
  auto const r = tag({"--dct", "2025-08-13T09:30", zurich});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2025-08-13");
  ASSERT_FALSE(lines[0]["timexes"].empty());
  EXPECT_EQ(lines[0]["timexes"].back()["value"], "2025-08-15");
}

TEST_F(TagCommand, OffsetsCountCodePointsNotBytes) {
  auto const r = tag({"--dct", "2025-08-13", zurich});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  auto const& first = lines[0]["timexes"].at(0);
  EXPECT_EQ(first["text"], "13 August 2025");
  EXPECT_EQ(first["begin"], 8);  // "Zürich, " is 8 code points and 9 bytes
  EXPECT_EQ(first["end"], 22);
  // Every span, cut out of the document by code points, is the timex's text.
  std::u32string const text = code_points(read_all(zurich));
  for (auto const& t : lines[0]["timexes"]) {
    auto const begin = t["begin"].get<std::size_t>();
    auto const end = t["end"].get<std::size_t>();
    ASSERT_LE(end, text.size()) << t.dump();
    EXPECT_EQ(text.substr(begin, end - begin), code_points(t["text"].get<std::string>())) << t.dump();
  }
}

TEST_F(TagCommand, ModIsPresentOnlyWhenSet) {
  std::string const input = file("sales.txt", "Sales fell in early 2025 and recovered on 4 May 2025.\n");
  auto const r = tag({"--dct", "2025-08-13", input});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  std::optional<json> early;
  std::optional<json> may;
  for (auto const& t : lines[0]["timexes"]) {
    if (t["text"] == "early 2025") early = t;
    if (t["text"] == "4 May 2025") may = t;
    if (t.contains("mod")) {
      EXPECT_TRUE(t["mod"].is_string() && !t["mod"].get<std::string>().empty()) << t.dump();
    }
  }
  ASSERT_TRUE(early) << r.out;
  ASSERT_TRUE(may) << r.out;
  EXPECT_EQ(early->value("mod", ""), "START") << early->dump();
  EXPECT_FALSE(may->contains("mod")) << may->dump();
}

// ---------------------------------------------------------------------------------------------
// TimeML

TEST_F(TagCommand, TimemlDctIsTheCreationTime) {
  auto const r = tag({"--format", "json", harbour});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_TRUE(lines[0]["document"].get<std::string>().starts_with("harbour")) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2024-03-05");
  ASSERT_FALSE(lines[0]["timexes"].empty()) << r.out;
  EXPECT_EQ(lines[0]["timexes"][0]["text"], "Monday");
  EXPECT_EQ(lines[0]["timexes"][0]["value"], "2024-03-04");
}

TEST_F(TagCommand, DctOptionOverridesTheTimemlCreationTime) {
  auto const r = tag({"--dct", "2020-01-02", "--format", "json", harbour});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2020-01-02");
  ASSERT_FALSE(lines[0]["timexes"].empty()) << r.out;
  EXPECT_EQ(lines[0]["timexes"][0]["text"], "Monday");
  EXPECT_EQ(lines[0]["timexes"][0]["value"], "2019-12-30");  // the Monday before Thursday 2020-01-02
}

TEST_F(TagCommand, TimemlTagsAlreadyInTextAreIgnored) {
  auto const r = tag({"--format", "json", harbour});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  // Offsets are into TEXT with its tags removed: "\nThe harbour board said on " is 27 code points.
  auto const& monday = lines[0]["timexes"].at(0);
  EXPECT_EQ(monday["begin"], 27);
  EXPECT_EQ(monday["end"], 33);
  for (auto const& t : lines[0]["timexes"]) {
    EXPECT_EQ(t["text"].get<std::string>().find('<'), std::string::npos) << t.dump();
  }
}

TEST_F(TagCommand, TimemlInputIsWrittenBackAsTimemlByDefault) {
  std::string const input = read_all(harbour);
  auto const r = tag({harbour});
  ASSERT_EQ(r.status, 0) << r.err;
  // Everything around TEXT, the DCT among it, is kept as it was.
  EXPECT_EQ(r.out.substr(0, r.out.find("<TEXT>")), input.substr(0, input.find("<TEXT>")));
  EXPECT_EQ(r.out.substr(r.out.find("</TEXT>")), input.substr(input.find("</TEXT>")));
  EXPECT_NE(r.out.find(R"(functionInDocument="CREATION_TIME">2024-03-05</TIMEX3></DCT>)"), std::string::npos) << r.out;
  // TEXT has the same characters once tags are removed.
  std::string const text = text_element(r.out);
  EXPECT_EQ(xml_characters(text), xml_characters(text_element(input)));
  // The tags of the input's TEXT are gone; new TIMEX3 elements are there.
  EXPECT_EQ(text.find("<EVENT"), std::string::npos) << text;
  EXPECT_EQ(text.find(R"(tid="t9")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(<TIMEX3 tid="t1" type="DATE" value="2024-03-04">Monday</TIMEX3>)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(value="2024-04-12">12 April 2024</TIMEX3>)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(type="DURATION" value="P2W">two weeks</TIMEX3>)"), std::string::npos) << text;
}

TEST_F(TagCommand, TimemlOutputWritesModAndKeepsDctWhenOverridden) {
  std::string const input = file("season.tml", R"(<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>season</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-10-10" temporalFunction="false" functionInDocument="CREATION_TIME">2023-10-10</TIMEX3></DCT>
<TEXT>
Fishing resumed in early 2023.
</TEXT>
</TimeML>
)");
  auto const r = tag({"--dct", "2023-10-11", input});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(R"(value="2023-10-10" temporalFunction="false" functionInDocument="CREATION_TIME">2023-10-10</TIMEX3></DCT>)"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex{R"(<TIMEX3 tid="t1" type="DATE" value="2023" mod="START">early 2023</TIMEX3>)"}))
      << r.out;
}

TEST_F(TagCommand, PlainTextCanBeWrittenAsTimeml) {
  std::string const text = "Smith & Sons <Ltd> said on 3 May 2025 \"we grow\".\n";
  std::string const input = file("smith.txt", text);
  auto const r = tag({"--dct", "2025-08-13", "--format", "timeml", input});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(xml_characters(text_element(r.out)), text);
  EXPECT_NE(r.out.find(R"(functionInDocument="CREATION_TIME">2025-08-13</TIMEX3>)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"(value="2025-05-03">3 May 2025</TIMEX3>)"), std::string::npos) << r.out;
}

TEST_F(TagCommand, OutWritesOneFileNamedAfterEachInput) {
  std::string const second = file("quay.tml", R"(<?xml version="1.0" encoding="UTF-8"?>
<TimeML>
<DOCID>quay</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-05-01" functionInDocument="CREATION_TIME">2022-05-01</TIMEX3></DCT>
<TEXT>The quay was rebuilt in 1999.</TEXT>
</TimeML>
)");
  fs::path const out = dir() / "out";
  auto const r = tag({"--out", out.string(), harbour, second});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::set<std::string> names;
  for (auto const& entry : fs::directory_iterator{out}) names.insert(entry.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"harbour.tml", "quay.tml"}));
  std::string const written = read_all(out / "harbour.tml");
  EXPECT_EQ(xml_characters(text_element(written)), xml_characters(text_element(read_all(harbour))));
  EXPECT_NE(written.find(R"(value="2024-04-12">12 April 2024</TIMEX3>)"), std::string::npos) << written;
  EXPECT_NE(read_all(out / "quay.tml").find(R"(value="1999">1999</TIMEX3>)"), std::string::npos);
}

TEST_F(TagCommand, OutKeepsTwoInputsThatShareAName) {
  std::string const tml = read_all(harbour);
  fs::create_directories(dir() / "a");
  fs::create_directories(dir() / "b");
  std::string const first = file("a/X.tml", tml);
  std::string second_text = tml;
  second_text.replace(second_text.find("12 April 2024"), 13, "13 April 2024");
  std::string const second = file("b/X.tml", second_text);
  fs::path const out = dir() / "out";
  auto const r = tag({"--out", out.string(), first, second});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> texts;
  for (auto const& entry : fs::directory_iterator{out}) texts.insert(xml_characters(text_element(read_all(entry.path()))));
  EXPECT_EQ(texts, (std::set<std::string>{xml_characters(text_element(tml)), xml_characters(text_element(second_text))}));
  EXPECT_TRUE(fs::exists(out / "X.tml"));
  EXPECT_NE(r.err.find("b/X.tml"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// --format text

TEST_F(TagCommand, TextFormatHasAHeaderLinePerDocument) {
  auto const r = tag({"--format", "text", "--dct", "2025-08-13", zurich, published});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> headers;
  std::istringstream in{r.out};
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != ' ') headers.push_back(line);
  }
  ASSERT_EQ(headers.size(), 2U) << r.out;
  EXPECT_TRUE(headers[0].starts_with("zurich")) << headers[0];
  EXPECT_NE(headers[0].find("2025-08-13"), std::string::npos) << headers[0];
  EXPECT_TRUE(headers[1].starts_with("published")) << headers[1];
  EXPECT_NE(r.out.find("\"13 August 2025\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2025-08-20"), std::string::npos) << r.out;
}

// ---------------------------------------------------------------------------------------------
// Standard input

TEST_F(TagCommand, DashReadsStandardInput) {
  auto const r = tag({"--dct", "2025-08-13", "-"}, read_all(zurich));
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2025-08-13");
  ASSERT_EQ(lines[0]["timexes"].size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["timexes"][0]["begin"], 8);
}

TEST_F(TagCommand, NoFileReadsStandardInput) {
  auto const r = tag({"--dct", "2025-08-13"}, read_all(zurich));
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  ASSERT_EQ(lines[0]["timexes"].size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["timexes"][1]["value"], "2025-08-15");
}

TEST_F(TagCommand, StandardInputMayBeJsonLines) {
  auto const r = tag({}, read_all(fixtures + "/feed.jsonl"));
  EXPECT_EQ(r.status, 1);
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["document"], "ferry");
  EXPECT_EQ(lines[1]["document"], "tunnel");
  EXPECT_NE(r.err.find("line 2"), std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// Publication dates

TEST_F(TagCommand, UndatedPlainTextIsReportedWhileOtherDocumentsAreTagged) {
  auto const r = tag({zurich, published});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("zurich"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  auto const dated = document(lines, "published");
  ASSERT_TRUE(dated) << r.out;
  EXPECT_EQ((*dated)["dct"], "2025-08-13");  // from its "Published on:" header
  ASSERT_EQ((*dated)["timexes"].size(), 1U) << r.out;
  EXPECT_EQ((*dated)["timexes"][0]["value"], "2025-08-20");
  // The undated document is not tagged against some date of the program's own choosing.
  if (auto const undated = document(lines, "zurich")) {
    EXPECT_FALSE((*undated)["dct"].is_string()) << undated->dump();
    EXPECT_TRUE((*undated)["timexes"].empty()) << undated->dump();
  }
}

TEST_F(TagCommand, JsonLinesCarryTheirOwnDct) {
  std::string const input = file("two.jsonl",
                                 "{\"id\": \"east\", \"dct\": \"2025-01-06\", \"text\": \"It snowed yesterday.\"}\n"
                                 "{\"id\": \"west\", \"dct\": \"2025-02-10\", \"text\": \"It snowed yesterday.\"}\n");
  auto const r = tag({input});
  ASSERT_EQ(r.status, 0) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["document"], "east");
  EXPECT_EQ(lines[0]["timexes"].at(0)["value"], "2025-01-05");
  EXPECT_EQ(lines[1]["document"], "west");
  EXPECT_EQ(lines[1]["timexes"].at(0)["value"], "2025-02-09");
}

// The JSON is written by hand for speed; it must be what nlohmann::json would have written, escapes
// included: a tab inside a span, a quote and a backslash in the id, non-ASCII text kept as is.
TEST_F(TagCommand, JsonIsWrittenExactlyAsAJsonLibraryWouldWriteIt) {
  std::string const input = file("escapes.jsonl",
                                 "{\"id\": \"a \\\"quoted\\\" \\\\ id\", \"dct\": \"2025-01-06\", "
                                 "\"text\": \"Zürich voted on June\\t12, 2024 and «again» yesterday.\"}\n");
  auto const r = tag({input});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string const line = r.out.substr(0, r.out.find('\n'));
  json const parsed = json::parse(line);
  EXPECT_EQ(parsed["document"], "a \"quoted\" \\ id");
  ASSERT_EQ(parsed["timexes"].size(), 2U) << line;
  EXPECT_EQ(parsed["timexes"][0]["text"], "June\t12, 2024");
  EXPECT_EQ(parsed["timexes"][0]["begin"], 16);  // code points: "ü" is one
  EXPECT_EQ(nlohmann::ordered_json::parse(line).dump(), line);
}

// ---------------------------------------------------------------------------------------------
// Bad input: a message naming the file and the place, a clean exit status 1, the rest processed.

TEST_F(TagCommand, InvalidUtf8IsReportedByByteOffset) {
  std::string const bad = file("bad.txt", "Caf\xC3\xA9 opened on 3 May 2025, then \xFF\xFE closed.\n");
  auto const r = tag({"--dct", "2025-08-13", bad, zurich});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("bad.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("byte 33"), std::string::npos) << r.err;  // "Café" is 5 bytes, the rest 28
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
}

TEST_F(TagCommand, InvalidUtf8InAJsonLineIsReportedByLineAndByte) {
  std::string const input = file("mixed.jsonl",
                                 "{\"id\":\"a\",\"dct\":\"2025-01-01\",\"text\":\"On 2 January 2025 it \xFF rained.\"}\n"
                                 "{\"id\":\"b\",\"dct\":\"2025-01-01\",\"text\":\"Snow on 3 January 2025.\"}\n");
  auto const r = tag({input});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("mixed.jsonl"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("byte 58"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "b");
  EXPECT_EQ(lines[0]["timexes"].at(0)["value"], "2025-01-03");
}

TEST_F(TagCommand, NulByteIsReportedByByteOffset) {
  std::string text = "The market opened on 3 May 2025.\n" + std::string(5000, 'a');
  std::size_t const nul = text.size();
  text += std::string{"\0 and closed.\n", 14};
  std::string const late = file("late.txt", text);
  std::string const early = file("early.txt", std::string{"A\0B opened on 3 May 2025.\n", 26});
  auto const r = tag({"--dct", "2025-08-13", late, early, zurich});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("late.txt: byte " + std::to_string(nul)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("NUL"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("early.txt: byte 1"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
}

TEST_F(TagCommand, EmptyFileIsReported) {
  std::string const empty = file("empty.txt", "");
  std::string const blank = file("blank.txt", " \n\t\n");
  std::string const no_lines = file("nothing.jsonl", "");
  auto const r = tag({"--dct", "2025-08-13", empty, blank, no_lines, zurich});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  for (char const* name : {"empty.txt: ", "blank.txt: ", "nothing.jsonl: "}) {
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " in\n" << r.err;
  }
  EXPECT_NE(r.err.find("empty"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
}

TEST_F(TagCommand, FiftyMegabyteLineIsRefusedQuickly) {
  std::string const big = file("big.txt", "The fair opens on 3 May 2025. " + std::string(std::size_t{50} << 20U, 'x') + "\n");
  auto const start = std::chrono::steady_clock::now();
  auto const r = tag({"--dct", "2025-08-13", big, zurich});
  auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("big.txt"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
}

TEST_F(TagCommand, FiftyMegabyteJsonLineIsReportedAndTheOtherLinesTagged) {
  std::string const good1 = R"({"id":"a","dct":"2025-01-01","text":"Rain on 2 January 2025."})";
  std::string const good3 = R"({"id":"c","dct":"2025-01-01","text":"Snow on 3 January 2025."})";
  std::string const input = file("big.jsonl", good1 + "\n{\"id\":\"big\",\"dct\":\"2025-01-01\",\"text\":\"" +
                                                  std::string(std::size_t{50} << 20U, 'y') + "\"}\n" + good3 + "\n");
  auto const start = std::chrono::steady_clock::now();
  auto const r = tag({input});
  auto const seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("big.jsonl: line 2"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["document"], "a");
  EXPECT_EQ(lines[1]["document"], "c");
}

TEST_F(TagCommand, BrokenJsonLineIsReportedByLineNumberAndTheRestTagged) {
  auto const r = tag({fixtures + "/feed.jsonl"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("feed.jsonl: line 2"), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  EXPECT_EQ(lines[0]["document"], "ferry");
  EXPECT_EQ(lines[0]["timexes"].at(0)["value"], "2025-06-09");
  EXPECT_EQ(lines[1]["document"], "tunnel");
  EXPECT_EQ(lines[1]["timexes"].at(0)["value"], "2025-06-02");
}

TEST_F(TagCommand, MalformedTimemlIsReportedByLine) {
  auto const r = tag({"--format", "json", fixtures + "/broken.tml", harbour});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("broken.tml: line 6"), std::string::npos) << r.err;  // </EVENT> closes a TIMEX3
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["dct"], "2024-03-05");
}

TEST_F(TagCommand, MissingFileIsReported) {
  std::string const missing = (dir() / "no-such-article.txt").string();
  auto const r = tag({"--dct", "2025-08-13", missing, zurich});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  auto const lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 1U) << r.out;
  EXPECT_EQ(lines[0]["document"], "zurich");
}

}  // namespace

TEST_F(TagCommand, UnreadableDctFlagIsAUsageError) {
  auto const r = tag({"--dct", "bogus", zurich});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("bogus"), std::string::npos) << r.err;
}
