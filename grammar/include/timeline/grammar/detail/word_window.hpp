// SPDX-License-Identifier: MIT
//
// Sixty-four bytes of the scanner's lower-case ASCII view as three bit masks: which bytes are
// letters, which are digits, which are apostrophes. The scanner (grammar/src/dispatch.cpp) finds
// every word start of a window with a few mask operations instead of testing the bytes of each
// gap between words, and reads a word's length off the letter mask. An implementation detail of
// the grammar, not part of the library's interface.
//
//   detail::word_window const w = detail::word_window_at(lower.data(), at, lower.size());
//   std::uint64_t const word_chars = w.letters | w.digits;
//   // bit k of a mask is byte at + k; bytes at or past the view's end are in no mask
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <timeline/grammar/detail/eight_bytes.hpp>

namespace timeline::detail {

struct word_window {
  std::uint64_t letters = 0;      // 'a' to 'z'
  std::uint64_t digits = 0;       // '0' to '9'
  std::uint64_t apostrophes = 0;  // '\''

  friend bool operator==(word_window const&, word_window const&) = default;
};

// The eight top bits of `marks` (one per byte) as the low eight bits, byte i as bit i.
constexpr std::uint64_t gather_top_bits(std::uint64_t marks) noexcept {
  return ((marks >> 7) * 0x0102040810204080ULL) >> 56;
}

// Eight bytes at a time with 64-bit arithmetic: the portable way, and the reference the SSE2 way
// is tested against.
inline word_window word_window_swar(char const* text, std::size_t at, std::size_t size) noexcept {
  word_window w;
  for (std::size_t k = 0; k < 8; ++k) {
    std::size_t const from = at + 8 * k;
    if (from >= size) break;
    std::uint64_t eight = load_eight(text + from);
    if (size - from < 8) eight &= ~std::uint64_t{0} >> (64 - 8 * (size - from));  // only the view's bytes
    w.letters |= gather_top_bits(bytes_between(eight, 'a', 'z')) << (8 * k);
    w.digits |= gather_top_bits(bytes_between(eight, '0', '9')) << (8 * k);
    w.apostrophes |= gather_top_bits(bytes_between(eight, '\'', '\'')) << (8 * k);
  }
  return w;
}

#if defined(__SSE2__)
// Sixteen bytes at a time: a range test is a subtraction, an unsigned minimum and a comparison.
inline word_window word_window_sse2(char const* text, std::size_t at, std::size_t size) noexcept {
  auto const in_range = [](__m128i bytes, char low, char span) {
    __m128i const offset = _mm_sub_epi8(bytes, _mm_set1_epi8(low));
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(span)), offset))));
  };
  word_window w;
  if (at < size && size - at >= 64) {
    // A whole window inside the view, most of them: no byte to mask off.
    for (std::size_t k = 0; k < 4; ++k) {
      __m128i const bytes = _mm_loadu_si128(reinterpret_cast<__m128i const*>(text + at + 16 * k));
      w.letters |= in_range(bytes, 'a', 'z' - 'a') << (16 * k);
      w.digits |= in_range(bytes, '0', '9' - '0') << (16 * k);
      w.apostrophes |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\''))))) << (16 * k);
    }
    return w;
  }
  for (std::size_t k = 0; k < 4; ++k) {
    std::size_t const from = at + 16 * k;
    if (from >= size) break;
    __m128i const bytes = _mm_loadu_si128(reinterpret_cast<__m128i const*>(text + from));
    std::uint64_t const inside = size - from < 16 ? (std::uint64_t{1} << (size - from)) - 1 : 0xFFFF;  // only the view's bytes
    w.letters |= (in_range(bytes, 'a', 'z' - 'a') & inside) << (16 * k);
    w.digits |= (in_range(bytes, '0', '9' - '0') & inside) << (16 * k);
    w.apostrophes |= (static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\''))))) & inside)
                     << (16 * k);
  }
  return w;
}
#endif

// The window of the 64 bytes from `at` of a view of `size` bytes at `text`; at least 16 bytes
// past the view's end must be readable (the scanner's padding).
inline word_window word_window_at(char const* text, std::size_t at, std::size_t size) noexcept {
#if defined(__SSE2__)
  return word_window_sse2(text, at, size);
#else
  return word_window_swar(text, at, size);
#endif
}

}  // namespace timeline::detail
