// SPDX-License-Identifier: MIT
#include "document_text.hpp"

#include <timeline/grammar/detail/eight_bytes.hpp>

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace timeline::engine::detail {
namespace {

using timeline::detail::bytes_between;
using timeline::detail::every_byte;
using timeline::detail::first_byte;
using timeline::detail::high_bits;
using timeline::detail::load_eight;

// The top bit of each byte that may start a line break: a byte above 127, or one below 14 (LF and
// CR, with the tab and the other control characters they sit among, one test for all). Only the
// first mark is exact (a borrow can mark the byte above a marked one), and only the first is used.
// Over the ASCII bulk of news text the scans below go eight bytes at a time (one byte at a time
// they were a tenth of `timeline tag`), and they jump to the first mark rather than stepping to it.
std::uint64_t may_break_line(std::uint64_t w) {
  return ((w - every_byte(0x0E)) | w) & high_bits;
}

#if defined(__SSE2__)
// The bytes of the 32 at `at` that may_break_line() marks, one bit each (bit i for byte i), all
// exact: one comparison of each half of the block as sixteen signed bytes (a byte above 127 is
// below 0). The mask of the bytes that are not marked goes straight to a general register: taking
// the halves of the vector out to OR them, comparing the other way round (which the compiler made
// two comparisons), and then finding the mark again in the block's four words took more
// instructions than the test.
std::uint32_t block_marks(char const* at) noexcept {
  __m128i const above = _mm_set1_epi8(0x0D);
  __m128i const low = _mm_loadu_si128(reinterpret_cast<__m128i const*>(at));
  __m128i const high = _mm_loadu_si128(reinterpret_cast<__m128i const*>(at + 16));
  auto const plain_low = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpgt_epi8(low, above)));
  auto const plain_high = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpgt_epi8(high, above)));
  return ~(plain_low | (plain_high << 16U));
}
#else
// Whether one of the 32 bytes at `at` is one may_break_line() marks: one comparison of each half
// of the block as sixteen signed bytes (a byte above 127 is below 0) in a vector register (GNU
// vector extension). A block without a mark, most of them, costs about half of marking its four
// words.
bool block_may_break_line(char const* at) noexcept {
  using sixteen = signed char __attribute__((vector_size(16)));
  using halves = std::uint64_t __attribute__((vector_size(16)));
  sixteen low;
  sixteen high;
  std::memcpy(&low, at, sizeof low);
  std::memcpy(&high, at + 16, sizeof high);
  sixteen const limit = {0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E};
  auto const marks = reinterpret_cast<halves>((low < limit) | (high < limit));
  return (marks[0] | marks[1]) != 0;
}
#endif

// The first byte from `pos` that may_break_line() marks, or the first of the last seven bytes
// before `end` (not looked at), or `end`. Thirty-two bytes at a time through the long lines of
// paragraphs, and from the block that stops the run straight to its first mark: stepping to it
// eight bytes at a time tested the same block again at each step.
std::size_t next_possible_break(char const* text, std::size_t pos, std::size_t end) noexcept {
  for (; pos + 32 <= end; pos += 32) {
#if defined(__SSE2__)
    if (std::uint32_t const marks = block_marks(text + pos); marks != 0) {
      return pos + static_cast<std::size_t>(__builtin_ctz(marks));
    }
#else
    if (!block_may_break_line(text + pos)) continue;
    std::uint64_t const first = may_break_line(load_eight(text + pos));
    std::uint64_t const second = may_break_line(load_eight(text + pos + 8));
    std::uint64_t const third = may_break_line(load_eight(text + pos + 16));
    std::uint64_t const fourth = may_break_line(load_eight(text + pos + 24));
    if ((first | second | third | fourth) != 0) {
      return pos + (first != 0    ? first_byte(first)
                    : second != 0 ? 8 + first_byte(second)
                    : third != 0  ? 16 + first_byte(third)
                                  : 24 + first_byte(fourth));
    }
#endif
  }
  for (; pos + 8 <= end; pos += 8) {
    if (std::uint64_t const marks = may_break_line(load_eight(text + pos)); marks != 0) {
      return pos + first_byte(marks);
    }
  }
  return pos;
}

}  // namespace

