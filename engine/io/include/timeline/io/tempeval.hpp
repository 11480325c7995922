// SPDX-License-Identifier: MIT
//
// TempEval-3 Task A scoring: how well a system's TIMEX3 annotations match gold TimeML, for
// extents (strict and relaxed) and for the normalized attributes (type and value).
//
// The figures are exactly those of the reference scorer /work/shared/tools/te3score.py, which is
// what published TempEval-3 numbers for this project are computed with. Agreement therefore
// means copying its reading of a file, not reading it as XML: the text is TEXT's content with
// every `<name ...>` tag removed and each piece between tags passed through Python's
// html.unescape(); offsets count Unicode code points (Python str characters), not bytes; files
// are decoded as UTF-8 with invalid bytes replaced by U+FFFD and "\r\n" / "\r" read as "\n"
// (Python's text mode).
//
// Scoring, per gold file NAME.tml (NAME = the file name up to the first ".tml"):
//   * the system file is the one in the system folder whose name up to ".tml" is NAME; when
//     there is none, the gold timexes still count and a problem is noted;
//   * when the two texts differ only in white space, offsets are mapped through the folded text;
//     when they differ otherwise, the file is not scored (its gold timexes still count);
//   * strict: a system timex with the same extent as some gold timex;
//     relaxed: a system timex overlapping a gold timex not yet matched (the first such, in gold
//     order); type and value are compared on relaxed matches only;
//   * P = matches / system timexes, R = matches / gold timexes, both in percent and F1, each
//     rounded to two decimals.
//
// Example:
//   auto r = timeline::io::score_tempeval("gold/", "system/");
//   // r.counts.gold == 8, r.counts.sys == 9, r.strict.precision == 33.33, r.strict.recall == 37.5
//   // r.problems == {"charlie.tml: no system file"}
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace timeline::io {

// One TIMEX3 as the scorer sees it: code point offsets into tempeval_document::text and the
// attributes exactly as written (entities not decoded).
struct tempeval_timex {
  std::size_t begin = 0;  // end exclusive
  std::size_t end = 0;
  std::string type;
  std::string value;
  friend bool operator==(tempeval_timex const&, tempeval_timex const&) = default;
};

struct tempeval_document {
  std::u32string text;  // TEXT content, tags removed, html.unescape()d, newlines read as "\n"
  // In the order of their closing tags (te3score's order, which matters for relaxed matching
  // only if TIMEX3 elements nest).
  std::vector<tempeval_timex> timexes;
};

// Reads a file's bytes the way te3score.py does. A document without <TEXT>...</TEXT> has an
// empty text and no timexes (te3score does not complain either). Throws input_error naming
// `name` for a </TIMEX3> with no open TIMEX3, on which te3score.py itself stops with a traceback.
// Example:
//   read_tempeval_document("<TEXT>Z\xC3\xBCrich &amp; <TIMEX3 type=\"DATE\" value=\"2013\">2013"
//                          "</TIMEX3></TEXT>", "a.tml")
//   // text == U"Zürich & 2013", timexes == {{9, 13, "DATE", "2013"}}
tempeval_document read_tempeval_document(std::string_view bytes, std::string_view name);

struct tempeval_counts {
  std::size_t gold = 0;
  std::size_t sys = 0;
  std::size_t strict = 0;
  std::size_t relaxed = 0;
  std::size_t type = 0;
  std::size_t value = 0;
  friend bool operator==(tempeval_counts const&, tempeval_counts const&) = default;
};

// Percentages in [0, 100], rounded to two decimals as Python's round(x, 2) does.
struct tempeval_prf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// One way a system timex and a gold timex part, as the scorer counts them. A relaxed match that
// differs in value, in type and in extent gives three disagreements, so that per document set
//   wrong_value == relaxed - value, wrong_type == relaxed - type,
//   spurious == sys - relaxed,      missed == gold - relaxed,
// and span counts the relaxed matches whose two extents differ.
enum class tempeval_disagreement_kind { wrong_value, wrong_type, span, spurious, missed };

// "wrong-value", "wrong-type", "span", "spurious", "missed".
std::string_view to_string(tempeval_disagreement_kind kind) noexcept;

// A timex as written in its file: the covered text (UTF-8, white-space runs as one space) and the
// attributes.
struct tempeval_side {
  std::string text;
  std::string type;
  std::string value;
  friend bool operator==(tempeval_side const&, tempeval_side const&) = default;
};

struct tempeval_disagreement {
  tempeval_disagreement_kind kind{};
  std::string document;  // NAME of NAME.tml
  // Code point offset of the gold timex in the gold text, or for a spurious one of the system
  // timex in the system text (before any white-space folding).
  std::size_t offset = 0;
  std::optional<tempeval_side> gold;    // absent for spurious
  std::optional<tempeval_side> system;  // absent for missed
  friend bool operator==(tempeval_disagreement const&, tempeval_disagreement const&) = default;
};

struct tempeval_result {
  tempeval_counts counts;
  tempeval_prf strict;
  tempeval_prf relaxed;
  tempeval_prf type;
  tempeval_prf value;
  // "NAME.tml: no system file", "NAME.tml: system text differs from gold text; file not scored".
  std::vector<std::string> problems;
  // By document (gold file order), then offset. The gold timexes of a document that is not
  // scored are missed.
  std::vector<tempeval_disagreement> disagreements;
};

// Scores every *.tml file of `gold_dir` against the matching file of `system_dir`.
// Throws input_error when a folder does not exist or a file cannot be read.
tempeval_result score_tempeval(std::filesystem::path const& gold_dir, std::filesystem::path const& system_dir);

// te3score.py's --json object: {"counts": {"gold", "sys", "strict", "relaxed", "type", "value"},
// "strict": {"P", "R", "F1"}, "relaxed": ..., "type": ..., "value": ..., "problems": [...]},
// keys in that order.
void to_json(nlohmann::ordered_json& j, tempeval_result const& result);

// te3score.py's text report: a "note: ..." line per problem, then
// "strict   P  33.33  R  37.50  F1  35.29" for strict, relaxed, type and value, then
// "gold 8  system 9". Each line ends with "\n".
std::string format_tempeval_report(tempeval_result const& result);

// One tab-separated line per disagreement, for `timeline eval --errors`:
//   kind  document  offset  gold-text  gold-type  gold-value  system-text  system-type  system-value
// Texts are in double quotes; an absent side is "-" in its three columns.
// Example:
//   "wrong-value\talpha\t104\t\"next Tuesday\"\tDATE\t2013-02-19\t\"next Tuesday\"\tDATE\t2013-02-12\n"
std::string format_tempeval_disagreements(tempeval_result const& result);

// The same lines as JSON: [{"kind", "document", "offset", "gold": {"text", "type", "value"} or
// null, "system": ... or null}].
nlohmann::ordered_json disagreements_json(tempeval_result const& result);

}  // namespace timeline::io
