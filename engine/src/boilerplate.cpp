// SPDX-License-Identifier: MIT
#include <timeline/engine/boilerplate.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include <timeline/grammar/detail/eight_bytes.hpp>

#include "document_text.hpp"

namespace timeline::engine {
namespace {

using detail::decode_at;
using detail::decode_before;

// Whole lines (folded: lower case, quotes and dashes in ASCII, trailing punctuation removed).
constexpr auto navigation_lines = std::to_array<std::string_view>({
    "previous article", "next article", "previous post", "next post", "previous story", "next story",
    "previous", "next", "prev", "older post", "newer post", "older posts", "newer posts", "back to top",
    "skip to content", "skip to main content", "main menu", "menu", "home", "search", "close", "toggle navigation",
    "previous page", "next page", "go to top", "scroll to top"});
// Navigation lines that link to one story: the headline on the next line is part of the link.
constexpr auto linking_lines = std::to_array<std::string_view>({
    "previous article", "next article", "previous post", "next post", "previous story", "next story",
    "prev", "previous", "next", "older post", "newer post", "read next", "up next"});
constexpr auto prompt_lines = std::to_array<std::string_view>({
    "leave a comment", "leave a reply", "post a comment", "add a comment", "comments", "comment",
    "show comments", "view comments", "no comments", "join the conversation", "no time to read",
    "get a summary", "summarize", "share", "share this", "share this article", "share this story",
    "share this post", "share on facebook", "share on twitter", "share on x", "share via email",
    "tweet", "email", "print", "copy link", "link copied", "subscribe", "subscribe now", "sign up",
    "sign in", "log in", "login", "register", "advertisement", "advertisements", "sponsored",
    "sponsored content", "read more", "continue reading", "click here", "listen to this article",
    "listen", "report an error", "follow us", "facebook", "twitter", "whatsapp", "telegram", "linkedin",
    "reddit", "pinterest", "save", "bookmark", "watch", "loading", "ad", "skip advertisement",
    "story continues below advertisement", "article continues below", "read the full story",
    "download the app", "get the app", "newsletter", "all rights reserved"});
// Prefixes of short lines (at most 160 code points) that are prompts.
constexpr auto prompt_prefixes = std::to_array<std::string_view>({
    "you must be logged in", "sign up for", "sign up to", "subscribe to", "subscribe for", "follow us on",
    "follow us:", "share this", "share on ", "click here", "copyright ©", "copyright (c)", "©", "(c) 20",
    "all rights reserved", "read more:", "read more at", "continue reading", "also read:", "read also:",
    "see also:", "related:", "advertisement", "get a summary", "no time to read", "leave a comment",
    "leave a reply", "comments (", "join our", "download our app", "this article was originally published",
    "we use cookies", "by clicking", "get the latest", "get breaking news"});
// Headings of a list of other stories: everything short after them is that list.
constexpr auto related_headings = std::to_array<std::string_view>({
    "related", "related articles", "related stories", "related news", "related posts", "related content",
    "more stories", "more news", "more from", "you may also like", "you might also like", "recommended",
    "recommended for you", "recommended stories", "most read", "most popular", "popular", "popular now",
    "trending", "trending now", "latest news", "latest stories", "top stories", "editor's picks",
    "read next", "what to read next", "don't miss", "also on", "more on this story", "in other news"});
// Words that may sit next to a timestamp in a list of stories ("06:03 1447 views", "3 hours ago").
constexpr auto stamp_words = std::to_array<std::string_view>({
    "view",  "views", "viewed", "comment", "comments", "read", "reads", "share", "shares", "like",
    "likes", "reply", "replies", "ago",  "min", "mins", "minute", "minutes", "hour", "hours", "hr",
    "hrs", "h", "m", "day", "days", "week", "weeks", "am", "pm", "a.m", "p.m", "utc", "gmt",
    "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "cest", "kst", "jst", "ist", "msk",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "k", "st", "nd", "rd", "th"});
constexpr auto month_words = std::to_array<std::string_view>({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"});
constexpr auto count_words = std::to_array<std::string_view>({
    "view", "views", "viewed", "comment", "comments", "reads", "shares", "likes", "replies"});

// The lists are compared with every short line; the first byte turns most entries away before
// a memcmp call.
template <std::size_t N>
bool one_of(std::array<std::string_view, N> const& words, std::string_view word) {
  if (word.empty()) return std::find(words.begin(), words.end(), word) != words.end();
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return w.size() == word.size() && w.front() == word.front() && w == word; });
}

// The prompt prefixes that start with each byte, one bit per prefix: a line is compared with the
// few that start like it, not with all of them.
constexpr auto prompt_prefixes_by_first_byte = [] {
  static_assert(prompt_prefixes.size() <= 64);
  std::array<std::uint64_t, 256> masks{};
  for (std::size_t i = 0; i < prompt_prefixes.size(); ++i) {
    masks[static_cast<unsigned char>(prompt_prefixes[i].front())] |= std::uint64_t{1} << i;
  }
  return masks;
}();

bool starts_with_prompt_prefix(std::string_view folded) {
  if (folded.empty()) return false;  // no prefix is empty
  for (std::uint64_t m = prompt_prefixes_by_first_byte[static_cast<unsigned char>(folded.front())]; m != 0; m &= m - 1) {
    if (folded.starts_with(prompt_prefixes[static_cast<std::size_t>(__builtin_ctzll(m))])) return true;
  }
  return false;
}

// The folded line without trailing punctuation and separators: "Next Article »" -> "next article".
std::string_view bare_line(std::string_view folded) {
  while (!folded.empty()) {
    char const c = folded.back();
    if (c == ':' || c == '.' || c == '!' || c == '?' || c == ' ' || c == '>' || c == '|' || c == '-' ||
        c == ')' || c == '(') {
      folded.remove_suffix(1);
    } else if (folded.ends_with("\xC2\xBB") || folded.ends_with("\xE2\x80\xBA")) {  // » ›
      folded.remove_suffix(folded.ends_with("\xC2\xBB") ? 2 : 3);
    } else {
      break;
    }
  }
  std::size_t first = 0;
  while (first < folded.size() && (folded[first] == '<' || folded[first] == ' ' || folded[first] == '|')) {
    ++first;
  }
  if (folded.compare(first, 2, "\xC2\xAB") == 0) {  // «
    first += 2;
    while (first < folded.size() && folded[first] == ' ') {
      ++first;
    }
  }
  return folded.substr(first);
}

// The longest whole line of the four lists: a longer line is none of them, and is compared with none.
constexpr std::size_t longest_listed_line = [] {
  auto const longest = [](auto const& lines) {
    return std::max_element(lines.begin(), lines.end(), [](auto a, auto b) { return a.size() < b.size(); })->size();
  };
  return std::max({longest(linking_lines), longest(navigation_lines), longest(related_headings), longest(prompt_lines)});
}();

struct stamp_info {
  bool stamp = false;   // a date or time with nothing but stamp words around it
  bool counts = false;  // it carries a view or comment count
};

// "2025-05-06 06:031447 view", "May 6, 2025 | 3 comments", "3 hours ago".
stamp_info read_stamp(std::string_view folded) {
  stamp_info info;
  bool has_time = false;
  bool has_date = false;
  bool has_month = false;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    char const c = folded[pos];
    if (c >= 'a' && c <= 'z') {
      std::size_t end = pos;
      while (end < folded.size() && ((folded[end] >= 'a' && folded[end] <= 'z') || folded[end] == '.' ||
                                     folded[end] == '\'')) {
        ++end;
      }
      std::string_view word = folded.substr(pos, end - pos);
      while (word.ends_with('.')) {
        word.remove_suffix(1);
      }
      if (!one_of(stamp_words, word)) {
        return {};
      }
      info.counts = info.counts || one_of(count_words, word);
      has_month = has_month || one_of(month_words, word);
      has_date = has_date || word == "ago";
      pos = end;
      continue;
    }
    if (c >= '0' && c <= '9') {
      std::size_t end = pos;
      while (end < folded.size() && folded[end] >= '0' && folded[end] <= '9') {
        ++end;
      }
      std::size_t const digits = end - pos;
      if (end < folded.size() && folded[end] == ':' && digits <= 2) {
        has_time = true;
      }
      if (digits == 4 && end < folded.size() && (folded[end] == '-' || folded[end] == '/' || folded[end] == '.') &&
          end + 1 < folded.size() && folded[end + 1] >= '0' && folded[end + 1] <= '9') {
        has_date = true;
      }
      if (digits <= 2 && end < folded.size() && (folded[end] == '/' || folded[end] == '.') && end + 1 < folded.size() &&
          folded[end + 1] >= '0' && folded[end + 1] <= '9') {
        has_date = true;
      }
      pos = end;
      continue;
    }
    if ((c & 0x80) != 0) {
      return {};  // letters outside ASCII: prose, not a stamp
    }
    ++pos;
  }
  info.stamp = has_time || has_date || has_month;
  if (!info.stamp) {
    info.counts = false;
  }
  return info;
}

bool ends_finished(std::string_view text, text_span line) {
  auto const final_byte = static_cast<unsigned char>(text[line.end - 1]);
  char32_t const last = final_byte < 0x80 ? final_byte : decode_before(text, line.end).cp;
  if (last == U'\u2026') {
    return false;
  }
  if (text.substr(0, line.end).ends_with("...")) {
    return false;
  }
  return last == U'.' || last == U'!' || last == U'?' || last == U'"' || last == U'\u201D' || last == U'\u2019' ||
         last == U')' || last == U'\'';
}

bool is_breadcrumb(std::string_view folded) {
  if (folded.size() > 160 || folded.ends_with('.')) return false;
  // One pass over the spaces (every separator starts with one), not a search per separator.
  std::size_t separators = 0;
  for (std::size_t at = folded.find(' '); at != std::string_view::npos; at = folded.find(' ', at + 1)) {
    std::string_view const rest = folded.substr(at);
    for (std::string_view const sep : {" | ", " > ", " / ", " \xE2\x80\xBA ", " \xC2\xBB "}) {
      if (rest.starts_with(sep)) ++separators;
    }
  }
  return separators >= 2;
}

enum class line_class : std::uint8_t { prose, navigation, linking, prompt, related_heading, counted_stamp, stamp };

struct line_info {
  text_span span;
  std::size_t width = 0;  // code points
  line_class cls = line_class::prose;
  bool finished = true;  // ends with sentence punctuation
  bool starts_list = false;  // of other stories
  std::optional<boilerplate_kind> kind;
};

line_class classify(std::string_view folded, std::size_t width) {
  std::string_view const bare = bare_line(folded);
  auto const listed = [&](auto const& lines) { return bare.size() <= longest_listed_line && one_of(lines, bare); };
  if (listed(linking_lines)) {
    return line_class::linking;
  }
  if (listed(navigation_lines) || is_breadcrumb(folded)) {
    return line_class::navigation;
  }
  if (listed(related_headings)) {
    return line_class::related_heading;
  }
  if (listed(prompt_lines) || (width <= 160 && starts_with_prompt_prefix(folded))) {
    return line_class::prompt;
  }
  if (width <= 80) {
    stamp_info const stamp = read_stamp(folded);
    if (stamp.counts) {
      return line_class::counted_stamp;
    }
    if (stamp.stamp) {
      return line_class::stamp;
    }
  }
  return line_class::prose;
}

constexpr std::size_t longest_prompt_prefix =
    std::max_element(prompt_prefixes.begin(), prompt_prefixes.end(), [](auto a, auto b) { return a.size() < b.size(); })->size();

// Whether the line may be one of the listed lines. Every ASCII letter and digit of a line is one
// byte of its folded form, and bare_line() keeps every byte from the first of them to the last:
// past longest_listed_line of them, the line is none of the four lists. Running text gets there in
// its first words, and is not folded to find it out.
bool may_be_listed(std::string_view line) {
  using timeline::detail::bytes_between;
  using timeline::detail::every_byte;
  using timeline::detail::high_bits;
  using timeline::detail::load_eight;
  auto const alnum = [](unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20U) >= 'a' && (c | 0x20U) <= 'z');
  };
  std::size_t count = 0;
  std::size_t pos = 0;
  for (; pos + 8 <= line.size() && count <= longest_listed_line; pos += 8) {
    std::uint64_t const eight = load_eight(line.data() + pos);
    if ((eight & high_bits) != 0) {
      for (std::size_t i = 0; i < 8; ++i) count += alnum(static_cast<unsigned char>(line[pos + i])) ? 1 : 0;
      continue;
    }
    // Or-ing 0x20 makes upper case lower case and takes no other byte into 'a'..'z'.
    std::uint64_t const marks = bytes_between(eight, '0', '9') | bytes_between(eight | every_byte(0x20), 'a', 'z');
    count += static_cast<std::size_t>(((marks >> 7U) * every_byte(1)) >> 56U);  // one per mark
  }
  for (; pos < line.size() && count <= longest_listed_line; ++pos) {
    count += alnum(static_cast<unsigned char>(line[pos])) ? 1 : 0;
  }
  return count <= longest_listed_line;
}

// Whether the line may be a breadcrumb: a separator of is_breadcrumb() has its own '|', '>', '/'
// or "›" (whose last byte is 0xBA) in the middle, from the line's own bytes (» folds to '"', and
// is none). Fewer than two of these bytes, and the line is no breadcrumb.
bool may_be_breadcrumb(std::string_view line, bool ascii) {
  // A folded line ending in '.' is no breadcrumb: the line ends in '.' or "…" ("..." folded).
  if (line.ends_with('.') || line.ends_with("\xE2\x80\xA6")) return false;
  std::size_t found = 0;
  for (char const c : {'|', '>', '/', '\xBA'}) {
    if (c == '\xBA' && ascii) break;
    for (std::size_t at = line.find(c); at != std::string_view::npos; at = line.find(c, at + 1)) {
      if (++found == 2) return true;
    }
  }
  return false;
}

// Whether the first byte of a (trimmed) line may fold to the first byte of a prompt prefix. An
// ASCII byte folds to itself lower cased; a code point beyond ASCII to its own first byte, or to a
// quote, a dash or "...", which start no prefix.
bool may_start_prompt(std::string_view line) {
  static_assert(prompt_prefixes_by_first_byte['\''] == 0 && prompt_prefixes_by_first_byte['"'] == 0 &&
                prompt_prefixes_by_first_byte['-'] == 0 && prompt_prefixes_by_first_byte['.'] == 0);
  if (line.empty()) return false;
  auto b = static_cast<unsigned char>(line.front());
  if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
  return prompt_prefixes_by_first_byte[b] != 0;
}

// Whether the folded line starts with a prompt prefix, folding only its head when that is enough:
// fold() of a head of the line, cut between code points, is a head of the line's fold.
bool folds_to_prompt_prefix(std::string_view line, std::string& buffer) {
  if (!may_start_prompt(line)) return false;
  // A line that starts with three ASCII letters folds to them lower cased: when no prefix starts
  // like them ("The ..." starts none, though "this article ..." shares its first letter), the
  // line is not folded at all.
  auto const letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (line.size() >= 3 && letter(line[0]) && letter(line[1]) && letter(line[2])) {
    auto const lower = [](char c) { return static_cast<char>(c | 0x20); };
    char const head[3] = {lower(line[0]), lower(line[1]), lower(line[2])};
    bool starts_like_one = false;
    for (std::uint64_t m = prompt_prefixes_by_first_byte[static_cast<unsigned char>(head[0])]; m != 0; m &= m - 1) {
      std::string_view const prefix = prompt_prefixes[static_cast<std::size_t>(__builtin_ctzll(m))];
      starts_like_one = starts_like_one || std::string_view{head, 3}.starts_with(prefix.substr(0, 3));
    }
    if (!starts_like_one) return false;
  }
  std::size_t cut = std::min(line.size(), longest_prompt_prefix + 8);
  while (cut > 0 && cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  std::string_view folded = detail::fold(line.substr(0, cut), buffer);
  if (cut < line.size() && folded.size() < longest_prompt_prefix) {
    folded = detail::fold(line, buffer);
  }
  return starts_with_prompt_prefix(folded);
}

// classify(fold(line)), without the fold for a line of running text: wider than any stamp, too
// many letters for a listed line and no breadcrumb separators, it can only be a prompt by its
// prefix.
line_class classify_line(std::string_view line, std::size_t width, bool ascii, std::string& buffer) {
  if (width > 80 && !may_be_listed(line) && !may_be_breadcrumb(line, ascii)) {
    return width <= 160 && folds_to_prompt_prefix(line, buffer) ? line_class::prompt : line_class::prose;
  }
  return classify(detail::fold(line, buffer), width);
}

}  // namespace

std::vector<boilerplate_span> find_boilerplate(std::string_view text) {
  // Reused from document to document: grown a line at a time for each one, they were most of the
  // allocations made here.
  thread_local std::vector<line_info> lines;
  thread_local std::string folded;  // of each short line in turn
  lines.clear();
  detail::line_scanner scanner{text, {0, text.size()}};
  for (text_span line; scanner.next(line);) {
    line = detail::trim(text, line);
    if (line.size() == 0) {
      continue;
    }
    line_info info;
    info.span = line;
    info.width = scanner.ascii() ? line.size() : detail::code_points(text, line);
    // Every class but prose is a short line (the longest, breadcrumbs and prompts, at most 160
    // code points): a paragraph of running text is not folded and compared at all.
    if (info.width <= 200) info.cls = classify_line(text.substr(line.begin, line.size()), info.width, scanner.ascii(), folded);
    info.finished = ends_finished(text, line);
    lines.push_back(info);
  }

  // Direct hits.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto& line = lines[i];
    switch (line.cls) {
      case line_class::navigation:
        line.kind = boilerplate_kind::navigation;
        break;
      case line_class::linking:
        line.kind = boilerplate_kind::navigation;
        // The headline a "Previous Article" link points to is part of the link.
        if (i + 1 < lines.size() && lines[i + 1].cls == line_class::prose && lines[i + 1].width <= 200) {
          lines[i + 1].kind = boilerplate_kind::navigation;
        }
        break;
      case line_class::prompt:
        line.kind = boilerplate_kind::prompt;
        break;
      case line_class::related_heading:
        line.kind = boilerplate_kind::related;
        break;
      case line_class::counted_stamp:
      case line_class::stamp:
      case line_class::prose:
        break;
    }
  }
  // A timestamp is furniture when it stands next to another one or to a story list heading. Alone
  // at the top of an article ("May 2, 2024 | 3 comments") it is the article's own date line, and a
  // view count alone under the article is furniture but starts no list.
  auto const is_stamp = [](line_info const& l) {
    return l.cls == line_class::stamp || l.cls == line_class::counted_stamp;
  };
  bool seen_prose = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    seen_prose = seen_prose || (lines[i].cls == line_class::prose && lines[i].width > 80);
    if (lines[i].cls == line_class::related_heading) {
      lines[i].starts_list = true;
    }
    if (!is_stamp(lines[i])) {
      continue;
    }
    bool const before = i > 0 && (is_stamp(lines[i - 1]) || lines[i - 1].kind == boilerplate_kind::related);
    bool const after = i + 1 < lines.size() && is_stamp(lines[i + 1]);
    if (before || after) {
      lines[i].kind = boilerplate_kind::related;
      lines[i].starts_list = true;
    } else if (lines[i].cls == line_class::counted_stamp && seen_prose) {
      lines[i].kind = boilerplate_kind::related;
    }
  }
  // After a story list starts, the headlines and teasers that follow belong to it: lines without
  // final punctuation (cut off, or headlines), up to the first line of finished prose.
  bool in_list = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto& line = lines[i];
    if (line.starts_list || (in_list && line.kind == boilerplate_kind::related)) {
      in_list = true;
      continue;
    }
    if (!in_list || line.kind.has_value()) {
      continue;  // a prompt or navigation line inside the list keeps its kind
    }
    if (!line.finished && line.width <= 240) {
      line.kind = boilerplate_kind::related;
    } else {
      in_list = false;
    }
  }
  // Teasers without a list around them: two or more unfinished lines of nearly the same width at
  // the end of the text are headlines cut at a fixed length.
  {
    std::size_t run_begin = lines.size();
    while (run_begin > 0) {
      auto const& line = lines[run_begin - 1];
      if (line.kind.has_value() && line.kind != boilerplate_kind::related) {
        --run_begin;  // trailing prompts ("Leave a Comment") do not break the run
        continue;
      }
      if (line.finished || line.width < 40 || line.width > 240) {
        break;
      }
      --run_begin;
    }
    std::vector<std::size_t> widths;
    for (std::size_t i = run_begin; i < lines.size(); ++i) {
      if (!lines[i].kind.has_value() || lines[i].kind == boilerplate_kind::related) {
        widths.push_back(lines[i].width);
      }
    }
    if (widths.size() >= 2) {
      auto const [lo, hi] = std::minmax_element(widths.begin(), widths.end());
      if (*hi - *lo <= 3) {
        for (std::size_t i = run_begin; i < lines.size(); ++i) {
          if (!lines[i].kind.has_value()) {
            lines[i].kind = boilerplate_kind::related;
          }
        }
      }
    }
  }

  std::vector<boilerplate_span> spans;
  for (auto const& line : lines) {
    if (line.kind.has_value()) {
      spans.push_back({line.span, *line.kind});
    }
  }
  return merge_boilerplate(text, std::move(spans));
}

std::vector<boilerplate_span> merge_boilerplate(std::string_view text, std::vector<boilerplate_span> spans) {
  std::sort(spans.begin(), spans.end(), [](auto const& a, auto const& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<boilerplate_span> merged;
  for (auto const& span : spans) {
    if (!merged.empty()) {
      auto& last = merged.back();
      bool const overlaps = span.span.begin < last.span.end;
      bool const adjacent = span.kind == last.kind && span.span.begin >= last.span.end &&
                            detail::trim(text, {last.span.end, span.span.begin}).size() == 0;
      if (overlaps || adjacent) {
        last.span.end = std::max(last.span.end, span.span.end);
        continue;
      }
    }
    merged.push_back(span);
  }
  return merged;
}

}  // namespace timeline::engine
