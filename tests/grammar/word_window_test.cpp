// SPDX-License-Identifier: MIT
//
// The scanner's 64-byte windows (timeline/grammar/detail/word_window.hpp) against a byte-by-byte
// reading of the same text: every position of a window, views that end inside it, and the
// SSE2 and portable versions agreeing where both are built. The scanner's own promise (the gated
// scan finds what the exhaustive one finds) is scanner_gate_test.cpp's.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <timeline/grammar/detail/word_window.hpp>

namespace timeline::detail {
namespace {

word_window by_bytes(std::string const& text, std::size_t at, std::size_t size) {
  word_window w;
  for (std::size_t k = 0; k < 64 && at + k < size; ++k) {
    char const c = text[at + k];
    std::uint64_t const bit = std::uint64_t{1} << k;
    if (c >= 'a' && c <= 'z') w.letters |= bit;
    if (c >= '0' && c <= '9') w.digits |= bit;
    if (c == '\'') w.apostrophes |= bit;
  }
  return w;
}

// The scanner's view: lower-case ASCII. The bytes next to the ranges' ends are the likeliest to
// be misread, so they are drawn often.
std::string random_view(std::mt19937& random, std::size_t size) {
  static constexpr char edges[] = {'a', 'z', '`', '{', '0', '9', '/', ':', '\'', '&', '(', ' ', '\n', '\0', '\x7f', 'A', 'Z'};
  std::uniform_int_distribution<int> any(0, 127);
  std::uniform_int_distribution<std::size_t> pick(0, sizeof edges - 1);
  std::bernoulli_distribution edge(0.5);
  std::string text(size, ' ');
  for (char& c : text) c = edge(random) ? edges[pick(random)] : static_cast<char>(any(random));
  return text;
}

TEST(WordWindow, MatchesTheBytesAtEveryOffsetAndViewEnd) {
  std::mt19937 random{20261123};
  for (int round = 0; round < 200; ++round) {
    std::size_t const size = 1 + random() % 150;
    std::string const view = random_view(random, size);
    // The scanner's padding: zero bytes after the view, and bytes past them the window never reads.
    std::string buffer = view + std::string(24, '\0');
    for (std::size_t at = 0; at < size; ++at) {
      word_window const expected = by_bytes(view, at, size);
      EXPECT_EQ(word_window_swar(buffer.data(), at, size), expected) << "portable, view size " << size << " at " << at;
#if defined(__SSE2__)
      EXPECT_EQ(word_window_sse2(buffer.data(), at, size), expected) << "SSE2, view size " << size << " at " << at;
#endif
    }
  }
}

TEST(WordWindow, IgnoresBytesPastTheViewsEnd) {
  // The view ends inside the window: letters in the bytes after it are not the view's.
  std::string const buffer = "ab1'" + std::string(60, 'x') + std::string(24, '\0');
  word_window const w = word_window_at(buffer.data(), 0, 4);
  EXPECT_EQ(w.letters, 0b0011U);
  EXPECT_EQ(w.digits, 0b0100U);
  EXPECT_EQ(w.apostrophes, 0b1000U);
}

TEST(WordWindow, GathersTopBitsInByteOrder) {
  EXPECT_EQ(gather_top_bits(0), 0U);
  EXPECT_EQ(gather_top_bits(high_bits), 0xFFU);
  EXPECT_EQ(gather_top_bits(0x80), 0x01U);
  EXPECT_EQ(gather_top_bits(std::uint64_t{0x80} << 56), 0x80U);
  EXPECT_EQ(gather_top_bits(0x0000800000008000ULL), 0b00100010U);
}

}  // namespace
}  // namespace timeline::detail
