// SPDX-License-Identifier: MIT
#include <timeline/io/utf8.hpp>

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <timeline/grammar/detail/eight_bytes.hpp>

namespace timeline::io {
namespace {

// `pos` moved past ASCII, 64 (SSE2), 32 and then 8 bytes at a time: to the first block of eight holding a byte
// above 127, or to the last seven bytes. News text is mostly ASCII, and every byte of every input
// is checked this way.
std::size_t skip_ascii(std::string_view bytes, std::size_t pos) noexcept {
  using timeline::detail::high_bits;
  using timeline::detail::load_eight;
#if defined(__SSE2__)
  // Sixty-four bytes a step, their top bits in one mask: about half the instructions a byte of
  // the 32-byte steps below, which take the rest.
  for (; pos + 64 <= bytes.size(); pos += 64) {
    auto const load = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<__m128i const*>(bytes.data() + at)); };
    __m128i const any = _mm_or_si128(_mm_or_si128(load(pos), load(pos + 16)), _mm_or_si128(load(pos + 32), load(pos + 48)));
    if (_mm_movemask_epi8(any) != 0) break;
  }
#endif
  for (; pos + 32 <= bytes.size(); pos += 32) {
    char const* const block = bytes.data() + pos;
    if (((load_eight(block) | load_eight(block + 8) | load_eight(block + 16) | load_eight(block + 24)) & high_bits) != 0) {
      break;
    }
  }
  while (pos + 8 <= bytes.size() && (load_eight(bytes.data() + pos) & high_bits) == 0) {
    pos += 8;
  }
  return pos;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept {
  std::size_t pos = 0;
  std::size_t const size = bytes.size();
  auto const at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  while (pos < size) {
    pos = skip_ascii(bytes, pos);
    if (pos >= size) {
      break;
    }
    unsigned char const lead = at(pos);
    if (lead < 0x80U) {
      ++pos;
      continue;
    }
    std::size_t length = 0;
    // The allowed range of the second byte narrows for E0, ED, F0 and F4 (RFC 3629, table 3-7 of
    // the Unicode standard): that is where overlong forms, surrogates and > U+10FFFF are refused.
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      length = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      length = 3;
      low = lead == 0xE0U ? 0xA0U : 0x80U;
      high = lead == 0xEDU ? 0x9FU : 0xBFU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      length = 4;
      low = lead == 0xF0U ? 0x90U : 0x80U;
      high = lead == 0xF4U ? 0x8FU : 0xBFU;
    } else {
      return pos;
    }
    if (pos + 1 >= size || at(pos + 1) < low || at(pos + 1) > high) {
      return pos;
    }
    for (std::size_t i = 2; i < length; ++i) {
      if (pos + i >= size || (at(pos + i) & 0xC0U) != 0x80U) {
        return pos;
      }
    }
    pos += length;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) noexcept {
  // Bytes that are not continuation bytes (10xxxxxx), eight at a time: a continuation byte has its
  // top bit set and the next one clear, which `eight & ~(eight << 1)` leaves in the top bit.
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t const eight = timeline::detail::load_eight(text.data() + i);
    std::uint64_t const continuation = (eight & ~(eight << 1) & timeline::detail::high_bits) >> 7;
    count += 8 - static_cast<std::size_t>((continuation * timeline::detail::every_byte(1)) >> 56);
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      ++count;
    }
  }
  return count;
}

offset_converter::offset_converter(std::string_view text) : text_(text) {
  if (timeline::detail::all_ascii(text.substr(skip_ascii(text, 0)))) {
    return;  // offsets are already code points
  }
  checkpoints_.reserve(text.size() / stride + 1);
  std::size_t count = 0;
  for (std::size_t block = 0; block * stride <= text.size(); ++block) {
    checkpoints_.push_back(count);
    count += count_code_points(text.substr(block * stride, stride));
  }
}

std::size_t offset_converter::to_code_points(std::size_t byte) const noexcept {
  if (byte > text_.size()) {
    byte = text_.size();
  }
  if (checkpoints_.empty()) {
    return byte;
  }
  std::size_t const block = byte / stride;
  std::size_t const from = block * stride;
  std::size_t count = checkpoints_[block] + count_code_points(text_.substr(from, byte - from));
  // Inside a multi-byte sequence: count the code point that contains the offset.
  if (byte < text_.size() && byte > 0 && (static_cast<unsigned char>(text_[byte]) & 0xC0U) == 0x80U) {
    count -= 1;
  }
  return count;
}

std::string_view strip_bom(std::string_view text, std::size_t* removed) noexcept {
  bool const has_bom = text.starts_with("\xEF\xBB\xBF");
  if (removed != nullptr) {
    *removed = has_bom ? 3 : 0;
  }
  return has_bom ? text.substr(3) : text;
}

}  // namespace timeline::io
