// SPDX-License-Identifier: MIT
// Any bytes as TimeML: parse_timeml either throws input_error or gives a document the reader can
// segment, whose text write_timeml() writes back unchanged.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <timeline/io/plain_text.hpp>
#include <timeline/io/timeml.hpp>
#include <timeline/io/utf8.hpp>

#include "check_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const bytes(reinterpret_cast<char const*>(data), size);
  if (timeline::io::find_invalid_utf8(bytes) || bytes.find('\0') != std::string_view::npos) {
    return -1;
  }
  try {
    auto const tml = timeline::io::parse_timeml(bytes, "fuzz.tml");
    std::vector<timeline::io::input_error> errors;
    timeline::io::article_fields fields;
    fields.id = tml.id;
    auto const doc = timeline::io::make_document(std::move(fields), tml.text,
                                                 date::sys_days{date::year{2025} / 9 / 1}, errors);
    timeline::fuzz::check_document(doc);
  } catch (timeline::io::input_error const&) {
    // malformed TimeML: reported by the reader
  }
  return 0;
}
