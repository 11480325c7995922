// SPDX-License-Identifier: MIT
//
// read_documents(): every format, the options that override dates, and bad input that is reported
// without losing the other documents. Inputs are written to a fresh temporary folder per test.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/io/read.hpp>

namespace {

namespace fs = std::filesystem;
namespace io = timeline::io;
namespace engine = timeline::engine;
using namespace date::literals;

class ReadDocuments : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("timeline_read_test_" + std::string{::testing::UnitTest::GetInstance()->current_test_info()->name()});
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    options_.today = date::sys_days{2025_y / 9 / 1};
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(std::string const& name, std::string const& bytes) {
    fs::path const path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream{path, std::ios::binary} << bytes;
    return path.string();
  }

  std::size_t read(std::vector<std::string> const& paths) {
    documents_.clear();
    failures_.clear();
    return io::read_documents(
        paths, options_, [&](io::source_document&& d) { documents_.push_back(std::move(d)); },
        [&](io::read_failure const& e) { failures_.push_back(e); });
  }

  fs::path dir_;
  io::read_options options_;
  std::vector<io::source_document> documents_;
  std::vector<io::read_failure> failures_;
};

TEST_F(ReadDocuments, PlainTextHeaderGivesTheDate) {
  auto const path = write("kim.txt", "Published on: 2025/08/13 22:35\nPutin spoke to Kim on Tuesday.\n");
  EXPECT_EQ(read({path}), 0U);
  ASSERT_EQ(documents_.size(), 1U);
  auto const& doc = documents_[0].document;
  EXPECT_EQ(doc.id, "kim");
  EXPECT_EQ(doc.dct.day, date::sys_days{2025_y / 8 / 13});
  EXPECT_EQ(doc.dct.time_of_day, std::chrono::minutes{22 * 60 + 35});
  EXPECT_EQ(doc.dct.source, engine::dct_source::header);
  EXPECT_EQ(doc.dct.text, "2025/08/13 22:35");
  ASSERT_EQ(doc.boilerplate.size(), 1U);
  EXPECT_EQ(doc.boilerplate[0].kind, engine::boilerplate_kind::metadata);
  auto const sentences = engine::taggable_sentences(doc);
  ASSERT_EQ(sentences.size(), 1U);
  EXPECT_EQ(doc.slice(sentences[0].span), "Putin spoke to Kim on Tuesday.");
}

TEST_F(ReadDocuments, UndatedTextIsKeptWithoutDate) {
  auto const path = write("plain.txt", "Kim may travel to Russia soon.\n");
  EXPECT_EQ(read({path}), 0U);
  ASSERT_EQ(documents_.size(), 1U);
  EXPECT_EQ(documents_[0].document.dct.source, engine::dct_source::none);
  EXPECT_FALSE(documents_[0].document.dct.reference().has_value());
}

TEST_F(ReadDocuments, DctOptionsOverrideAndFillIn) {
  auto const dated = write("dated.txt", "Date: 2025-08-13\nText one.\n");
  auto const undated = write("undated.txt", "Text two.\n");
  io::add_dct_option(options_, "dated=2025-01-02");
  io::add_dct_option(options_, "Aug. 20, 2025");
  EXPECT_EQ(read({dated, undated}), 0U);
  ASSERT_EQ(documents_.size(), 2U);
  EXPECT_EQ(documents_[0].document.dct.day, date::sys_days{2025_y / 1 / 2});
  EXPECT_EQ(documents_[0].document.dct.source, engine::dct_source::option);
  EXPECT_EQ(documents_[1].document.dct.day, date::sys_days{2025_y / 8 / 20});
  EXPECT_EQ(documents_[1].document.dct.source, engine::dct_source::option);
}

TEST_F(ReadDocuments, BadDctOptionThrows) {
  EXPECT_THROW(io::add_dct_option(options_, "kim=2025-02-30"), io::input_error);
  EXPECT_THROW(io::add_dct_option(options_, "next Tuesday"), io::input_error);
}

TEST_F(ReadDocuments, ManifestGivesDatesById) {
  auto const manifest = write("manifest.json", R"({"a": "2025-08-13", "b": "Sept. 4, 2023"})");
  io::add_manifest(options_, manifest);
  EXPECT_EQ(options_.dct_by_id.at("a"), date::sys_days{2025_y / 8 / 13});
  EXPECT_EQ(options_.dct_by_id.at("b"), date::sys_days{2023_y / 9 / 4});
  auto const bad = write("bad.json", R"({"a": "2025-13-45"})");
  EXPECT_THROW(io::add_manifest(options_, bad), io::input_error);
  // nlohmann reports a number no double holds as out_of_range, not as a parse error.
  auto const overflow = write("overflow.json", R"({"a": "2025-08-13", "n": 1e99999})");
  EXPECT_THROW(io::add_manifest(options_, overflow), io::input_error);
}

