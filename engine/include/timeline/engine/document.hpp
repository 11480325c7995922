// SPDX-License-Identifier: MIT
//
// A document is one news article as the engine sees it: its text, exactly as read (offsets the
// user sees refer to it), the publication date (the document creation time, DCT) together with
// where that date came from, and the structure later layers work on: paragraphs, sentences, and
// the spans that are page furniture rather than article (boilerplate).
//
// Every offset in this file is a byte offset into `document::text`, end exclusive. Code that shows
// offsets to people converts them to code points (timeline/io/utf8.hpp).
//
// Boilerplate (related-story lists, "Previous Article", share prompts, the "Published on:" line
// itself) stays in the text, so offsets never move, and is flagged instead. Sentences inside it
// carry `boilerplate = true` and are left out of tagging unless the caller asks for them.
//
// Example:
//   document doc;
//   doc.id = "kim-putin";
//   doc.text = "Published on: 2025/08/13 22:35\nPutin spoke to Kim on Tuesday.\nLeave a Comment";
//   doc.boilerplate = find_boilerplate(doc.text);   // [{77, 92, prompt, "Leave a Comment"}]
//   segment(doc);
//   // doc.sentences: [0, 30) "Published on: ...", [31, 61) "Putin spoke ...", [62, 77) boilerplate
//   // taggable_sentences(doc) -> the sentences not flagged as boilerplate
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/grammar/extract.hpp>

namespace timeline::engine {

// Where a publication date came from, most trusted first.
enum class dct_source : std::uint8_t {
  option,    // given by the user: `--dct`, a manifest
  metadata,  // a structured field: JSON `published`, <meta article:published_time>, TimeML DCT
  header,    // a line at the top of a plain text: "Published on: 2025/08/13 22:35", "Date: ..."
  dateline,  // the opening of the first paragraph: "WASHINGTON, Aug. 13, 2025 (AP) -"
  none,      // no date anywhere: the document is kept, undated
};

// "option", "metadata", "header", "dateline", "none".
std::string_view to_string(dct_source source) noexcept;

// The document creation time and its provenance.
struct publication_date {
  std::optional<date::sys_days> day;                // absent when source == none
  std::optional<std::chrono::minutes> time_of_day;  // minutes after midnight, as written
  dct_source source = dct_source::none;
  std::string text;         // the characters the date was read from ("2025/08/13 22:35"), or empty
  double confidence = 0.0;  // [0, 1]: 1 for an option, lower for guesses such as datelines

  // The DCT as the grammar takes it, or nullopt when undated.
  std::optional<grammar::reference_time> reference() const;

  friend bool operator==(publication_date const&, publication_date const&) = default;
};

// A half-open byte range [begin, end) of document::text.
struct text_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const noexcept { return end - begin; }
  friend bool operator==(text_span const&, text_span const&) = default;
};

// Why a span is page furniture.
enum class boilerplate_kind : std::uint8_t {
  metadata,    // lines that carry the date, the byline or the title fields, not prose
  navigation,  // "Previous Article" / "Next Article" and the headlines they link to, menus
  prompt,      // "Leave a Comment", "No time to read? Get a summary", share and subscribe calls
  related,     // lists of other stories: timestamps with view counts, truncated teasers
};

// "metadata", "navigation", "prompt", "related".
std::string_view to_string(boilerplate_kind kind) noexcept;

struct boilerplate_span {
  text_span span;
  boilerplate_kind kind = boilerplate_kind::prompt;
  friend bool operator==(boilerplate_span const&, boilerplate_span const&) = default;
};

struct sentence {
  text_span span;             // trimmed: no surrounding white space, no bullet mark
  std::size_t paragraph = 0;  // index into document::paragraphs
  bool boilerplate = false;   // inside a boilerplate span
  friend bool operator==(sentence const&, sentence const&) = default;
};

struct document {
  std::string id;      // unique among the documents of one run
  std::string title;   // may be empty
  std::string source;  // where it was read from: a path, "path:line 3", "-"
  std::string url;     // may be empty
  std::string text;    // the article text; every offset below points into it
  publication_date dct;

  std::vector<text_span> paragraphs;           // in text order, trimmed
  std::vector<sentence> sentences;             // in text order
  std::vector<boilerplate_span> boilerplate;   // in text order, not overlapping
  // Whether tagging includes boilerplate sentences (`--keep-boilerplate`).
  bool keep_boilerplate = false;

  std::string_view slice(text_span span) const { return std::string_view{text}.substr(span.begin, span.size()); }

  // True when [span) lies entirely inside one boilerplate span.
  bool is_boilerplate(text_span span) const noexcept;
};

// The sentences the tagger and the event layers should read: every sentence when
// doc.keep_boilerplate is set, otherwise only those outside boilerplate.
std::vector<sentence> taggable_sentences(document const& doc);

// Fills doc.paragraphs and doc.sentences from doc.text, treating each span of doc.boilerplate as
// its own paragraph and flagging the sentences inside it. Call after doc.boilerplate is final.
// Boilerplate spans are sorted and merged first.
void segment(document& doc);

}  // namespace timeline::engine
