// SPDX-License-Identifier: MIT
//
// TimeML documents (TimeBank, AQUAINT, TempEval-3 *.tml and *.TE3input): reading the text and the
// document creation time, reading gold TIMEX3 annotations, and writing a document back with new
// TIMEX3 elements while keeping TEXT's characters unchanged.
//
// The text of a document is the content of its <TEXT> element with every tag removed and XML
// entities decoded, exactly what TempEval-3 scorers compare. Offsets are byte offsets into that
// UTF-8 text.
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
  std::string text;                            // TEXT content, tags removed, entities decoded
  std::vector<timeml_timex> timexes;           // TIMEX3 elements inside TEXT, in text order
  // The raw document around TEXT's content, so that write_timeml() keeps DOCID, DCT and the rest.
  std::string before_text;  // everything up to and including "<TEXT>"
  std::string after_text;   // everything from "</TEXT>" on
};

// Parses a TimeML document. `name` is the file name, used for the id and in error messages.
// Throws timeline::io::input_error (naming the file and the line) when the XML is malformed or
// there is no TEXT element.
timeml_document parse_timeml(std::string_view contents, std::string_view name);

// The document again, with TEXT holding `text` unchanged and one TIMEX3 element per mention
// (tid "t1", "t2", ... in order; type, value, and mod/quant/freq where set). Tags that were inside
// TEXT in the input are not written. Mentions are byte offsets into doc.text and must not overlap.
std::string write_timeml(timeml_document const& doc, std::vector<grammar::temporal_mention> const& mentions);

}  // namespace timeline::io