TEST_F(ReadDocuments, JsonLinesBrokenLineDoesNotStopTheRest) {
  auto const path = write("news.jsonl",
                          "{\"id\":\"a\",\"text\":\"One.\",\"published\":\"2025-08-13\"}\n"
                          "{\"id\":\"b\",\"text\": broken\n"
                          "\n"
                          "{\"id\":\"c\",\"text\":\"Three.\",\"dct\":\"Aug 14, 2025\"}\n");
  EXPECT_EQ(read({path}), 1U);
  ASSERT_EQ(documents_.size(), 2U);
  EXPECT_EQ(documents_[0].document.id, "a");
  EXPECT_EQ(documents_[0].document.dct.source, engine::dct_source::metadata);
  EXPECT_EQ(documents_[1].document.id, "c");
  EXPECT_EQ(documents_[1].document.dct.day, date::sys_days{2025_y / 8 / 14});
  ASSERT_EQ(failures_.size(), 1U);
  EXPECT_EQ(failures_[0].place(), "line 2");
  EXPECT_EQ(failures_[0].id(), "news:2");
}

TEST_F(ReadDocuments, ImpossibleAndFutureDatesAreErrorsOnKeptDocuments) {
  auto const path = write("dates.jsonl",
                          "{\"id\":\"feb\",\"text\":\"One.\",\"published\":\"2025-02-30\"}\n"
                          "{\"id\":\"far\",\"text\":\"Two.\",\"published\":\"2999-01-01\"}\n");
  EXPECT_EQ(read({path}), 2U);
  ASSERT_EQ(documents_.size(), 2U);
  for (auto const& d : documents_) {
    EXPECT_EQ(d.document.dct.source, engine::dct_source::none) << d.document.id;
    ASSERT_EQ(d.errors.size(), 1U) << d.document.id;
    EXPECT_EQ(d.errors[0].document(), d.document.id);
    EXPECT_NE(d.errors[0].place().find("line"), std::string::npos);
  }
}

TEST_F(ReadDocuments, DuplicateIdsAreBothKeptAndRenamed) {
  auto const path = write("dup.jsonl", "{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"x\",\"text\":\"Two.\"}\n");
  EXPECT_EQ(read({path}), 0U);
  ASSERT_EQ(documents_.size(), 2U);
  EXPECT_EQ(documents_[0].document.id, "x");
  EXPECT_EQ(documents_[1].document.id, "x#2");
  ASSERT_EQ(documents_[1].warnings.size(), 1U);
}

