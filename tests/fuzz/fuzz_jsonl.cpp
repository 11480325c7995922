// SPDX-License-Identifier: MIT
// Each line of the input as a JSON Lines record; bad lines must throw input_error and nothing else.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/io/jsonl.hpp>
#include <timeline/io/utf8.hpp>

#include "check_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view input(reinterpret_cast<char const*>(data), size);
  std::size_t number = 0;
  while (!input.empty()) {
    std::size_t const eol = input.find('\n');
    std::string_view const line = input.substr(0, eol);
    input.remove_prefix(eol == std::string_view::npos ? input.size() : eol + 1);
    ++number;
    if (timeline::io::find_invalid_utf8(line) || line.find('\0') != std::string_view::npos) {
      continue;  // refused by read_documents before parsing
    }
    std::vector<timeline::io::input_error> errors;
    try {
      auto record = timeline::io::parse_jsonl_record(line, "fuzz.jsonl", number,
                                                     date::sys_days{date::year{2025} / 9 / 1}, errors);
      auto const doc = timeline::io::make_document(std::move(record.fields), std::move(record.text),
                                                   date::sys_days{date::year{2025} / 9 / 1}, errors);
      timeline::fuzz::check_document(doc);
    } catch (timeline::io::input_error const&) {
      // a bad line: reported and skipped by the reader
    }
  }
  return 0;
}
