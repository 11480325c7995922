// SPDX-License-Identifier: MIT
//
// Turning the text of one article into an engine::document: the step every input format ends
// with. The text is kept byte for byte (a leading byte order mark is the one thing dropped: it is
// an encoding marker, not a character anyone sees), so offsets match what the user's editor shows.
// CR LF, no-break spaces, typographic quotes and dashes are understood where they are, not
// rewritten.
//
// On the way the article gets: its boilerplate flagged, a title (a "Title:" line, or a first line
// that reads as a headline), a publication date from its header or dateline when the format did
// not give one, the header line flagged as metadata, and its paragraphs and sentences.
//
// Example:
//   article_fields fields{.id = "kim", .source = "kim.txt"};
//   std::vector<input_error> errors;
//   auto doc = make_document(std::move(fields), "Published on: 2025/08/13 22:35\nPutin ...", today_utc(), errors);
//   // doc.dct: 2025-08-13 22:35, header, "2025/08/13 22:35"; doc.boilerplate: [{0, 30}, metadata]
#pragma once

#include <string>
#include <vector>

#include <date/date.h>

#include <timeline/engine/document.hpp>
#include <timeline/io/input_error.hpp>

namespace timeline::io {

// What the container format already knows about an article.
struct article_fields {
  std::string id;
  std::string source;  // the path (and line) it was read from, for messages
  std::string title;   // empty: look for one in the text
  std::string url;
  engine::publication_date dct;  // source none: look for one in the text
  std::string place;             // prefix of places in messages from inside the text ("line 7: ")
};

// Builds the document. Problems that do not stop it from being read (an impossible or future
// date in its header) are appended to `errors`, naming the document and the line.
// `segment` false leaves paragraphs and sentences empty, for callers that read neither. `fields` is
// moved from: taken by value, its strings were moved twice, into the parameter and on into the
// document.
engine::document make_document(article_fields&& fields, std::string text, date::sys_days today,
                               std::vector<input_error>& errors, bool segment = true);

}  // namespace timeline::io