decoded decode_at(std::string_view text, std::size_t pos) noexcept {
  auto const byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char const lead = byte(pos);
  if (lead < 0x80U) {
    return {lead, 1};
  }
  std::size_t length = 0;
  char32_t cp = 0;
  if ((lead & 0xE0U) == 0xC0U && lead >= 0xC2U) {
    length = 2;
    cp = lead & 0x1FU;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    cp = lead & 0x0FU;
  } else if ((lead & 0xF8U) == 0xF0U && lead <= 0xF4U) {
    length = 4;
    cp = lead & 0x07U;
  } else {
    return {U'\uFFFD', 1};
  }
  if (pos + length > text.size()) {
    return {U'\uFFFD', 1};
  }
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char const next = byte(pos + i);
    if ((next & 0xC0U) != 0x80U) {
      return {U'\uFFFD', 1};
    }
    cp = (cp << 6U) | (next & 0x3FU);
  }
  // Overlong forms and surrogates are invalid; treat them like any other bad byte.
  if ((length == 3 && cp < 0x800U) || (length == 4 && (cp < 0x10000U || cp > 0x10FFFFU)) ||
      (cp >= 0xD800U && cp <= 0xDFFFU)) {
    return {U'\uFFFD', 1};
  }
  return {cp, length};
}

decoded decode_before(std::string_view text, std::size_t pos) noexcept {
  std::size_t start = pos - 1;
  // Walk back over at most three continuation bytes to the lead byte.
  for (std::size_t back = 0; back < 3 && start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U;
       ++back) {
    --start;
  }
  decoded const d = decode_at(text, start);
  if (start + d.length == pos) {
    return d;
  }
  return {U'\uFFFD', 1};
}

bool is_blank(char32_t cp) noexcept {
  return cp == U' ' || cp == U'\t' || cp == U'\v' || cp == U'\f' || cp == U'\u00A0' ||
         (cp >= U'\u2000' && cp <= U'\u200B') || cp == U'\u202F' || cp == U'\u205F' || cp == U'\u3000' ||
         cp == U'\uFEFF';
}

bool is_line_break(char32_t cp) noexcept {
  return cp == U'\n' || cp == U'\r' || cp == U'\u2028' || cp == U'\u2029' || cp == U'\u0085';
}

bool is_upper(char32_t cp) noexcept {
  if (cp < 0x80U) {
    return cp >= U'A' && cp <= U'Z';
  }
  if (cp >= 0xC0U && cp <= 0xDEU) {
    return cp != 0xD7U;
  }
  if (cp >= 0x100U && cp <= 0x17FU) {
    return cp % 2 == 0;  // Latin Extended-A mostly alternates upper, lower
  }
  return (cp >= 0x391U && cp <= 0x3A9U) || (cp >= 0x400U && cp <= 0x42FU);
}

bool is_lower(char32_t cp) noexcept {
  if (cp < 0x80U) {
    return cp >= U'a' && cp <= U'z';
  }
  if (cp >= 0xDFU && cp <= 0xFFU) {
    return cp != 0xF7U;
  }
  if (cp >= 0x100U && cp <= 0x17FU) {
    return cp % 2 == 1;
  }
  return (cp >= 0x3B1U && cp <= 0x3C9U) || (cp >= 0x430U && cp <= 0x45FU);
}

