// SPDX-License-Identifier: MIT
//
// The find loop (chrono's executor): at each word start, every rule family proposes its matches;
// the longest that survives the context filters and resolves wins, and scanning resumes after it.
// Then the refiners of refine.cpp run in their one documented order.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define TIMELINE_LOWER_AVX2 1
#endif

#include <timeline/grammar/detail/eight_bytes.hpp>
#include <timeline/grammar/extract.hpp>

#include "context.hpp"
#include "dispatch.hpp"
#include "refine.hpp"
#include "resolve.hpp"

namespace timeline::grammar {
namespace {

// The text as the rules read it: ASCII only, so that Spirit's character classes never see a byte
// above 127 (they assert on it in checked builds and are undefined behaviour for a negative char
// in others). Typographic quotes, dashes and no-break spaces become their ASCII forms, other
// non-ASCII characters one letter 'x' each (a letter, so "Zürich" stays one word); `origin` maps
// every byte of the view back to the text, one past the end included.
// Most news text is pure ASCII: then the view is the text itself and `origin` stays empty (the
// identity), instead of a copy and eight bytes of map per byte.
struct ascii_view {
  std::string_view original;
  std::string copy;
  std::vector<std::size_t> origin;

  std::string_view text() const { return origin.empty() ? original : std::string_view{copy}; }
  std::size_t to_text(std::size_t at) const { return origin.empty() ? at : origin[at]; }
};

#if defined(TIMELINE_LOWER_AVX2)
// lower_ascii's loop 64 bytes a pass, where the processor has AVX2 (asked at run time: the build
// targets every x86-64). Its three-operand instructions need no register copies either, so a byte
// costs a third of the SSE2 loop's instructions. Returns how many bytes it lowered (a multiple of
// 32) and, through `ascii`, whether all of them were ASCII.
__attribute__((target("avx2"))) std::size_t lower_ascii_avx2(std::string_view text, char* out, bool& ascii) {
  __m256i seen = _mm256_setzero_si256();
  __m256i const shift = _mm256_set1_epi8(static_cast<char>(0x80 - 'A'));
  __m256i const past_z = _mm256_set1_epi8(static_cast<char>('Z' + (0x80 - 'A') + 1 - 256));
  __m256i const case_bit = _mm256_set1_epi8(0x20);
  auto const lower32 = [&](std::size_t at) __attribute__((target("avx2"))) {
    __m256i const bytes = _mm256_loadu_si256(reinterpret_cast<__m256i const*>(text.data() + at));
    seen = _mm256_or_si256(seen, bytes);
    __m256i const upper = _mm256_cmpgt_epi8(past_z, _mm256_add_epi8(bytes, shift));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + at), _mm256_or_si256(bytes, _mm256_and_si256(upper, case_bit)));
  };
  std::size_t i = 0;
  for (; i + 64 <= text.size(); i += 64) {
    lower32(i);
    lower32(i + 32);
  }
  if (i + 32 <= text.size()) {
    lower32(i);
    i += 32;
  }
  ascii = _mm256_movemask_epi8(seen) == 0;
  return i;
}
#endif

// ASCII to lower case, 32, sixteen or eight bytes at a time: each byte from 'A' to 'Z' gains 0x20.
// Returns whether every byte was ASCII, which the same loads tell; when one was not, `out` holds
// nothing of use.
bool lower_ascii(std::string_view text, char* out) {
  std::uint64_t seen = 0;
  std::size_t i = 0;
#if defined(TIMELINE_LOWER_AVX2)
  static bool const avx2 = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  if (avx2) {
    bool ascii = true;
    i = lower_ascii_avx2(text, out, ascii);
    if (!ascii) return false;
  }
#endif
#if defined(__SSE2__)
  // Sixteen at a time where SSE2 is there (every x86-64): half the instructions of the loop below.
  // Adding 0x80 - 'A' takes 'A' to 'Z', and only them, to the 26 least signed bytes, so one
  // signed compare finds the capitals (an unsigned range takes a subtraction, a minimum and a
  // compare). Two blocks a pass halve the loop's own count. (Asking for the bytes that are no
  // capital and an and-not, which would spare a register copy, GCC turns back into this compare
  // and a negation: more, not fewer.)
  __m128i seen16 = _mm_setzero_si128();
  __m128i const shift = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
  __m128i const past_z = _mm_set1_epi8(static_cast<char>('Z' + (0x80 - 'A') + 1 - 256));  // the shifted 'Z', plus one
  __m128i const case_bit = _mm_set1_epi8(0x20);
  auto const lower16 = [&](std::size_t at) {
    __m128i const bytes = _mm_loadu_si128(reinterpret_cast<__m128i const*>(text.data() + at));
    seen16 = _mm_or_si128(seen16, bytes);
    __m128i const upper = _mm_cmpgt_epi8(past_z, _mm_add_epi8(bytes, shift));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + at), _mm_or_si128(bytes, _mm_and_si128(upper, case_bit)));
  };
  for (; i + 32 <= text.size(); i += 32) {
    lower16(i);
    lower16(i + 16);
  }
  if (i + 16 <= text.size()) {
    lower16(i);
    i += 16;
  }
  if (_mm_movemask_epi8(seen16) != 0) return false;
