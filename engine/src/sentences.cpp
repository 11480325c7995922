// SPDX-License-Identifier: MIT
#include <timeline/engine/sentences.hpp>

#include <algorithm>
#include <array>
#include <string>

#include "document_text.hpp"

namespace timeline::engine {
namespace {

using detail::decode_at;
using detail::decode_before;

// Lower-case words without their dots, each kept sorted for binary search.
// Titles precede a name, so a period after them never ends a sentence.
constexpr auto titles = std::to_array<std::string_view>({
    "adm", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr",
    "gen", "gov", "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr",
    "mrs", "ms", "msgr", "pres", "prof", "rep", "reps", "rev", "sen", "sens",
    "sgt", "supt", "vs"});
static_assert(std::is_sorted(titles.begin(), titles.end()));
// Words that take a number after them: "No. 5", "Vol. 2", "Aug. 13".
constexpr auto before_number = std::to_array<std::string_view>({
    "apr", "art", "aug", "ch", "dec", "ed", "feb", "fig", "jan", "jul",
    "jun", "mar", "no", "nos", "nov", "oct", "op", "p", "para", "pp",
    "sec", "sep", "sept", "vol", "vols"});
static_assert(std::is_sorted(before_number.begin(), before_number.end()));
// Abbreviations that may also end a sentence: they end one only when a sentence starter follows.
constexpr auto abbreviations = std::to_array<std::string_view>({
    "al", "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "co", "corp",
    "dec", "dept", "est", "etc", "feb", "fri", "inc", "jan", "jr", "jul",
    "jun", "llc", "ltd", "mar", "mon", "mt", "nov", "oct", "plc", "rd",
    "sat", "sep", "sept", "sr", "st", "sun", "thu", "thurs", "tue", "tues",
    "wed"});
static_assert(std::is_sorted(abbreviations.begin(), abbreviations.end()));
// Words that commonly open an English sentence (lower case, sorted).
constexpr auto starters = std::to_array<std::string_view>({
    "a", "according", "after", "also", "although", "an", "and", "another", "as", "at",
    "because", "before", "both", "but", "by", "despite", "during", "each", "earlier", "even",
    "for", "from", "he", "her", "here", "his", "how", "however", "i", "if",
    "in", "instead", "it", "its", "just", "last", "later", "many", "meanwhile", "more",
    "most", "my", "next", "no", "not", "now", "officials", "on", "one", "only",
    "or", "other", "our", "police", "she", "since", "so", "some", "still", "such",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "though",
    "today", "we", "what", "when", "where", "while", "who", "why"});
static_assert(std::is_sorted(starters.begin(), starters.end()));

template <std::size_t N>
bool contains(std::array<std::string_view, N> const& sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool is_terminator(char32_t cp) { return cp == U'.' || cp == U'!' || cp == U'?' || cp == U'\u2026'; }

bool ends_clause(char32_t cp) {
  return is_terminator(cp) || cp == U':' || cp == U';' || detail::is_closing_quote(cp);
}

// The word before byte `end` (letters and inner dots), lower-cased without dots, and whether it had
// a dot inside ("U.S", "a.m").
struct word_before {
  std::string bare;
  bool dotted = false;
};

word_before read_word_before(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t pos = end;
  while (pos > begin) {
    auto const d = decode_before(text, pos);
    if (!detail::is_letter(d.cp) && d.cp != U'.') {
      break;
    }
    pos -= d.length;
  }
  word_before word;
  for (std::size_t i = pos; i < end; ++i) {
    char const c = text[i];
    if (c == '.') {
      word.dotted = true;
    } else {
      word.bare.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return word;
}

// The lower-case ASCII letters of the word starting at `pos`.
std::string read_word_after(std::string_view text, std::size_t pos, std::size_t end) {
  std::string word;
  while (pos < end && word.size() < 16) {
    char const c = text[pos];
    if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 'a' && c <= 'z') {
      word.push_back(c);
    } else {
      break;
    }
    ++pos;
  }
  return word;
}

// Whether a single '.' ending at `dot` (exclusive) ends the sentence, given the next word starts
// at `next`.
bool period_ends_sentence(std::string_view text, text_span paragraph, std::size_t dot, std::size_t next) {
  word_before const word = read_word_before(text, paragraph.begin, dot);
  if (word.bare.empty()) {
    return true;  // "in 2023. The", ")."
  }
  auto const next_cp = decode_at(text, next).cp;
  if (!word.dotted && contains(titles, word.bare)) {
    return false;
  }
  if (!word.dotted && detail::is_digit(next_cp) && contains(before_number, word.bare)) {
    return false;
  }
  bool const initial = word.bare.size() == 1 && !word.dotted;
  if (word.dotted || initial || contains(abbreviations, word.bare)) {
    std::size_t word_start = next;
    while (word_start < paragraph.end && detail::is_opening_quote(decode_at(text, word_start).cp)) {
      word_start += decode_at(text, word_start).length;
    }
    return contains(starters, read_word_after(text, word_start, paragraph.end));
  }
  return true;
}

}  // namespace

std::vector<text_span> split_paragraphs(std::string_view text, text_span within) {
  std::vector<text_span> paragraphs;
  std::vector<text_span> block;
  auto const flush = [&] {
    if (block.empty()) {
      return;
    }
    std::size_t max_width = 0;
    std::vector<std::size_t> widths;
    for (auto const& line : block) {
      widths.push_back(detail::code_points(text, line));
      max_width = std::max(max_width, widths.back());
    }
    // POLICY: a block of lines no wider than a terminal, at least 30 columns, is hard wrapped
    // (TimeML, e-mail); a line filling most of that width continues on the next line. Wider blocks
    // come from the web, where a line break is a paragraph break.
    bool const wrapped = block.size() >= 2 && max_width >= 30 && max_width <= 100;
    text_span current = block.front();
    for (std::size_t i = 1; i < block.size(); ++i) {
      text_span const line = block[i];
      bool join = false;
      if (detail::bullet_length(text, line) == 0) {
        auto const last = decode_before(text, current.end).cp;
        auto const first = decode_at(text, line.begin).cp;
        bool const continues_lower = !ends_clause(last) && detail::is_lower(first);
        bool const fills_width = wrapped && !is_terminator(last) && widths[i - 1] * 10 >= max_width * 7;
        join = continues_lower || fills_width;
      }
      if (join) {
        current.end = line.end;
      } else {
        paragraphs.push_back(current);
        current = line;
      }
    }
    paragraphs.push_back(current);
    block.clear();
  };
  detail::line_scanner lines{text, within};
  for (text_span line; lines.next(line);) {
    line = detail::trim(text, line);
    if (line.size() == 0) {
      flush();
    } else {
      block.push_back(line);
    }
  }
  flush();
  return paragraphs;
}

std::vector<text_span> split_sentences(std::string_view text, text_span paragraph) {
  std::vector<text_span> sentences;
  paragraph = detail::trim(text, paragraph);
  std::size_t start = paragraph.begin + detail::bullet_length(text, paragraph);
  auto const emit = [&](std::size_t end) {
    text_span const s = detail::trim(text, {start, end});
    if (s.size() > 0) {
      sentences.push_back(s);
    }
  };
  std::size_t pos = start;
  while (pos < paragraph.end) {
    auto const d = decode_at(text, pos);
    if (!is_terminator(d.cp)) {
      pos += d.length;
      continue;
    }
    std::size_t const first_terminator = pos;
    std::size_t terminators = 0;
    while (pos < paragraph.end && is_terminator(decode_at(text, pos).cp)) {
      pos += decode_at(text, pos).length;
      ++terminators;
    }
    while (pos < paragraph.end && detail::is_closing_quote(decode_at(text, pos).cp)) {
      pos += decode_at(text, pos).length;
    }
    std::size_t const sentence_end = pos;
    std::size_t next = pos;
    while (next < paragraph.end && detail::is_space(decode_at(text, next).cp)) {
      next += decode_at(text, next).length;
    }
    if (next == sentence_end || next >= paragraph.end) {
      continue;  // "3.5", "U.S.-led", "soon.After", or the paragraph's end
    }
    auto const next_cp = decode_at(text, next).cp;
    bool boundary = !detail::is_lower(next_cp);
    if (boundary && terminators == 1 && text[first_terminator] == '.') {
      boundary = period_ends_sentence(text, paragraph, first_terminator, next);
    }
    if (boundary) {
      emit(sentence_end);
      start = next;
    }
    pos = next;
  }
  emit(paragraph.end);
  return sentences;
}

}  // namespace timeline::engine