TEST_F(ReadDocuments, BadFilesAreReportedWithTheirPlace) {
  std::vector<std::string> paths{
      write("empty.txt", ""),
      write("latin1.txt", "caf\xE9 au lait.\n"),
      write("nul.txt", std::string(5000, 'a') + std::string(1, '\0') + "b"),
      write("binary.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)),
      (dir_ / "missing.txt").string(),
  };
  EXPECT_EQ(read(paths), 5U);
  EXPECT_TRUE(documents_.empty());
  ASSERT_EQ(failures_.size(), 5U);
  EXPECT_EQ(failures_[0].id(), "empty");
  EXPECT_EQ(failures_[1].place(), "byte 3");
  EXPECT_EQ(failures_[1].message(), "invalid UTF-8");
  EXPECT_EQ(failures_[2].place(), "byte 5000");
  EXPECT_EQ(failures_[2].message(), "NUL byte in text");
  EXPECT_EQ(failures_[3].message(), "binary file, not text");
  EXPECT_EQ(failures_[4].message(), "no such file or directory");
}

TEST_F(ReadDocuments, DirectoryIsReadRecursivelyInOrder) {
  write("b/second.txt", "Second.\n");
  write("a/first.txt", "First.\n");
  write("a/ignored.png", "not text");
  write(".hidden/skipped.txt", "Hidden.\n");
  EXPECT_EQ(read({dir_.string()}), 0U);
  ASSERT_EQ(documents_.size(), 2U);
  EXPECT_EQ(documents_[0].document.id, "first");
  EXPECT_EQ(documents_[1].document.id, "second");
}

TEST_F(ReadDocuments, HtmlPageGivesMetaDateTitleAndBodyOnly) {
  auto const path = write("page.html", R"(<!DOCTYPE html><html><head>
<title>Kim meets Putin | Example News</title>
<meta property="article:published_time" content="2025-08-13T22:35:00+09:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kim meets Putin</h1><p>Kim met Putin on Tuesday.</p>
<p>They spoke for an hour.</p></article>
<aside class="related-stories"><ul><li>Other story 2025-05-06</li></ul></aside>
<script>var published = "2020-01-01";</script></body></html>)");
  EXPECT_EQ(read({path}), 0U);
  ASSERT_EQ(documents_.size(), 1U);
  auto const& doc = documents_[0].document;
  EXPECT_EQ(doc.title, "Kim meets Putin");
  EXPECT_EQ(doc.dct.day, date::sys_days{2025_y / 8 / 13});
  EXPECT_EQ(doc.dct.source, engine::dct_source::metadata);
  EXPECT_EQ(doc.text, "Kim meets Putin\n\nKim met Putin on Tuesday.\n\nThey spoke for an hour.");
}

TEST_F(ReadDocuments, OverlongJsonLineIsSkippedNotHeld) {
  options_.max_document_bytes = 1000;
  auto const path = write("long.jsonl", "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'x') +
                                            "\"}\n{\"id\":\"small\",\"text\":\"Fine.\"}\n");
  EXPECT_EQ(read({path}), 1U);
  ASSERT_EQ(documents_.size(), 1U);
  EXPECT_EQ(documents_[0].document.id, "small");
  ASSERT_EQ(failures_.size(), 1U);
  EXPECT_EQ(failures_[0].place(), "line 1");
}

TEST_F(ReadDocuments, FiftyMegabyteSingleLinesAreRefusedAndTheRestIsRead) {
  std::string const big(std::size_t{50} << 20U, 'x');
  auto const text = write("huge.txt", big);
  auto const jsonl = write("huge.jsonl", "{\"id\":\"big\",\"text\":\"" + big + "\"}\n{\"id\":\"after\",\"text\":\"Fine.\"}\n");
  EXPECT_EQ(read({text, jsonl}), 2U);
  ASSERT_EQ(failures_.size(), 2U);
  EXPECT_EQ(failures_[0].id(), "huge");
  EXPECT_NE(failures_[0].message().find("50 MiB"), std::string::npos);
  EXPECT_EQ(failures_[1].id(), "huge:1");
  EXPECT_EQ(failures_[1].place(), "line 1");
  ASSERT_EQ(documents_.size(), 1U);
  EXPECT_EQ(documents_[0].document.id, "after");
}

TEST_F(ReadDocuments, TimemlKeepsItsDocumentAndText) {
  auto const path = write("sample.tml",
                          "<?xml version=\"1.0\"?>\n<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" "
                          "functionInDocument=\"CREATION_TIME\">January 8, 1998</TIMEX3></DCT>\n<TEXT>Sales rose "
                          "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.</TEXT></TimeML>\n");
  EXPECT_EQ(read({path}), 0U);
  ASSERT_EQ(documents_.size(), 1U);
  ASSERT_NE(documents_[0].timeml, nullptr);
  EXPECT_EQ(documents_[0].document.text, documents_[0].timeml->text);
  EXPECT_EQ(documents_[0].document.text, "Sales rose yesterday.");
  EXPECT_EQ(documents_[0].document.dct.day, date::sys_days{1998_y / 1 / 8});
  EXPECT_EQ(documents_[0].document.dct.source, engine::dct_source::metadata);
}

TEST_F(ReadDocuments, KeepBoilerplateMakesFurnitureTaggable) {
  auto const path = write("furniture.txt", "Kim met Putin.\nLeave a Comment\n");
  read({path});
  ASSERT_EQ(documents_.size(), 1U);
  EXPECT_EQ(engine::taggable_sentences(documents_[0].document).size(), 1U);
  options_.keep_boilerplate = true;
  read({path});
  EXPECT_EQ(engine::taggable_sentences(documents_[0].document).size(), 2U);
}

TEST(IdFromPath, IsTheBaseNameWithoutExtension) {
  EXPECT_EQ(io::id_from_path("a/b/kim.txt"), "kim");
  EXPECT_EQ(io::id_from_path("ABC19980108.1830.0711.tml"), "ABC19980108.1830.0711");
  EXPECT_EQ(io::id_from_path("x.TE3input"), "x");
  EXPECT_EQ(io::id_from_path("-"), "stdin");
}

}  // namespace
