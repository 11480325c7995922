// SPDX-License-Identifier: MIT
#include <timeline/io/publication_date.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <timeline/grammar/detail/ascii.hpp>

namespace timeline::io {
namespace {

using timeline::detail::ascii::is_digit;
using timeline::detail::ascii::is_letter;
using timeline::detail::ascii::to_lower;

bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

struct name_value {
  std::string_view name;
  unsigned value;
};

constexpr auto month_names = std::to_array<name_value>({
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}, {"sept", 9},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"oct", 10}, {"nov", 11}, {"dec", 12}});
constexpr auto weekday_names = std::to_array<std::string_view>({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thurs", "thur",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"});
constexpr auto zone_names = std::to_array<std::string_view>({
    "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest",
    "kst", "jst", "ist", "msk", "aest", "aedt", "hkt", "sgt", "wib", "z"});

// A cursor over the text with the small pieces dates are made of. Every reader returns false and
// leaves the cursor where it was when the piece is not there.
class cursor {
 public:
  cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  std::size_t pos() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

  bool literal(char c) {
    if (peek() == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // White space, including a no-break space (C2 A0).
  std::size_t spaces() {
    std::size_t const start = pos_;
    while (!at_end()) {
      if (peek() == ' ' || peek() == '\t') {
        ++pos_;
      } else if (peek() == '\xC2' && peek(1) == '\xA0') {
        pos_ += 2;
      } else {
        break;
      }
    }
    return pos_ - start;
  }

  // Up to `max` digits, at least `min`, not followed by another digit.
  std::optional<unsigned> number(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    unsigned value = 0;
    while (n < max && is_digit(peek(n))) {
      value = value * 10 + static_cast<unsigned>(peek(n) - '0');
      ++n;
    }
    if (n < min || is_digit(peek(n))) {
      return std::nullopt;
    }
    pos_ += n;
    return value;
  }

  // A whole word (letters), lower-cased, without consuming it.
  std::string word() const {
    std::string w;
    for (std::size_t i = pos_; i < text_.size() && is_letter(text_[i]) && w.size() < 12; ++i) {
      w.push_back(to_lower(text_[i]));
    }
    return w;
  }

  std::optional<unsigned> month_name() {
    std::string const w = word();
    for (auto const& m : month_names) {
      if (w == m.name) {
        pos_ += w.size();
        literal('.');
        return m.value;
      }
    }
    return std::nullopt;
  }

  bool weekday_name() {
    std::string const w = word();
    if (std::find(weekday_names.begin(), weekday_names.end(), w) == weekday_names.end()) {
      return false;
    }
    pos_ += w.size();
    literal('.');
    literal(',');
    spaces();
    return true;
  }

  bool ordinal_suffix() {
    std::string const w = word();
    if (w == "st" || w == "nd" || w == "rd" || w == "th") {
      pos_ += 2;
      return true;
    }
    return false;
  }

  // "22:35", "22:35:07", "22:35:07.123", "10:52 AM", "10:52 a.m.", "9 p.m." is not a time here.
  std::optional<std::chrono::minutes> time() {
    std::size_t const start = pos_;
    auto const hour = number(1, 2);
    if (!hour || !literal(':')) {
      pos_ = start;
      return std::nullopt;
    }
    auto const minute = number(2, 2);
    if (!minute || *minute > 59) {
      pos_ = start;
      return std::nullopt;
    }
    if (literal(':')) {
      if (!number(2, 2)) {
        pos_ = start;
        return std::nullopt;
      }
      if (literal('.') || literal(',')) {
        while (is_digit(peek())) {
          ++pos_;
        }
      }
    }
    unsigned h = *hour;
    std::size_t const before_meridiem = pos_;
    spaces();
    std::string const w = word();
    bool pm = false;
    bool meridiem = false;
    if (w == "am" || w == "pm") {
      meridiem = true;
      pm = w == "pm";
      pos_ += 2;
    } else if ((w == "a" || w == "p") && peek(1) == '.' && to_lower(peek(2)) == 'm') {
      meridiem = true;
      pm = w == "p";
      pos_ += 3;
      literal('.');
    } else {
      pos_ = before_meridiem;
    }
    if (meridiem) {
      if (h == 0 || h > 12) {
        pos_ = start;
        return std::nullopt;
      }
      h = h % 12 + (pm ? 12 : 0);
    }
    if (h > 23) {
      pos_ = start;
      return std::nullopt;
    }
    return std::chrono::minutes{h * 60 + *minute};
  }

  // "Z", "+09:00", "-0400", " UTC", " EDT", "(UTC)".
  void zone() {
    std::size_t const start = pos_;
    if (literal('Z') || literal('z')) {
      return;
    }
    if (peek() == '+' || peek() == '-') {
      ++pos_;
      if (number(2, 2) && (!literal(':') || number(2, 2))) {
        return;
      }
      pos_ = start;
      if (peek() == '+' || peek() == '-') {
        ++pos_;
        if (number(4, 4)) {
          return;
        }
      }
      pos_ = start;
      return;
    }
    spaces();
    bool const paren = literal('(');
    std::string const w = word();
    if (std::find(zone_names.begin(), zone_names.end(), w) != zone_names.end() && w != "z") {
      pos_ += w.size();
      if (peek() == '+' || peek() == '-') {
        std::size_t const offset_start = pos_;
        ++pos_;
        if (!number(1, 2) || (literal(':') && !number(2, 2))) {
          pos_ = offset_start;
        }
      }
      if (!paren || literal(')')) {
        return;
      }
    }
    pos_ = start;
  }

  // The time after a date: "T22:35:00Z", " 22:35", ", 10:52 AM EDT", " at 9:30 a.m.", " - 22:35".
  std::optional<std::chrono::minutes> trailing_time() {
    std::size_t const start = pos_;
    if (literal('T') || literal('t')) {
      if (auto const t = time()) {
        zone();
        return t;
      }
      pos_ = start;
      return std::nullopt;
    }
    literal(',');
    literal('|');
    spaces();
    if (word() == "at") {
      pos_ += 2;
      spaces();
    } else if (peek() == '-' || peek() == '|') {
      ++pos_;
      spaces();
    }
    if (auto const t = time()) {
      std::size_t const after_time = pos_;
      zone();
      if (pos_ == after_time) {
        pos_ = after_time;
      }
      return t;
    }
    pos_ = start;
    return std::nullopt;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

date::year_month_day make_ymd(unsigned y, unsigned m, unsigned d) {
  return date::year{static_cast<int>(y)} / date::month{m} / date::day{d};
}

// The reading of a date that started at `begin` and whose day ends at the cursor, with the time of
// day that may follow it ("2025/08/13 22:35").
date_reading reading_with_time(cursor& c, date::year_month_day ymd, std::size_t begin) {
  date_reading r{ymd, std::nullopt, begin, c.pos()};
  if (auto const t = c.trailing_time()) {
    r.time_of_day = t;
    r.end = c.pos();
  }
  return r;
}

// The date starting exactly at `pos`, without a leading time.
std::optional<date_reading> date_at(std::string_view text, std::size_t pos) {
  // Year first: 2025-08-13, 2025/08/13, 2025.08.13.
  {
    cursor c{text, pos};
    if (auto const y = c.number(4, 4)) {
      char const sep = c.peek();
      if (sep == '-' || sep == '/' || sep == '.') {
        c.literal(sep);
        auto const m = c.number(1, 2);
        if (m && c.literal(sep)) {
          if (auto const d = c.number(1, 2); d && (!is_letter(c.peek()) || ((c.peek() == 'T' || c.peek() == 't') && is_digit(c.peek(1))))) {
            return reading_with_time(c, make_ymd(*y, *m, *d), pos);
          }
        }
      }
    }
  }
  // Month first, optionally after a weekday: "Mon September 4, 2023", "Aug. 13th, 2025".
  {
    cursor c{text, pos};
    c.weekday_name();
    if (auto const m = c.month_name()) {
      c.spaces();
      if (auto const d = c.number(1, 2)) {
        c.ordinal_suffix();
        c.literal(',');
        c.spaces();
        if (auto const y = c.number(4, 4); y && !is_letter(c.peek())) {
          return reading_with_time(c, make_ymd(*y, *m, *d), pos);
        }
      }
    }
  }
  // Day first: "13 August 2025", "Wed, 13 Aug 2025 22:35:00 GMT", "13th of August, 2025".
  {
    cursor c{text, pos};
    c.weekday_name();
    if (auto const d = c.number(1, 2)) {
      c.ordinal_suffix();
      c.spaces();
      if (c.word() == "of") {
        c.seek(c.pos() + 2);
        c.spaces();
      }
      if (auto const m = c.month_name()) {
        c.literal(',');
        c.spaces();
        if (auto const y = c.number(4, 4); y && !is_letter(c.peek())) {
          return reading_with_time(c, make_ymd(*y, *m, *d), pos);
        }
      }
    }
  }
  // Numeric: 08/13/2025, 13/08/2025, 13.08.2025, 8-13-2025.
  {
    cursor c{text, pos};
    if (auto const a = c.number(1, 2)) {
      char const sep = c.peek();
      if (sep == '/' || sep == '.' || sep == '-') {
        c.literal(sep);
        auto const b = c.number(1, 2);
        if (b && c.literal(sep)) {
          if (auto const y = c.number(4, 4); y && !is_letter(c.peek())) {
            // POLICY: month first (US) when both could be a month, except with dots, which only
            // day-first writers use; a first number above 12 can only be a day.
            bool const day_first = *a > 12 || (sep == '.' && *b <= 12);
            unsigned const m = day_first ? *b : *a;
            unsigned const d = day_first ? *a : *b;
            return reading_with_time(c, make_ymd(*y, m, d), pos);
          }
        }
      }
    }
  }
  return std::nullopt;
}

// A date at `pos`, or a time at `pos` followed by a date ("10:52 AM EDT, Mon September 4, 2023").
std::optional<date_reading> reading_at(std::string_view text, std::size_t pos) {
  if (auto r = date_at(text, pos)) {
    return r;
  }
  cursor c{text, pos};
  if (auto const t = c.time()) {
    c.zone();
    c.literal(',');
    c.spaces();
    if (c.word() == "on") {
      c.seek(c.pos() + 2);
      c.spaces();
    }
    if (auto r = date_at(text, c.pos()); r && !r->time_of_day) {
      r->time_of_day = t;
      r->begin = pos;
      return r;
    }
  }
  return std::nullopt;
}

// `text` with ASCII lower-cased, written into `buffer` (reused from line to line, not allocated and
// freed for each) and viewed there. The plain loop is one the compiler vectorizes.
std::string_view ascii_lower(std::string_view text, std::string& buffer) {
  buffer.resize(text.size());
  std::transform(text.begin(), text.end(), buffer.begin(), to_lower);
  return buffer;
}

bool word_start(std::string_view text, std::size_t pos) { return pos == 0 || !is_alnum(text[pos - 1]); }

std::size_t line_number(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool inside(std::vector<engine::boilerplate_span> const& spans, engine::text_span line) {
  return std::any_of(spans.begin(), spans.end(), [&](auto const& b) {
    return b.kind != engine::boilerplate_kind::metadata && line.begin < b.span.end && b.span.begin < line.end;
  });
}

// Whether a label at `at` opens a field of a header line ("Published: ...", "By Jo | Updated ...")
// rather than sitting inside prose ("The report, published on ...").
bool opens_field(std::string_view line, std::size_t at) {
  std::size_t pos = at;
  while (pos > 0 && (line[pos - 1] == ' ' || line[pos - 1] == '\t')) {
    --pos;
  }
  if (pos == 0) {
    return true;
  }
  char const before = line[pos - 1];
  if (before == '|' || before == ';' || before == '-' || before == '(' || before == '[' || before == '*') {
    return true;
  }
  // "·", "•", "—", "–" end in these UTF-8 bytes.
  return pos >= 2 && (line.substr(pos - 2, 2) == "\xC2\xB7" ||
                      (pos >= 3 && (line.substr(pos - 3, 3) == "\xE2\x80\xA2" || line.substr(pos - 3, 3) == "\xE2\x80\x94" ||
                                    line.substr(pos - 3, 3) == "\xE2\x80\x93")));
}

struct label {
  std::string_view text;
  double confidence;
};
// Labels of publication-date lines, longest first so "published on" wins over "published".
constexpr auto labels = std::to_array<label>({
    {"originally published", 0.9}, {"first published", 0.9}, {"publication date", 0.9},
    {"date published", 0.9}, {"published on", 0.9}, {"published at", 0.9}, {"published", 0.9},
    {"posted on", 0.9}, {"posted at", 0.9}, {"posted", 0.85}, {"pubdate", 0.9}, {"dated", 0.85},
    {"date", 0.85}, {"created", 0.7}, {"last updated", 0.6}, {"last modified", 0.55}, {"updated on", 0.6},
    {"updated at", 0.6}, {"updated", 0.6}, {"modified", 0.55}});

// Every label contains one of these: a line without any of them has no label, and is not searched
// for each of the twenty.
constexpr auto label_stems = std::to_array<std::string_view>({"publish", "posted", "date", "created", "modified"});
static_assert(std::all_of(labels.begin(), labels.end(), [](label const& l) {
  return std::any_of(label_stems.begin(), label_stems.end(), [&](std::string_view stem) { return l.text.find(stem) != std::string_view::npos; });
}));

bool may_hold_label(std::string_view lowered) {
  auto const stem_at = [&](std::size_t at) {
    std::string_view const rest = lowered.substr(at);
    return std::any_of(label_stems.begin(), label_stems.end(), [&](std::string_view stem) { return rest.starts_with(stem); });
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen places a step, each tested for the first two bytes of every stem at once, and only
  // the places that pass compared with the stems: a search for each stem in turn stopped at every
  // 'p', 'd', 'c' and 'm' of the line, a call to memchr each, and that was most of reading the
  // header lines.
  auto const pair_at = [&](std::size_t stem, std::size_t k) { return _mm_set1_epi8(label_stems[stem][k]); };
  for (; i + 17 <= lowered.size(); i += 16) {
    __m128i const first = _mm_loadu_si128(reinterpret_cast<__m128i const*>(lowered.data() + i));
    __m128i const second = _mm_loadu_si128(reinterpret_cast<__m128i const*>(lowered.data() + i + 1));
    __m128i any = _mm_setzero_si128();
    for (std::size_t stem = 0; stem < label_stems.size(); ++stem) {
      any = _mm_or_si128(any, _mm_and_si128(_mm_cmpeq_epi8(first, pair_at(stem, 0)), _mm_cmpeq_epi8(second, pair_at(stem, 1))));
    }
    for (auto m = static_cast<unsigned>(_mm_movemask_epi8(any)); m != 0; m &= m - 1) {
      if (stem_at(i + static_cast<std::size_t>(__builtin_ctz(m)))) return true;
    }
  }
#endif
  std::string_view const rest = lowered.substr(i);
  return std::any_of(label_stems.begin(), label_stems.end(),
                     [&](std::string_view stem) { return rest.find(stem) != std::string_view::npos; });
}

struct candidate {
  date_reading reading;
  engine::text_span line;
  double confidence = 0;
  engine::dct_source source = engine::dct_source::none;
};

}  // namespace

namespace {

// Whether a date can start at `pos`, a word start: every form starts with a digit, a month name or
// a weekday name. Most words of a header line are none, and reading_at tries four forms at each.
bool may_start_date(std::string_view text, std::size_t pos) {
  if (is_digit(text[pos])) {
    return true;
  }
  // The word as cursor::word() reads it (up to 12 letters, lower case), without a string.
  char letters[12];
  std::size_t n = 0;
  while (n < sizeof letters && pos + n < text.size() && is_letter(text[pos + n])) {
    letters[n] = to_lower(text[pos + n]);
    ++n;
  }
  std::string_view const w{letters, n};
  // The lengths and first letters the names have, read off the two lists: most words stop here.
  struct name_shapes {
    std::size_t shortest = 99, longest = 0;
    std::uint32_t first_letters = 0;
    constexpr void add(std::string_view name) {
      shortest = std::min(shortest, name.size());
      longest = std::max(longest, name.size());
      first_letters |= std::uint32_t{1} << (name.front() - 'a');
    }
  };
  static constexpr name_shapes shapes = [] {
    name_shapes found;
    for (auto const& m : month_names) found.add(m.name);
    for (std::string_view const d : weekday_names) found.add(d);
    return found;
  }();
  if (n < shapes.shortest || n > shapes.longest || ((shapes.first_letters >> (w.front() - 'a')) & 1U) == 0) {
    return false;
  }
  return std::any_of(month_names.begin(), month_names.end(), [&](name_value const& m) { return m.name == w; }) ||
         std::find(weekday_names.begin(), weekday_names.end(), w) != weekday_names.end();
}

}  // namespace

std::optional<date_reading> parse_date(std::string_view text) {
  // "2025-08-13" and nothing else, the form of nearly every date a record carries: read as the
  // general reading below reads it (year first, no time), without its cursor.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    unsigned value[3] = {};
    bool digits = true;
    for (std::size_t i = 0, part = 0; i < 10; ++i) {
      if (i == 4 || i == 7) {
        ++part;
      } else if (is_digit(text[i])) {
        value[part] = value[part] * 10 + static_cast<unsigned>(text[i] - '0');
      } else {
        digits = false;
      }
    }
    if (digits) return date_reading{make_ymd(value[0], value[1], value[2]), std::nullopt, 0, 10};
  }
  std::size_t begin = 0;
  std::size_t end = text.size();
  auto const space = [&](std::size_t i) { return text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'; };
  while (begin < end && space(begin)) {
    ++begin;
  }
  while (end > begin && space(end - 1)) {
    --end;
  }
  std::string_view const trimmed = text.substr(0, end);
  if (begin == end || !may_start_date(trimmed, begin)) {
    return std::nullopt;  // most lines of a header are not a date, and are not read as four forms
  }
  auto r = reading_at(trimmed, begin);
  if (!r) {
    return std::nullopt;
  }
  // Allow a trailing zone or punctuation that the date readers leave ("... GMT", "(UTC)").
  cursor rest{trimmed, r->end};
  rest.zone();
  rest.literal('.');
  rest.spaces();
  if (!rest.at_end()) {
    return std::nullopt;
  }
  return r;
}

std::optional<date_reading> find_date(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!is_alnum(text[pos]) || !word_start(text, pos) || !may_start_date(text, pos)) {
      continue;
    }
    if (auto r = reading_at(text, pos)) {
      return r;
    }
  }
  return std::nullopt;
}

namespace {

// Where the first dash after a dateline is: " —", " –", " - ", "—" or " --". Each has a '-' or the
// lead byte of "—" and "–" in its first two bytes; only there, found with memchr, is a dash
// looked for, not at every space of the opening.
std::size_t dateline_end(std::string_view opening) {
  constexpr auto dashes = std::to_array<std::string_view>({" \xE2\x80\x94", " \xE2\x80\x93", " - ", "\xE2\x80\x94", " --"});
  auto const dash_at = [&](std::size_t at) {
    std::string_view const rest = opening.substr(at);
    return std::any_of(dashes.begin(), dashes.end(), [&](std::string_view dash) { return rest.starts_with(dash); });
  };
  std::size_t checked = 0;  // no dash starts before
  for (;;) {
    std::size_t const key = std::min(opening.find('-', checked), opening.find('\xE2', checked));
    if (key == std::string_view::npos) {
      return std::string_view::npos;
    }
    for (std::size_t at = std::max(checked, key > 0 ? key - 1 : 0); at <= key; ++at) {
      if (dash_at(at)) {
        return at;
      }
    }
    checked = key + 1;
  }
}

// What find_date(text) finds when it finds a date at 0, without looking further.
std::optional<date_reading> date_at_start(std::string_view text) {
  if (text.empty() || !is_alnum(text.front()) || !may_start_date(text, 0)) {
    return std::nullopt;
  }
  return reading_at(text, 0);
}

}  // namespace

std::string date_problem(date_reading const& reading, date::sys_days today) {
  if (!reading.ymd.ok()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(reading.ymd.year()),
                  static_cast<unsigned>(reading.ymd.month()), static_cast<unsigned>(reading.ymd.day()));
    return std::string{"impossible date: "} + buffer + " does not exist";
  }
  date::sys_days const day{reading.ymd};
  if (day > today + date::days{1}) {
    return "publication date " + format_day(day) + " is in the future";
  }
  return {};
}

date_detection detect_publication_date(std::string_view text, std::vector<engine::boilerplate_span> const& boilerplate,
                                       date::sys_days today) {
  date_detection result;
  std::vector<candidate> candidates;
  auto const consider = [&](date_reading reading, engine::text_span line, double confidence, engine::dct_source source) {
    if (source == engine::dct_source::header) {
      result.lines.push_back(line);  // a date line is metadata even when its date is wrong
    }
    if (std::string problem = date_problem(reading, today); !problem.empty()) {
      result.issues.push_back({"line " + std::to_string(line_number(text, reading.begin)), std::move(problem)});
      return;
    }
    candidates.push_back({reading, line, confidence, source});
  };

  // Header lines: the first eight non-empty lines, short enough not to be prose.
  std::size_t seen = 0;
  std::size_t first_prose = text.size();
  std::size_t pos = 0;
  while (pos < text.size() && seen < 8) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    engine::text_span line{pos, eol};
    while (line.end > line.begin && (text[line.end - 1] == '\r' || text[line.end - 1] == ' ')) {
      --line.end;
    }
    pos = eol + 1;
    std::string_view const content = text.substr(line.begin, line.size());
    // A line that starts with a visible ASCII byte is not blank: most are, and are not searched.
    bool const visible = !content.empty() && static_cast<unsigned char>(content.front()) > ' ' &&
                         static_cast<unsigned char>(content.front()) < 0x80;
    if (!visible && content.find_first_not_of(" \t\xC2\xA0\xEF\xBB\xBF") == std::string_view::npos) {
      continue;
    }
    ++seen;
    if (inside(boilerplate, line)) {
      continue;
    }
    if (line.size() > 200) {
      first_prose = std::min(first_prose, line.begin);
      break;  // the article has started
    }
    thread_local std::string lowered_buffer;
    std::string_view const lowered = ascii_lower(content, lowered_buffer);
    // 1. A labelled date: "Published on: 2025/08/13 22:35", "Updated 10:52 AM EDT, Mon ...".
    bool labelled = false;
    std::span<label const> const searched = may_hold_label(lowered) ? std::span{labels} : std::span<label const>{};
    for (auto const& l : searched) {
      for (std::size_t at = lowered.find(l.text); at != std::string_view::npos; at = lowered.find(l.text, at + 1)) {
        std::size_t const after = at + l.text.size();
        if (!word_start(lowered, at) || (after < lowered.size() && is_letter(lowered[after])) ||
            !opens_field(lowered, at)) {
          continue;
        }
        std::string_view const rest = content.substr(after, std::min<std::size_t>(80, content.size() - after));
        if (auto r = find_date(rest)) {
          r->begin += line.begin + after;
          r->end += line.begin + after;
          consider(*r, line, l.confidence, engine::dct_source::header);
          labelled = true;
          break;
        }
      }
      if (labelled) {
        break;
      }
    }
    if (labelled) {
      continue;
    }
    // 2. A line that is only a date, or a byline with one: "August 13, 2025", "By Jo Park, Aug. 13, 2025".
    if (auto r = parse_date(content)) {
      r->begin += line.begin;
      r->end += line.begin;
      consider(*r, line, 0.8, engine::dct_source::header);
      continue;
    }
    // A date line with a little furniture after it: "May 2, 2024 | 3 comments", "2024-05-02 · 4 min read".
    if (auto r = date_at_start(content); r && content.size() - r->end <= 40) {
      std::string_view rest = content.substr(r->end);
      while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
      }
      if (rest.starts_with("|") || rest.starts_with("\xC2\xB7") || rest.starts_with("\xE2\x80\xA2") ||
          rest.starts_with("-") || rest.starts_with("\xE2\x80\x94") || rest.starts_with(",")) {
        r->begin += line.begin;
        r->end += line.begin;
        consider(*r, line, 0.75, engine::dct_source::header);
        continue;
      }
    }
    if (lowered.starts_with("by ")) {
      if (auto r = find_date(content)) {
        r->begin += line.begin;
        r->end += line.begin;
        consider(*r, line, 0.75, engine::dct_source::header);
        continue;
      }
    }
    if (line.size() > 80 && first_prose == text.size()) {
      first_prose = line.begin;
    }
  }

