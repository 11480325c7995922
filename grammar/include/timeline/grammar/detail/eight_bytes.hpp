// SPDX-License-Identifier: MIT
//
// Eight bytes of text at a time in one 64-bit word (SWAR): the byte tests that every scan of the
// library makes (reading, splitting lines, lower-casing, cutting words) over the ASCII bulk of
// news text. An implementation detail shared by the grammar, engine and io sources, not part of
// the library's interface.
//
//   std::uint64_t const eight = detail::load_eight(text.data() + i);  // 8 readable bytes
//   if ((eight & detail::high_bits) == 0) { /* all ASCII */ }
//   std::uint64_t const upper = detail::bytes_between(eight, 'A', 'Z');  // top bit per match
//   std::size_t const first = detail::first_byte(upper);                // index of the first
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace timeline::detail {

constexpr std::uint64_t every_byte(unsigned char b) noexcept { return 0x0101010101010101ULL * b; }
inline constexpr std::uint64_t high_bits = every_byte(0x80);

// The eight bytes at `at`, in memory order (byte i of the text is bits 8i..8i+7 on the
// little-endian machines the library builds for).
inline std::uint64_t load_eight(char const* at) noexcept {
  std::uint64_t eight;
  std::memcpy(&eight, at, sizeof eight);
  return eight;
}

// The top bit of each byte from `low` to `high`, for words of ASCII bytes only (a byte above 127
// carries into its neighbour).
constexpr std::uint64_t bytes_between(std::uint64_t eight, unsigned char low, unsigned char high) noexcept {
  return (eight + every_byte(static_cast<unsigned char>(0x80 - low))) & ~(eight + every_byte(static_cast<unsigned char>(0x7F - high))) &
         high_bits;
}

// Whether some byte is zero; exact (only which byte is not, past the first).
constexpr bool has_zero_byte(std::uint64_t eight) noexcept { return ((eight - every_byte(1)) & ~eight & high_bits) != 0; }

// The index of the first byte whose top bit is set in `marks` (not zero).
inline std::size_t first_byte(std::uint64_t marks) noexcept { return static_cast<std::size_t>(__builtin_ctzll(marks)) / 8; }

// Whether every byte of `text` is below 128.
inline bool all_ascii(std::string_view text) noexcept {
  std::size_t i = 0;
  std::uint64_t seen = 0;
  for (; i + 8 <= text.size(); i += 8) seen |= load_eight(text.data() + i);
  for (; i < text.size(); ++i) seen |= static_cast<unsigned char>(text[i]);
  return (seen & high_bits) == 0;
}

}  // namespace timeline::detail