bool is_letter(char32_t cp) noexcept {
  if (cp < 0x80U) {
    return (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z');
  }
  if (cp >= 0xC0U && cp <= 0x24FU) {
    return cp != 0xD7U && cp != 0xF7U;
  }
  // Punctuation, symbols and spaces of the General Punctuation and symbol blocks are not letters;
  // everything else above Latin (Greek, Cyrillic, CJK, ...) is treated as one.
  return cp >= 0x370U && !(cp >= 0x2000U && cp <= 0x2BFFU) && !(cp >= 0x3000U && cp <= 0x303FU) &&
         cp != 0xFEFFU && cp != 0xFFFDU;
}

bool is_opening_quote(char32_t cp) noexcept {
  return cp == U'"' || cp == U'\'' || cp == U'\u201C' || cp == U'\u2018' || cp == U'\u00AB' || cp == U'\u2039' ||
         cp == U'\u201E' || cp == U'(' || cp == U'[';
}

bool is_closing_quote(char32_t cp) noexcept {
  return cp == U'"' || cp == U'\'' || cp == U'\u201D' || cp == U'\u2019' || cp == U'\u00BB' || cp == U'\u203A' ||
         cp == U')' || cp == U']';
}

bool is_dash(char32_t cp) noexcept { return cp == U'-' || (cp >= U'\u2010' && cp <= U'\u2015'); }

bool is_bullet(char32_t cp) noexcept {
  return cp == U'\u2022' || cp == U'\u00B7' || cp == U'\u25AA' || cp == U'\u25E6' || cp == U'\u2023' ||
         cp == U'\u25CF' || cp == U'\u25CB' || cp == U'\u25A0' || cp == U'\u25A1' || cp == U'-' || cp == U'*' ||
         cp == U'\u2013' || cp == U'\u2014' || cp == U'\u2043' || cp == U'\u27A2' || cp == U'\u2192';
}

bool line_scanner::next(text_span& line) noexcept {
  if (done_) {
    return false;
  }
  std::size_t const start = pos_;
  std::size_t pos = pos_;
  ascii_ = true;
  while (pos < end_) {
    pos = next_possible_break(text_.data(), pos, end_);
    if (pos == end_) {
      break;
    }
    // ASCII other than CR and LF is never a line break: skipped without decoding.
    auto const c = static_cast<unsigned char>(text_[pos]);
    if (c < 0x80 && c != '\n' && c != '\r') {
      ++pos;
      continue;
    }
    decoded const d = c < 0x80 ? decoded{c, 1} : decode_at(text_, pos);
    if (is_line_break(d.cp)) {
      line = {start, pos};
      pos += d.length;
      if (d.cp == U'\r' && pos < end_ && text_[pos] == '\n') {
        ++pos;
      }
      pos_ = pos;
      any_ = true;
      return true;
    }
    ascii_ = false;
    pos += d.length;
  }
  pos_ = end_;
  done_ = true;
  if (start < end_ || !any_) {
    line = {start, end_};
    return true;
  }
  return false;
}

text_span trim(std::string_view text, text_span span) noexcept {
  // Most lines start and end with a visible ASCII character: nothing to decode.
  auto const visible_ascii = [&](std::size_t at) {
    auto const c = static_cast<unsigned char>(text[at]);
    return c > ' ' && c < 0x80;
  };
  if (span.begin < span.end && visible_ascii(span.begin) && visible_ascii(span.end - 1)) {
    return span;
  }
  while (span.begin < span.end) {
    decoded const d = decode_at(text, span.begin);
    if (!is_space(d.cp)) {
      break;
    }
    span.begin += d.length;
  }
  while (span.end > span.begin) {
    decoded const d = decode_before(text, span.end);
    if (!is_space(d.cp)) {
      break;
    }
    span.end -= d.length;
  }
  return span;
}

std::size_t code_points(std::string_view text, text_span span) noexcept {
  std::size_t count = 0;
  std::size_t pos = span.begin;
  while (pos + 32 <= span.end) {
    char const* const block = text.data() + pos;
    if (((load_eight(block) | load_eight(block + 8) | load_eight(block + 16) | load_eight(block + 24)) & high_bits) != 0) {
      break;
    }
    pos += 32;
    count += 32;
  }
  while (pos + 8 <= span.end && (load_eight(text.data() + pos) & high_bits) == 0) {
    pos += 8;
    count += 8;
  }
  for (; pos < span.end; ++count) {
    pos += static_cast<unsigned char>(text[pos]) < 0x80 ? 1 : decode_at(text, pos).length;
  }
  return count;
}

std::string_view fold(std::string_view text, std::string& buffer) {
  // Written in place: no replacement is longer than what it replaces ("…", three bytes, is "...").
  std::string& out = buffer;
  out.resize(text.size());
  std::size_t n = 0;
  bool pending_space = false;
  static std::array<bool, 128> const ascii_space = [] {
    std::array<bool, 128> spaces{};
    for (char32_t c = 0; c < 128; ++c) spaces[c] = is_space(c);
    return spaces;
  }();
  for (std::size_t pos = 0; pos < text.size();) {
    // Eight bytes of ASCII words, each space between two of them single, fold to themselves lower
    // cased: copied whole. A space that may begin a run (the last byte, unless a word follows), a
    // leading one, a control character or a byte above 127 takes the byte-at-a-time path below.
    if (!pending_space && pos + 8 <= text.size()) {
      std::uint64_t const eight = load_eight(text.data() + pos);
      if ((((eight - every_byte(0x20)) | eight) & high_bits) == 0) {  // nothing below ' ' or above 127
        std::uint64_t const spaces = bytes_between(eight, ' ', ' ');
        bool const leading = n == 0 && (spaces & 0x80U) != 0;
        auto const word_follows = [&] {
          auto const next = pos + 8 < text.size() ? static_cast<unsigned char>(text[pos + 8]) : 0U;
          return next > 0x20U && next < 0x80U;
        };
        if ((spaces & (spaces << 8U)) == 0 && ((spaces >> 63U) == 0 || word_follows()) && !leading) {
          std::uint64_t const lowered = eight | (bytes_between(eight, 'A', 'Z') >> 2U);
          std::memcpy(out.data() + n, &lowered, sizeof lowered);
          n += 8;
          pos += 8;
          continue;
        }
      }
    }
    // ASCII without decoding: most of every line.
    if (auto const b = static_cast<unsigned char>(text[pos]); b < 0x80) {
      ++pos;
      if (ascii_space[b]) {
        pending_space = n > 0;
        continue;
      }
      if (pending_space) {
        out[n++] = ' ';
        pending_space = false;
      }
      out[n++] = b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
      continue;
    }
    decoded const d = decode_at(text, pos);
    if (is_space(d.cp)) {
      pending_space = n > 0;
      pos += d.length;
      continue;
    }
    if (pending_space) {
      out[n++] = ' ';  // the space replaces at least one byte of space before it
      pending_space = false;
    }
    if (d.cp < 0x80U) {
      char const c = static_cast<char>(d.cp);
      out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (d.cp == U'\u2018' || d.cp == U'\u2019') {
      out[n++] = '\'';
    } else if (d.cp == U'\u201C' || d.cp == U'\u201D' || d.cp == U'\u00AB' || d.cp == U'\u00BB') {
      out[n++] = '"';
    } else if (is_dash(d.cp)) {
      out[n++] = '-';
    } else if (d.cp == U'\u2026') {
      out.replace(n, 3, "...");
      n += 3;
    } else {
      out.replace(n, d.length, text.substr(pos, d.length));
      n += d.length;
    }
    pos += d.length;
  }
  return {out.data(), n};
}

std::size_t bullet_length(std::string_view text, text_span span) noexcept {
  std::size_t pos = span.begin;
  if (pos >= span.end) {
    return 0;
  }
  decoded const first = decode_at(text, pos);
  if (is_bullet(first.cp)) {
    pos += first.length;
  } else if (is_digit(first.cp) || (first.cp >= U'a' && first.cp <= U'z')) {
    // "1. ", "12) ", "a) ": at most two digits or one letter, then '.' or ')'.
    std::size_t marker = 0;
    while (pos < span.end && marker < 2 && is_digit(static_cast<unsigned char>(text[pos]))) {
      ++pos;
      ++marker;
    }
    if (marker == 0) {
      ++pos;  // the letter
      if (pos >= span.end || text[pos] != ')') {
        return 0;
      }
    } else if (pos >= span.end || (text[pos] != '.' && text[pos] != ')')) {
      return 0;
    }
    ++pos;
  } else {
    return 0;
  }
  // A marker must be followed by white space and then text.
  std::size_t const after_marker = pos;
  while (pos < span.end) {
    decoded const d = decode_at(text, pos);
    if (!is_blank(d.cp)) {
      break;
    }
    pos += d.length;
  }
  if (pos == after_marker || pos >= span.end) {
    return 0;
  }
  return pos - span.begin;
}

}  // namespace timeline::engine::detail
