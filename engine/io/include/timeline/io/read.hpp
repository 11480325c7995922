// SPDX-License-Identifier: MIT
//
// Reading articles: every input the command line accepts becomes a stream of engine::documents.
//
// A path is a file, a directory (every supported file below it, recursively, in sorted order) or
// "-" for standard input. The format comes from the extension and, when that says nothing, from
// the first bytes:
//   *.txt, *.text, *.md, other         plain UTF-8 text, one article
//   *.jsonl, *.ndjson                  one article per line: {"id", "title", "text", "published"
//                                      (or "dct"), "source", "url"}
//   *.html, *.htm, *.xhtml             a saved news page (gumbo): title, date, article body
//   *.tml, *.TE3input                  TimeML (timeline::io::parse_timeml)
//
// Documents are read one at a time and handed over, so memory stays flat however large the input:
// a JSON Lines file is read line by line and never held whole.
//
// Bad input never stops the run and never loses a document: a file or line that cannot be read
// is reported through on_error (naming the document and the place), and a document that was read
// but has something wrong in it (an impossible date) arrives with its errors attached.
//
// Example:
//   read_options options;
//   options.dct_by_id["kim"] = date::sys_days{date::year{2025} / 8 / 13};
//   std::size_t failures = read_documents({"articles/"}, options,
//       [](source_document&& d) { std::cout << d.document.id << '\n'; },
//       [](read_failure const& e) { std::cerr << e.what() << '\n'; });
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/engine/document.hpp>
#include <timeline/grammar/extract.hpp>
#include <timeline/io/input_error.hpp>
#include <timeline/io/timeml.hpp>

namespace timeline::io {

struct read_options {
  // Publication dates given by the user, by document id (`--dct ID=DATE`, `--manifest`). They
  // override whatever the document says.
  std::map<std::string, date::sys_days> dct_by_id;
  // The date for every document that has none of its own (`--dct DATE`).
  std::optional<grammar::reference_time> default_dct;
  // Include boilerplate sentences in engine::taggable_sentences (`--keep-boilerplate`).
  bool keep_boilerplate = false;
  // A document or JSON line longer than this is refused (and skipped without being held).
  std::size_t max_document_bytes = std::size_t{16} << 20U;
  // "Today", for refusing publication dates in the future; the system clock when unset.
  std::optional<date::sys_days> today;
  // Cut each document into paragraphs and sentences. `timeline tag` reads neither and turns it off.
  bool segment = true;
};

// One document read, with what its container carried besides the document.
struct source_document {
  engine::document document;
  // The TimeML it came from (for *.tml and *.TE3input), so `tag --format timeml` can write it back.
  std::shared_ptr<timeml_document const> timeml;
  // Problems that did not stop the document from being read: it is still usable, but its status is
  // "error" (an impossible or future publication date).
  std::vector<input_error> errors;
  // Things done to it that the user should know about: an id renamed because it was taken.
  std::vector<input_error> warnings;
};

// A file or line that could not be read at all. document() is the path (as given); id() is the
// identifier the document would have had ("news" for news.txt, "news:7" for line 7 of news.jsonl).
class read_failure : public input_error {
 public:
  read_failure(std::string id, std::string document, std::string place, std::string message)
      : input_error(std::move(document), std::move(place), std::move(message)), id_(std::move(id)) {}
  std::string const& id() const noexcept { return id_; }

 private:
  std::string id_;
};

// Reads every path in order and calls on_document for each document and on_error for each file or
// line that could not be read. Returns the number of failures: on_error calls plus documents with
// errors attached.
std::size_t read_documents(std::vector<std::string> const& paths, read_options const& options,
                           std::function<void(source_document&&)> const& on_document,
                           std::function<void(read_failure const&)> const& on_error);

// Parses one `--dct` value into `options`: "ID=DATE" for one document, "DATE" for every undated
// one. DATE is any form parse_date() accepts. Throws input_error (document "--dct") when it is not.
void add_dct_option(read_options& options, std::string_view value);

// Reads a manifest, a JSON object mapping document ids to dates ({"kim": "2025-08-13"}), into
// `options`. Throws input_error naming the file on a missing file, bad JSON or a bad date.
void add_manifest(read_options& options, std::string const& path);

// The id a file gets: its base name without the last extension ("a/b/kim.txt" -> "kim").
std::string id_from_path(std::string_view path);

}  // namespace timeline::io
