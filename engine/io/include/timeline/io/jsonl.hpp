// SPDX-License-Identifier: MIT
//
// JSON Lines articles: one JSON object per line,
//   {"id": "kim", "title": "...", "text": "...", "published": "2025-08-13", "source": "AP", "url": "..."}
// `text` is required; `dct` is a synonym of `published`, which takes ISO 8601 or any written form
// parse_date() reads ("Aug. 13, 2025", "Wed, 13 Aug 2025 22:35:00 GMT"). Blank lines are skipped.
//
// Example:
//   std::vector<input_error> errors;
//   auto record = parse_jsonl_record(R"({"id":"kim","text":"Kim met Putin.","published":"2025-08-13"})",
//                                    "news.jsonl", 7, today_utc(), errors);
//   // record.fields.id == "kim", record.fields.dct.day -> 2025-08-13 (metadata)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/io/input_error.hpp>
#include <timeline/io/plain_text.hpp>

namespace timeline::io {

struct jsonl_record {
  article_fields fields;
  std::string text;
};

// The readable bytes a caller may promise after the end of a line (see `padded` below).
inline constexpr std::size_t jsonl_line_padding = 64;

// Reads line `line_number` of `file`. Throws input_error (document `file`, place "line N") when the
// line is not a JSON object with a string "text". A "published" value that is not a real date is
// not fatal: it goes to `errors` and the record is returned without it. `padded` promises that
// jsonl_line_padding bytes after the line may be read (their values do not matter): the JSON
// parser then reads the line where it is instead of copying it first. The text is written into
// `buffer` (a previous record's text, say) when its capacity is enough, rather than into memory
// allocated for it.
jsonl_record parse_jsonl_record(std::string_view line, std::string_view file, std::size_t line_number,
                                date::sys_days today, std::vector<input_error>& errors, bool padded = false,
                                std::string buffer = {});

}  // namespace timeline::io
