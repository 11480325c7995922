// SPDX-License-Identifier: MIT
// Any UTF-8 text as a plain-text article (the reader refuses other bytes before this point).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <timeline/io/plain_text.hpp>
#include <timeline/io/utf8.hpp>

#include "check_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string text(reinterpret_cast<char const*>(data), size);
  if (timeline::io::find_invalid_utf8(text) || text.find('\0') != std::string::npos) {
    return -1;  // refused by read_documents before any parsing
  }
  std::vector<timeline::io::input_error> errors;
  timeline::io::article_fields fields;
  fields.id = "fuzz";
  auto const doc = timeline::io::make_document(std::move(fields), std::move(text),
                                               date::sys_days{date::year{2025} / 9 / 1}, errors);
  timeline::fuzz::check_document(doc);
  return 0;
}
