// SPDX-License-Identifier: MIT
//
// UTF-8 at the I/O boundary: checking that bytes are text, and turning the byte offsets the
// library works with into the code point offsets people and other tools count in.
//
// The engine keeps byte offsets (cheap, exact slicing); anything printed for a person counts code
// points, so "Zoë" is 3 long, not 4.
//
// Example:
//   find_invalid_utf8("caf\xC3\xA9 \xFF")       // -> 6 (the 0xFF)
//   offset_converter conv{"Zoë met Kim"};
//   conv.to_code_points(5)                       // -> 4 (the space after "Zoë")
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace timeline::io {

// The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF included), or nullopt if all is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

// The number of code points in valid UTF-8 `text` (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text) noexcept;

// Converts many byte offsets of one text to code point offsets in O(log n) each, after one pass.
// The text must outlive the converter.
class offset_converter {
 public:
  explicit offset_converter(std::string_view text);

  // The code point offset of byte offset `byte` (<= text size). An offset inside a multi-byte
  // sequence maps to the code point that contains it.
  std::size_t to_code_points(std::size_t byte) const noexcept;

 private:
  static constexpr std::size_t stride = 256;  // bytes between checkpoints
  std::string_view text_;
  // Code points before byte i * stride; none when every byte is a code point (ASCII text).
  std::vector<std::size_t> checkpoints_;
};

// `text` with a leading UTF-8 byte order mark removed; `removed` is set to the bytes dropped (0 or 3).
std::string_view strip_bom(std::string_view text, std::size_t* removed = nullptr) noexcept;

}  // namespace timeline::io
