// SPDX-License-Identifier: MIT
//
// parse_jsonl_record(): what each record line yields. Two parsers read a record (simdjson for the
// common all-string record, nlohmann for everything else and for the messages), so every case
// here pins the one contract both must keep: values, dates and messages.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/io/jsonl.hpp>

namespace {

namespace io = timeline::io;
using namespace date::literals;

struct record_case {
  std::string name{};
  std::string line{};
  // What the record yields, or the start of the message of the input_error it throws.
  std::string id{}, title{}, url{}, source{}, text{};
  std::optional<date::sys_days> dct{};
  std::string error{};
  std::string date_issue{};  // the place of a non-fatal date problem
};

std::ostream& operator<<(std::ostream& out, record_case const& c) { return out << c.name; }

std::vector<record_case> const cases{
    {.name = "all_strings", .line = R"({"id":"a","title":"T","url":"u","source":"AP","dct":"2025-08-13","text":"Hi."})",
     .id = "a", .title = "T", .url = "u", .source = "news.jsonl:7 (AP)", .text = "Hi.", .dct = date::sys_days{2025_y / 8 / 13}},
    {.name = "published_is_a_synonym", .line = R"({"published":"Aug. 13, 2025","text":"Hi."})",
     .source = "news.jsonl:7", .text = "Hi.", .dct = date::sys_days{2025_y / 8 / 13}},
    {.name = "published_wins_even_when_null", .line = R"({"published":null,"dct":"2025-08-13","text":"Hi."})",
     .source = "news.jsonl:7", .text = "Hi."},
    {.name = "nulls_are_absent", .line = R"({"id":null,"title":null,"url":null,"source":null,"dct":null,"text":"Hi."})",
     .source = "news.jsonl:7", .text = "Hi."},
    {.name = "escapes", .line = R"({"text":"caf\u00e9 \"q\"\n\ud83d\ude00 \\ \/"})",
     .source = "news.jsonl:7", .text = "caf\xC3\xA9 \"q\"\n\xF0\x9F\x98\x80 \\ /"},
    {.name = "number_id_is_written_as_json", .line = R"({"id":12,"text":"Hi."})", .id = "12", .source = "news.jsonl:7", .text = "Hi."},
    {.name = "decimal_id", .line = R"({"id":1.5,"text":"Hi."})", .id = "1.5", .source = "news.jsonl:7", .text = "Hi."},
    {.name = "repeated_key_last_wins", .line = R"({"text":"one","text":"two"})", .source = "news.jsonl:7", .text = "two"},
    {.name = "other_fields_ignored", .line = R"({"text":"Hi.","meta":{"deep":[1,2,{"x":null}]},"n":3})",
     .source = "news.jsonl:7", .text = "Hi."},
    {.name = "spaces_around", .line = "  { \"text\" : \"Hi.\" }  ", .source = "news.jsonl:7", .text = "Hi."},
    {.name = "unreal_date_is_not_fatal", .line = R"({"id":"a","dct":"2025-02-30","text":"Hi."})",
     .id = "a", .source = "news.jsonl:7", .text = "Hi.", .date_issue = "line 7, \"dct\""},
    {.name = "unreadable_date_is_not_fatal", .line = R"({"id":"a","published":"soon","text":"Hi."})",
     .id = "a", .source = "news.jsonl:7", .text = "Hi.", .date_issue = "line 7, \"published\""},
    {.name = "no_text", .line = R"({"id":"a"})", .error = "no \"text\" field"},
    {.name = "null_text", .line = R"({"text":null})", .error = "\"text\" must be a string"},
    {.name = "number_text", .line = R"({"text":5})", .error = "\"text\" must be a string"},
    {.name = "object_title", .line = R"({"title":{},"text":"Hi."})", .error = "\"title\" must be a string, not object"},
    {.name = "array_record", .line = R"(["text"])", .error = "expected a JSON object, found array"},
    {.name = "trailing_content", .line = R"({"text":"Hi."} x)", .error = "invalid JSON: "},
    {.name = "lone_surrogate", .line = R"({"text":"\ud800"})", .error = "invalid JSON: "},
    {.name = "unclosed", .line = R"({"text":"Hi.)", .error = "invalid JSON: "},
    // Found by fuzz_jsonl: nlohmann reports a number too large for a double as out_of_range, not as
    // a parse error; it had escaped as an exception that ended the run.
    {.name = "number_overflow", .line = R"({"text":"Hi.","n":1e99999})", .error = "invalid JSON: number overflow"},
    {.name = "bare_number_overflow", .line = "9999999999899999999990004e000000000000000000000000000000018446744073709551614", .error = "invalid JSON: number overflow"},
};

class JsonlRecord : public ::testing::TestWithParam<record_case> {};

TEST_P(JsonlRecord, YieldsItsFieldsOrOneMessage) {
  record_case const& c = GetParam();
  std::vector<io::input_error> issues;
  if (!c.error.empty()) {
    try {
      io::parse_jsonl_record(c.line, "news.jsonl", 7, date::sys_days{2026_y / 1 / 1}, issues);
      ADD_FAILURE() << "no error for " << c.line;
    } catch (io::input_error const& e) {
      EXPECT_EQ(e.place(), "line 7");
      EXPECT_TRUE(e.message().starts_with(c.error)) << e.message();
    }
    return;
  }
  io::jsonl_record const record = io::parse_jsonl_record(c.line, "news.jsonl", 7, date::sys_days{2026_y / 1 / 1}, issues);
  EXPECT_EQ(record.fields.id, c.id);
  EXPECT_EQ(record.fields.title, c.title);
  EXPECT_EQ(record.fields.url, c.url);
  EXPECT_EQ(record.fields.source, c.source);
  EXPECT_EQ(record.text, c.text);
  EXPECT_EQ(record.fields.dct.source == timeline::engine::dct_source::metadata, c.dct.has_value());
  if (c.dct) {
    EXPECT_EQ(record.fields.dct.day, *c.dct);
  }
  if (c.date_issue.empty()) {
    EXPECT_TRUE(issues.empty());
  } else {
    ASSERT_EQ(issues.size(), 1U);
    EXPECT_EQ(issues[0].place(), c.date_issue);
  }
}

INSTANTIATE_TEST_SUITE_P(Lines, JsonlRecord, ::testing::ValuesIn(cases),
                         [](auto const& test) { return test.param.name; });

// A line above the fast parser's capacity is still read (by the other parser), with the same result.
TEST(JsonlLongRecord, IsReadWhole) {
  std::string const text(5U << 20, 'x');
  std::vector<io::input_error> issues;
  auto const record = io::parse_jsonl_record(R"({"id":"big","text":")" + text + "\"}", "news.jsonl", 1,
                                             date::sys_days{2026_y / 1 / 1}, issues);
  EXPECT_EQ(record.fields.id, "big");
  EXPECT_EQ(record.text, text);
}

}  // namespace
