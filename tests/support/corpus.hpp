// SPDX-License-Identifier: MIT
//
// The example corpus is the specification of the tagger (Duckling's Corpus.hs, STYLE 1.6 and 2.9).
// It lives in fixtures/corpus/en/<class>.jsonl, one JSON object per line; lines starting with `#`
// are comments and blank lines are ignored. A line gives one expected mention and the inputs that
// must produce it:
//
//   {"pub":"2013-02-12","texts":["last Friday","LAST friday"],
//    "expect":{"type":"DATE","value":"2013-02-08","earliest":"2013-02-08","latest":"2013-02-08","grain":"day"}}
//
// Two kinds of input:
//   * "texts": each text alone is the whole input. Exactly one mention must be found and it must
//     span the whole text (Duckling's makeCorpusTest).
//   * "sentence" (a string or an array of strings) with "span": a mention covering exactly the first
//     occurrence of `span` in the sentence must exist; other mentions are allowed. Used for tense,
//     prepositions ("on Tuesday" -> span "Tuesday") and anaphora.
// A line may carry both.
//
// Keys of "expect":
//   type            "DATE" | "TIME" | "DURATION" | "SET"                        (required)
//   value           the TIMEX3 value                                            (required)
//   mod/quant/freq  TIMEX3 attributes; ABSENT MEANS THE MENTION MUST HAVE NONE
//   earliest/latest ISO days; null: the mention has no interval; absent: not checked
//   grain           a timeline::grammar::grain name ("day", "part_of_day", ...); absent: not checked
//   anchor          for anaphora: the mention's anchor_value, and its anchor kind must be `previous`
// "expect": null (negative.jsonl) means extract() must return nothing at all for the input.
//
// "pub" is the document creation time, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; it defaults to
// Duckling's reference time, Tuesday 2013-02-12. "note" is a free-text comment on the line.
//
// A malformed line is never skipped: it becomes a case whose `error` is set, and the test of that
// case fails with the message (a throw would abort the whole test binary during registration).
//
// Example:
//   auto cases = load_corpus(TIMELINE_FIXTURES_DIR "/corpus/en/weekday.jsonl");
//   // cases[0]: text "last Friday", pub 2013-02-12, expect DATE 2013-02-08, file weekday.jsonl:3
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <timeline/grammar/extract.hpp>

namespace timeline::testing {

// An expected closed day interval bound: not checked, must be absent (JSON null), or a day.
struct expected_bound {
  bool checked = false;
  std::optional<date::sys_days> day;  // nullopt with checked: the mention must have no interval
};

struct corpus_expectation {
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;  // TIMEX3 value
  std::string mod;    // empty: the mention must have no mod
  std::string quant;
  std::string freq;
  expected_bound earliest;
  expected_bound latest;
  std::optional<std::string> grain;   // to_string(grain); nullopt: not checked
  std::optional<std::string> anchor;  // anaphora: expected anchor_value
};

struct corpus_case {
  std::string file;       // file name without directory: "weekday.jsonl"
  std::size_t line = 0;   // 1-based
  std::size_t index = 0;  // position of this input on its line, 0-based

  std::string text;                 // the whole input given to extract()
  std::optional<std::string> span;  // sentence mode: the text the mention must cover
  std::size_t span_begin = 0;       // byte offset of `span` in `text`

  grammar::reference_time pub;
  std::optional<corpus_expectation> expect;  // nullopt: extract() must find nothing
  bool allow_latent = false;

  std::string error;  // non-empty: the line is malformed and the case must fail with this
};

struct corpus_load_options {
  bool allow_latent = false;  // latent.jsonl is run with extract_options::allow_latent
};

// Loads one corpus file, one case per text or sentence, in file order. A missing or unreadable file
// gives a single case carrying the error.
std::vector<corpus_case> load_corpus(std::filesystem::path const& path, corpus_load_options options = {});

// A valid, unique GoogleTest parameter name: "L12T1LastFriday" (line 12, second input), "L10T0N20250813",
// "L40T0SpanMonday" (sentence mode: named after the span).
std::string corpus_case_name(corpus_case const& c);

// `"last Friday" @ weekday.jsonl:3` so gtest does not print raw bytes.
void PrintTo(corpus_case const& c, std::ostream* os);

}  // namespace timeline::testing
