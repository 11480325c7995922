// SPDX-License-Identifier: MIT
#include <timeline/io/plain_text.hpp>

#include <algorithm>
#include <array>

#include <timeline/engine/boilerplate.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/utf8.hpp>

namespace timeline::io {
namespace {

struct line_ref {
  engine::text_span span;  // trimmed
  std::size_t number = 0;  // 1-based
};

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Trims ASCII white space and no-break spaces (C2 A0) from both ends.
engine::text_span trim(std::string_view text, engine::text_span span) {
  // Most lines start and end with a visible ASCII byte: nothing to trim, and nothing tested twice.
  auto const visible = [&](std::size_t at) {
    auto const c = static_cast<unsigned char>(text[at]);
    return c > ' ' && c < 0x80;
  };
  if (span.begin < span.end && visible(span.begin) && visible(span.end - 1)) {
    return span;
  }
  for (;;) {
    if (span.begin < span.end && is_space_byte(text[span.begin])) {
      ++span.begin;
    } else if (span.begin + 1 < span.end && text[span.begin] == '\xC2' && text[span.begin + 1] == '\xA0') {
      span.begin += 2;
    } else {
      break;
    }
  }
  for (;;) {
    if (span.end > span.begin && is_space_byte(text[span.end - 1])) {
      --span.end;
    } else if (span.end >= span.begin + 2 && text[span.end - 2] == '\xC2' && text[span.end - 1] == '\xA0') {
      span.end -= 2;
    } else {
      break;
    }
  }
  return span;
}

// A few lines, kept in place: a vector of them was one allocation per document.
template <std::size_t N>
struct line_refs {
  std::array<line_ref, N> lines;
  std::size_t count = 0;
  std::size_t size() const { return count; }
  void push_back(line_ref line) { lines[count++] = line; }
  line_ref const* begin() const { return lines.data(); }
  line_ref const* end() const { return lines.data() + count; }
};

// The first `N` non-empty lines.
template <std::size_t N>
line_refs<N> first_lines(std::string_view text) {
  line_refs<N> lines;
  std::size_t pos = 0;
  std::size_t number = 0;
  while (pos < text.size() && lines.size() < N) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    ++number;
    engine::text_span const line = trim(text, {pos, eol});
    if (line.size() > 0) {
      lines.push_back({line, number});
    }
    pos = eol + 1;
  }
  return lines;
}

bool starts_with_label(std::string_view line, std::string_view label) {
  if (line.size() <= label.size()) {
    return false;
  }
  for (std::size_t i = 0; i < label.size(); ++i) {
    char c = line[i];
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (c != label[i]) {
      return false;
    }
  }
  return true;
}

// Whether the (non-empty) line may start with one of the labels below: most header lines are
// prose or a headline, and are turned away by their first byte, not compared with six labels.
bool may_start_label(std::string_view line) {
  char c = line.front();
  c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return c == 't' || c == 'h' || c == 'u' || c == 's' || c == 'a' || c == 'b';
}

std::string_view after_label(std::string_view line, std::size_t label_size) {
  std::string_view rest = line.substr(label_size);
  while (!rest.empty() && is_space_byte(rest.front())) {
    rest.remove_prefix(1);
  }
  return rest;
}

bool overlaps_boilerplate(std::vector<engine::boilerplate_span> const& spans, engine::text_span span) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](auto const& b) { return span.begin < b.span.end && b.span.begin < span.end; });
}

// A first line that reads as a headline: short, several words, not closed like a sentence. The
// first line is often a paragraph: its last character turns it away before it is counted.
bool reads_as_headline(std::string_view line) {
  if (line.size() < 8) {
    return false;  // fewer than 8 code points
  }
  char const last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') {
    return false;
  }
  // A code point is at most four bytes: a longer line is over 150 of them, and is not counted.
  if (line.size() > 4 * 150) {
    return false;
  }
  std::size_t const width = count_code_points(line);
  if (width < 8 || width > 150) {
    return false;
  }
  return std::count(line.begin(), line.end(), ' ') >= 2;
}

}  // namespace

engine::document make_document(article_fields&& fields, std::string text, date::sys_days today,
                               std::vector<input_error>& errors, bool segment) {
  engine::document doc;
  doc.id = std::move(fields.id);
  doc.source = std::move(fields.source);
  doc.title = std::move(fields.title);
  doc.url = std::move(fields.url);
  doc.dct = std::move(fields.dct);
  std::size_t bom = 0;
  strip_bom(text, &bom);
  text.erase(0, bom);
  doc.text = std::move(text);
  std::string_view const view = doc.text;

  doc.boilerplate = engine::find_boilerplate(view);

  // Labelled header fields the text may carry: "Title: ...", "Source: ...", "URL: ...".
  auto const header = first_lines<8>(view);
  for (auto const& line : header) {
    std::string_view const content = view.substr(line.span.begin, line.span.size());
    if (!may_start_label(content) || overlaps_boilerplate(doc.boilerplate, line.span)) {
      continue;
    }
    if (starts_with_label(content, "title:") || starts_with_label(content, "headline:")) {
      if (doc.title.empty()) {
        doc.title = std::string{after_label(content, content.find(':') + 1)};
      }
      doc.boilerplate.push_back({line.span, engine::boilerplate_kind::metadata});
    } else if (starts_with_label(content, "url:") || starts_with_label(content, "source:") ||
               starts_with_label(content, "author:") || starts_with_label(content, "byline:")) {
      std::string_view const value = after_label(content, content.find(':') + 1);
      if (starts_with_label(content, "url:") && doc.url.empty()) {
        doc.url = std::string{value};
      }
      doc.boilerplate.push_back({line.span, engine::boilerplate_kind::metadata});
    }
  }

  // The publication date: the container's own field wins; the text's header or dateline otherwise.
  // POLICY: a header date line is flagged as metadata even when the container gave the date, so
  // that its digits never become an event in the article.
  date_detection detected = detect_publication_date(view, doc.boilerplate, today);
  if (doc.dct.source == engine::dct_source::none) {
    doc.dct = detected.dct;
    for (auto& issue : detected.issues) {
      std::string const prefix = fields.place.empty() ? std::string{} : fields.place + ", text ";
      errors.emplace_back(doc.id, prefix + issue.place, issue.message);
    }
  }
  for (auto const& line : detected.lines) {
    doc.boilerplate.push_back({line, engine::boilerplate_kind::metadata});
  }
  doc.boilerplate = engine::merge_boilerplate(view, std::move(doc.boilerplate));

  if (doc.title.empty()) {
    for (auto const& line : header) {
      if (overlaps_boilerplate(doc.boilerplate, line.span)) {
        continue;
      }
      std::string_view const content = view.substr(line.span.begin, line.span.size());
      bool const more_follows = line.span.end < trim(view, {line.span.end, view.size()}).end;
      if (reads_as_headline(content) && more_follows) {
        doc.title = std::string{content};
      }
      break;  // only the first content line can be the headline
    }
  }

  if (segment) {
    engine::segment(doc);
  } else {
    doc.boilerplate = engine::merge_boilerplate(view, std::move(doc.boilerplate));
  }
  return doc;
}

}  // namespace timeline::io
