// SPDX-License-Identifier: MIT
#include <timeline/engine/boilerplate.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

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

template <std::size_t N>
bool starts_with_one_of(std::array<std::string_view, N> const& prefixes, std::string_view line) {
  if (line.empty()) return false;  // no prefix is empty
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return p.front() == line.front() && line.starts_with(p); });
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
  auto const last = decode_before(text, line.end).cp;
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
  if (listed(prompt_lines) || (width <= 160 && starts_with_one_of(prompt_prefixes, folded))) {
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
    if (info.width <= 200) info.cls = classify(detail::fold(text.substr(line.begin, line.size()), folded), info.width);
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