  // 3. A dateline opening the first paragraph: the place, the date, the agency, a dash.
  if (first_prose < text.size()) {
    // The opening is at most 120 bytes: the end of its line is looked for there, not through the
    // whole paragraph.
    std::string_view opening = text.substr(first_prose, 120);
    opening = opening.substr(0, opening.find('\n'));
    bool const capital = !opening.empty() && opening.front() >= 'A' && opening.front() <= 'Z';
    std::size_t const cut = capital ? dateline_end(opening) : std::string_view::npos;
    if (cut != std::string_view::npos && cut > 0) {
      if (auto r = find_date(opening.substr(0, cut))) {
        r->begin += first_prose;
        r->end += first_prose;
        consider(*r, {first_prose, first_prose + cut}, 0.7, engine::dct_source::dateline);
      }
    }
  }

  if (!candidates.empty()) {
    auto const best = std::max_element(candidates.begin(), candidates.end(), [](auto const& a, auto const& b) {
      return a.confidence < b.confidence;  // ties keep the first (topmost) line
    });
    result.dct.day = date::sys_days{best->reading.ymd};
    result.dct.time_of_day = best->reading.time_of_day;
    result.dct.source = best->source;
    result.dct.text = std::string{text.substr(best->reading.begin, best->reading.end - best->reading.begin)};
    result.dct.confidence = best->confidence;
  }
  return result;
}

date::sys_days today_utc() { return date::floor<date::days>(std::chrono::system_clock::now()); }

std::string format_day(date::sys_days day) { return grammar::day_value(day); }

}  // namespace timeline::io