#endif
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t const eight = timeline::detail::load_eight(text.data() + i);
    seen |= eight;
    std::uint64_t const lowered = eight | timeline::detail::bytes_between(eight, 'A', 'Z') >> 2;
    std::memcpy(out + i, &lowered, sizeof lowered);
  }
  for (; i < text.size(); ++i) {
    char const ch = text[i];
    seen |= static_cast<unsigned char>(ch);
    out[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return (seen & timeline::detail::high_bits) == 0;
}

// The view of a text that has a byte above 127.
ascii_view ascii_copy(std::string_view text) {
  ascii_view v;
  v.original = text;
  std::string& copy = v.copy;
  copy.reserve(text.size());
  v.origin.reserve(text.size() + 1);
  std::size_t i = 0;
  while (i < text.size()) {
    auto const c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      copy += static_cast<char>(c);
      v.origin.push_back(i++);
      continue;
    }
    std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;  // [1, 4]
    if (i + length > text.size()) length = 1;
    char replacement = 'x';
    std::string_view const sequence = text.substr(i, length);
    if (sequence == "\xE2\x80\x98" || sequence == "\xE2\x80\x99") replacement = '\'';
    else if (sequence == "\xE2\x80\x9C" || sequence == "\xE2\x80\x9D") replacement = '"';
    else if (sequence == "\xE2\x80\x93" || sequence == "\xE2\x80\x94") replacement = '-';
    else if (sequence == "\xC2\xA0" || sequence == "\xE2\x80\xAF") replacement = ' ';
    copy += replacement;
    v.origin.push_back(i);
    i += length;
  }
  v.origin.push_back(text.size());
  return v;
}

// Which of two quarters a results report discusses: a closed one before one still running, then
// the later (the POLICY at its use).
std::pair<bool, date::sys_days> discussion_rank(temporal_mention const& quarter, reference_time const& dct) {
  return {quarter.when->latest < dct.day, quarter.when->earliest};
}

}  // namespace

