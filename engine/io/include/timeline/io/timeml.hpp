// SPDX-License-Identifier: MIT
//
// TimeML documents (TimeBank, AQUAINT, TempEval-3 *.tml and *.TE3input): reading the text and the
// document creation time, reading gold TIMEX3 annotations, and writing a document back with new
// TIMEX3 elements while keeping TEXT's characters unchanged.
//
// The text of a document is the content of its <TEXT> element with every tag removed and XML
// entities decoded, what TempEval-3 scorers compare. Offsets are byte offsets into that UTF-8
// text. Line ends stay as written ("\r\n" too), so that write_timeml() gives TEXT back byte for
// byte; te3score reads "\r\n" as "\n" in gold and system alike, so scores do not change. The
// scorer's own reading of a file, in code points, is in tempeval.hpp.
//
// Example:
//   auto doc = timeline::io::parse_timeml(file_contents, "ABC19980108.1830.0711.tml");
//   // doc.id == "ABC19980108.1830.0711", doc.dct -> 1998-01-08, doc.timexes[0].value == "P1W"
//   std::string out = timeline::io::write_timeml(doc, mentions);  // TIMEX3 tags from `mentions`
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/grammar/extract.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::io {

// One TIMEX3 element found inside TEXT.
struct timeml_timex {
  std::size_t begin = 0;  // byte offsets into timeml_document::text, end exclusive
  std::size_t end = 0;
  std::string tid;
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;
  std::string mod;
  friend bool operator==(timeml_timex const&, timeml_timex const&) = default;
};

struct timeml_document {
  std::string id;  // the file name up to ".tml" ("ABC19980108.1830.0711")
  std::optional<grammar::reference_time> dct;  // the CREATION_TIME TIMEX3, when present
  std::string dct_value;                       // its value attribute as written
  std::string dct_tid;                         // its tid ("t0"), which write_timeml() does not reuse
  std::string text;                            // TEXT content, tags removed, entities decoded
  std::vector<timeml_timex> timexes;           // TIMEX3 elements inside TEXT, in text order
  // The raw document around TEXT's content, so that write_timeml() keeps DOCID, DCT and the rest.
  std::string before_text;  // everything up to and including "<TEXT>"
  std::string after_text;   // everything from "</TEXT>" on
};

// The day and time of day of a TIMEX3 date value: "1998-01-08" and "1998-01-08T18:30" (or
// "T18:30:00", seconds dropped). A value without a whole calendar day ("1998-01", "XXXX-XX-XX",
// "1998-02-30") gives nullopt; a time that is not HH:MM ("1998-01-08TMO") is left out.
// Example:
//   parse_timex_day("1998-01-08T18:30:00") -> {1998-01-08, 18h30min}
//   parse_timex_day("1998-W02")            -> nullopt
std::optional<grammar::reference_time> parse_timex_day(std::string_view value);

// Parses a TimeML document. `name` is the file name, used for the id and in error messages.
// Throws timeline::io::input_error (naming the file and the line) when the XML is malformed or
// there is no TEXT element.
timeml_document parse_timeml(std::string_view contents, std::string_view name);

// The document again, with TEXT holding `text` unchanged and one TIMEX3 element per mention
// (tid "t1", "t2", ... in order; type, value, and mod/quant/freq where set). Tags that were inside
// TEXT in the input are not written. Mentions are byte offsets into doc.text and must not overlap;
// they may come in any order. Throws std::invalid_argument for a mention outside the text or
// overlapping another, which is a bug of the caller, not bad input.
std::string write_timeml(timeml_document const& doc, std::vector<grammar::temporal_mention> const& mentions);

}  // namespace timeline::io
