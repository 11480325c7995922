// SPDX-License-Identifier: MIT
//
// Plain ASCII character tests, for the library's scans over text whose ASCII bytes are all they
// look at (the grammar's lower-case view, header lines, words of the tense reader): no locale, no
// table of the C library, and a byte above 127 is never a letter or a digit here. An
// implementation detail shared by the grammar, engine and io sources, not part of the library's
// interface.
//
//   using timeline::detail::ascii::is_letter;
//   if (is_letter(text[i]) && timeline::detail::ascii::to_lower(text[i]) == 'm') { ... }
#pragma once

namespace timeline::detail::ascii {

constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_letter(char c) noexcept { return is_upper(c) || is_lower(c); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr char to_lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace timeline::detail::ascii
