// SPDX-License-Identifier: MIT
// The date reader on any text: what it returns must lie inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <timeline/io/publication_date.hpp>

#include "check_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  std::string_view const text(reinterpret_cast<char const*>(data), size);
  date::sys_days const today{date::year{2025} / 9 / 1};
  if (auto const r = timeline::io::parse_date(text)) {
    timeline::fuzz::require(r->begin <= r->end && r->end <= text.size());
    (void)timeline::io::date_problem(*r, today);
  }
  if (auto const r = timeline::io::find_date(text)) {
    timeline::fuzz::require(r->begin <= r->end && r->end <= text.size());
  }
  auto const detected = timeline::io::detect_publication_date(text, {}, today);
  for (auto const& line : detected.lines) {
    timeline::fuzz::require(line.begin <= line.end && line.end <= text.size());
  }
  if (detected.dct.day) {
    timeline::fuzz::require(*detected.dct.day <= today + date::days{1});
  }
  return 0;
}
