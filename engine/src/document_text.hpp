// SPDX-License-Identifier: MIT
//
// Character-level helpers shared by boilerplate detection and sentence segmentation. They read the
// text as it is, without normalizing it first, so every offset stays an offset into the original:
// a no-break space counts as a space, CR LF as one line break, typographic quotes as quotes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <timeline/engine/document.hpp>

namespace timeline::engine::detail {

// The code point starting at byte `pos` and its length in bytes. Invalid sequences decode as
// U+FFFD of length 1, so scanning never stalls.
struct decoded {
  char32_t cp;
  std::size_t length;
};
decoded decode_at(std::string_view text, std::size_t pos) noexcept;

// The code point ending just before byte `pos` (pos > 0).
decoded decode_before(std::string_view text, std::size_t pos) noexcept;

// White space other than line breaks: ' ', '\t', '\v', '\f', U+00A0, U+2000..U+200A, U+202F,
// U+205F, U+3000, and the BOM U+FEFF (an invisible marker that must not start a word).
bool is_blank(char32_t cp) noexcept;
bool is_line_break(char32_t cp) noexcept;  // '\n', '\r', U+2028, U+2029, U+0085
inline bool is_space(char32_t cp) noexcept { return is_blank(cp) || is_line_break(cp); }

// Letters: ASCII and every code point >= U+00C0 that is not punctuation we know of.
bool is_letter(char32_t cp) noexcept;
bool is_upper(char32_t cp) noexcept;  // ASCII, Latin-1, Latin Extended-A upper case; Greek, Cyrillic capitals
bool is_lower(char32_t cp) noexcept;
inline bool is_digit(char32_t cp) noexcept { return cp >= U'0' && cp <= U'9'; }

bool is_opening_quote(char32_t cp) noexcept;  // " ' “ ‘ « ‹ „ ( [
bool is_closing_quote(char32_t cp) noexcept;  // " ' ” ’ » › ) ]
bool is_dash(char32_t cp) noexcept;           // - ‐ ‒ – — ―
bool is_bullet(char32_t cp) noexcept;         // • · ▪ ◦ ‣ ● ○ ■ □ - * –

// The lines of `text` inside [within), one at a time, without their terminators (LF, CR LF, CR,
// U+2028/9, U+0085): no vector of them is built, as its growth cost more than reading them. An
// empty span is one empty line; a terminator at the end starts no line after it.
//
//   detail::line_scanner lines{text, {0, text.size()}};
//   for (text_span line; lines.next(line);) { ... }
class line_scanner {
 public:
  line_scanner(std::string_view text, text_span within) noexcept : text_(text), pos_(within.begin), end_(within.end) {}
  // The next line; false after the last one.
  bool next(text_span& line) noexcept;
  // Whether the line next() gave last has no byte above 127, which makes its width in code points
  // its size: the scan for line breaks stops at every such byte, and knows.
  bool ascii() const noexcept { return ascii_; }

 private:
  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  bool ascii_ = true;
  bool any_ = false;   // a line was given
  bool done_ = false;  // the last line was given
};

// `span` without leading and trailing white space (including no-break spaces).
text_span trim(std::string_view text, text_span span) noexcept;

// Number of code points in [span).
std::size_t code_points(std::string_view text, text_span span) noexcept;

// ASCII-lowercased copy with every run of white space (any kind) made one ' ', and typographic
// quotes and dashes folded to ASCII. For matching phrases only; offsets into it mean nothing. It is
// written into `buffer`, which the caller reuses from line to line, and the view is of it.
std::string_view fold(std::string_view text, std::string& buffer);

// The byte length of a list marker ("• ", "- ", "1. ", "a) ") at the start of `span`, including
// the white space after it, or 0.
std::size_t bullet_length(std::string_view text, text_span span) noexcept;

}  // namespace timeline::engine::detail