std::vector<temporal_mention> extract(std::string_view original, reference_time const& dct, extract_options const& options) {
  // The rules match lower case (common.hpp, `lowered`); the context filters read the cased view.
  // Zero bytes after the end, which the scanner's word loads may read (dispatch.hpp). Written
  // once: lower_ascii fills the text's bytes (the ASCII view is never longer than the text), and
  // only the padding is zeroed.
  auto const lower_buffer = std::make_unique_for_overwrite<char[]>(original.size() + dispatch::table::padding);
  ascii_view view;
  view.original = original;
  if (!lower_ascii(original, lower_buffer.get())) {
    view = ascii_copy(original);
    lower_ascii(view.copy, lower_buffer.get());
  }
  std::string_view const text = view.text();
  std::memset(lower_buffer.get() + text.size(), 0, dispatch::table::padding);
  std::string_view const lower{lower_buffer.get(), text.size()};
  std::vector<temporal_mention> found;
  // A news article has a few timexes per thousand bytes: reserved once, the mentions (five strings
  // each) are not moved again and again as the vector doubles from one.
  found.reserve(std::min<std::size_t>(text.size() / 256 + 4, 4096));
  std::vector<rules::candidate> candidates;
  std::vector<std::size_t> by_length;  // indices into candidates, in the order they are tried
  // Room for the few readings a word has, made once: grown from none, the two vectors were
  // reallocated at their second and third candidates.
  candidates.reserve(4);
  by_length.reserve(4);
  char const* const begin = lower.data();
  char const* const end = lower.data() + lower.size();
  text_context const context{text, lower};
  auto const& productions = dispatch::table::get();
  // Where in `found` the quarter a results report discusses is.
  std::optional<std::size_t> discussed_quarter;
  bool year_to_date = false;

  std::size_t i = 0;
  for (;;) {
    auto const [at, worth_trying] = productions.next_try(lower, i, options.try_every_production);
    if (at >= text.size()) break;
    i = at;
    candidates.clear();
    // Family order breaks ties between equally long matches: a calendar reading beats a duration
    // reading of the same words ("a year ago" is an offset from relative, not the duration "a year").
    productions.try_each(worth_trying, begin + i, end, candidates);
    // Longest first, family order among equals. The candidates are large and mostly one or two:
    // ordering their indices in a reused vector spares the move of each and the buffer a stable
    // sort allocates every time.
    by_length.resize(candidates.size());
    std::iota(by_length.begin(), by_length.end(), std::size_t{0});
    std::sort(by_length.begin(), by_length.end(), [&](std::size_t a, std::size_t b) {
      return candidates[a].end != candidates[b].end ? candidates[a].end > candidates[b].end : a < b;
    });
    bool taken = false;
    for (std::size_t const k : by_length) {
      rules::candidate const& c = candidates[k];
      std::size_t const span_begin = static_cast<std::size_t>(c.said.span_begin - begin);
      std::size_t const span_end = static_cast<std::size_t>(c.end - begin);
      if (span_end <= span_begin) continue;
      if (auto const why = context.reject(c.said, span_begin, span_end, options.allow_latent)) {
        if (options.trace) options.trace(std::string{"drop "} + c.said.rule + " \"" + std::string{text.substr(span_begin, span_end - span_begin)} + "\": " + std::string{*why});
        continue;
      }
      // Resolved in place at the end of the list; anaphora reads the mentions before it.
      temporal_mention& m = found.emplace_back();
      resolve_context const rc{.dct = dct,
                               .text = &context,
                               .span_begin = span_begin,
                               .span_end = span_end,
                               .history = std::span{found}.first(found.size() - 1),
                               .discussed_quarter = discussed_quarter ? &found[*discussed_quarter] : nullptr,
                               .year_to_date = year_to_date,
                               .clause_tense_cache = std::nullopt};
      if (!resolve(c.said, rc, m)) {
        found.pop_back();
        if (options.trace) options.trace(std::string{"unresolved "} + c.said.rule + " \"" + std::string{text.substr(span_begin, span_end - span_begin)} + "\"");
        continue;
      }
      m.begin = span_begin;
      m.end = span_end;
      if (options.trace) {
        options.trace(std::string{"match "} + c.said.rule + " \"" + std::string{text.substr(span_begin, span_end - span_begin)} + "\" -> " +
                      std::string{to_string(m.type)} + " " + m.value + " (tense " +
                      (rc.clause_tense() == tense::past ? "past" : rc.clause_tense() == tense::future ? "future" : "none") + ")");
      }
      // POLICY: the quarter a results report discusses, which "a year ago" and "the year-earlier
      //   period" go back from, is the latest closed quarter it has named, else the latest named:
      //   "profit rose in the third quarter after a flat second quarter; a year ago ..." and "the
      //   fourth quarter should be weaker" both leave the third quarter discussed. On TBAQ, value F1
      //   79.30 with the last quarter named, 79.58 with this.
      if (m.when && m.granularity == grain::quarter && m.rule == std::string_view{"quarter"} &&
          (!discussed_quarter || discussion_rank(found[*discussed_quarter], dct) < discussion_rank(m, dct))) {
        discussed_quarter = found.size() - 1;
      }
      year_to_date = opens_year_to_date(m, lower.substr(span_begin, span_end - span_begin)) || (year_to_date && m.rule != std::string_view{"quarter"});
      i = span_end;
      taken = true;
      break;
    }
    if (!taken) i = dispatch::table::after_word(lower, i);
  }
  refine(found, text, options);
  for (auto& m : found) {
    m.begin = view.to_text(m.begin);
    m.end = view.to_text(m.end);
  }
  return found;
}

}  // namespace timeline::grammar
