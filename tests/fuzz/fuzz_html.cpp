// SPDX-License-Identifier: MIT
// Any bytes as a saved page: gumbo must cope, and the extracted body must make a sound document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <timeline/io/html.hpp>
#include <timeline/io/plain_text.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/utf8.hpp>

#include "check_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const bytes(reinterpret_cast<char const*>(data), size);
  if (timeline::io::find_invalid_utf8(bytes) || bytes.find('\0') != std::string_view::npos) {
    return -1;
  }
  auto page = timeline::io::extract_html(bytes);
  timeline::fuzz::require(!timeline::io::find_invalid_utf8(page.text).has_value());
  for (auto const& d : page.dates) {
    (void)timeline::io::parse_date(d.value);
  }
  std::vector<timeline::io::input_error> errors;
  timeline::io::article_fields fields;
  fields.id = "fuzz";
  fields.title = page.title;
  auto const doc = timeline::io::make_document(std::move(fields), std::move(page.text),
                                               date::sys_days{date::year{2025} / 9 / 1}, errors);
  timeline::fuzz::check_document(doc);
  return 0;
}
