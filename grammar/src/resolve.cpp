// SPDX-License-Identifier: MIT
#include "resolve.hpp"

#include "context.hpp"
#include "holidays.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include <date/date.h>
#include <date/iso_week.h>

namespace timeline::grammar {
namespace {

using date::days;
using date::months;
using date::sys_days;
using date::year_month_day;
using date::years;

// ---- formatting -----------------------------------------------------------------------------------

// `n` zero-padded to `width` characters, its sign included, as printf's "%0*lld" writes it for a
// width of 0 or more. By hand: snprintf cost more than the rest of a week's value.
std::string pad(long long n, int width) {
  char digits[24];
  char const* const digits_end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  char const* first = digits;
  char text[64];
  char* out = text;
  if (n < 0) *out++ = *first++;
  for (auto length = digits_end - digits; length < width && out < text + 32; ++length) *out++ = '0';
  out = std::copy(first, digits_end, out);
  return {text, out};
}

// `prefix`, `count` in decimal and `suffix` ("P" 3 "Y"): one string made once, where "P" +
// std::to_string(count) + "Y" made three.
std::string designated(std::string_view prefix, long long count, std::string_view suffix) {
  char text[64];
  char* out = std::copy(prefix.begin(), prefix.end(), text);
  out = std::to_chars(out, text + 40, count).ptr;
  out = std::copy(suffix.begin(), suffix.end(), out);
  return {text, out};
}
std::string week_value(sys_days d) {
  iso_week::year_weeknum_weekday const w{d};
  return year_value(int(w.year())) + "-W" + pad(unsigned(w.weeknum()), 2);
}
char const* part_code(unsigned part) {
  static char const* const codes[] = {"", "MO", "AF", "EV", "NI", "MI", "DT"};
  return part < 7 ? codes[part] : "";
}

// ---- calendar helpers -----------------------------------------------------------------------------

sys_days first_of(int y, unsigned m) { return sys_days{date::year{y} / date::month{m} / 1}; }
sys_days last_of(int y, unsigned m) { return sys_days{date::year{y} / date::month{m} / date::last}; }
int year_of(sys_days d) { return int(year_month_day{d}.year()); }
unsigned month_of(sys_days d) { return unsigned(year_month_day{d}.month()); }
sys_days monday_of(sys_days d) { return d - (date::weekday{d} - date::Monday); }  // [d-6, d]

// Distance in days from an interval to a day; 0 when the interval holds it.
long long distance(day_interval const& interval, sys_days d) {
  if (d < interval.earliest) return (interval.earliest - d).count();
  if (d > interval.latest) return (d - interval.latest).count();
  return 0;
}

// POLICY: placing a date that names no year (a month, a month-day, a holiday).
//   A candidate that holds the DCT wins. A future clause takes the next occurrence, a past clause
//   the most recent one. Otherwise the next occurrence when it begins at most 120 days after the
//   DCT, else the most recent: "Dec. 1" said on 1989-10-26 is 1989-12-01 (a coming deadline),
//   "Oct. 23" said on 1999-01-22 is 1998-10-23. On TBAQ this rule places 94% of such dates right,
//   against 79% for "always the DCT's year". Corpus: fixtures/corpus/en/month_day.jsonl.
enum class default_year { within_120_days, nearest, by_tense };

// `tense_of`: the clause's tense, asked only when it can change the answer (reading the clause
// costs more than the rest of the placing).
template <typename Tense, typename Candidate>
std::optional<int> pick_year(int dct_year, sys_days dct, Tense tense_of, Candidate candidate, default_year fallback = default_year::within_120_days) {
  std::optional<int> next;
  std::optional<int> latest_past;
  for (int y = dct_year - 1; y <= dct_year + 1; ++y) {
    std::optional<day_interval> const c = candidate(y);
    if (!c) continue;
    if (distance(*c, dct) == 0) return y;
    if (c->earliest > dct && !next) next = y;
    if (c->latest < dct) latest_past = y;
  }
  // Every reading below picks the one candidate when there is one; and under the 120-day rule a
  // next occurrence more than 330 days away loses to the latest past in every tense. Only then
  // is the clause read.
  if (!next || !latest_past) return next ? next : latest_past;
  if (fallback == default_year::within_120_days && (candidate(*next)->earliest - dct).count() > 330) return latest_past;
  tense const t = tense_of();
  // POLICY: "the fiscal year ended Jan. 31" said in October is the January just past, and "the
  //   second quarter ended Oct. 31" said on Oct. 27 the last year's October: a period said to have
  //   ended has ended by the DCT (TBAQ: 20 of 20 dates after "ended" are on or before the DCT; the
  //   120-day look-ahead got 2 of them wrong). "the year ending June 30" still looks ahead.
  if (t == tense::completed) return latest_past ? latest_past : next;
  if (t == tense::future) {
    // A future clause moves a month-day to its next occurrence when that is under a year away;
    // "payable Aug. 7" said on Aug. 18 is last week's date reported late, not next year's.
    if (next && (fallback != default_year::within_120_days || (candidate(*next)->earliest - dct).count() <= 330)) return next;
    if (fallback != default_year::within_120_days) return latest_past;
  }
  if ((t == tense::past && fallback != default_year::within_120_days) || (t == tense::reported && fallback == default_year::nearest)) {
    return latest_past ? latest_past : next;
  }
  if (fallback == default_year::nearest && next && latest_past) {
    // Holidays are named by their distance: "Christmas" in August is the coming one.
    long long const ahead = (candidate(*next)->earliest - dct).count();
    long long const behind = (dct - candidate(*latest_past)->latest).count();
    return ahead < behind ? next : latest_past;
  }
  if (next) {
    std::optional<day_interval> const c = candidate(*next);
    if ((c->earliest - dct).count() <= 120 || !latest_past) return next;
  }
  return latest_past;
}

// Quarter, half and season intervals of a year.
day_interval quarter_interval(int y, unsigned q) { return {first_of(y, 3 * q - 2), last_of(y, 3 * q)}; }
day_interval half_interval(int y, unsigned h) { return {first_of(y, 6 * h - 5), last_of(y, 6 * h)}; }
// Seasons as TimeML's meteorological reading: SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec-Feb (the
// winter of Y starts in December of Y).
day_interval season_interval(int y, unsigned s) {
  switch (s) {
    case 1: return {first_of(y, 3), last_of(y, 5)};
    case 2: return {first_of(y, 6), last_of(y, 8)};
    case 3: return {first_of(y, 9), last_of(y, 11)};
    default: return {first_of(y, 12), last_of(y + 1, 2)};
  }
}
char const* season_code(unsigned s) {
  static char const* const codes[] = {"", "SP", "SU", "FA", "WI"};
  return s < 5 ? codes[s] : "";
}

// POLICY: early/mid/late split a period in thirds of its days, rounding the first two cuts up.
//   A 31-day month: 1-11, 12-21, 22-31. A year: January-April, May-August, September-December.
//   Corpus: fixtures/corpus/en/fuzzy.jsonl.
day_interval apply_mod(day_interval whole, ast::modifier mod, grain g, sys_days dct) {
  if (g == grain::year) {
    int const y = year_of(whole.earliest);
    switch (mod) {
      case ast::modifier::start: return {first_of(y, 1), last_of(y, 4)};
      case ast::modifier::mid: return {first_of(y, 5), last_of(y, 8)};
      case ast::modifier::end: return {first_of(y, 9), last_of(y, 12)};
      default: break;
    }
  }
  long long const n = (whole.latest - whole.earliest).count() + 1;
  long long const cut1 = (n + 2) / 3;
  long long const cut2 = (2 * n + 2) / 3;
  switch (mod) {
    case ast::modifier::start: return {whole.earliest, whole.earliest + days{cut1 - 1}};
    case ast::modifier::mid: return {whole.earliest + days{cut1}, whole.earliest + days{cut2 - 1}};
    case ast::modifier::end: return {whole.earliest + days{cut2}, whole.latest};
    case ast::modifier::first_half: return {whole.earliest, whole.earliest + days{(n + 1) / 2 - 1}};
    case ast::modifier::second_half: return {whole.earliest + days{(n + 1) / 2}, whole.latest};
    case ast::modifier::before_anchor:
      return {whole.earliest, std::max(whole.earliest, std::min(dct, whole.latest))};
    case ast::modifier::after_anchor:
    case ast::modifier::from_anchor:  // "within the month": from now to its end, no TIMEX3 mod
      return {std::min(whole.latest, std::max(dct, whole.earliest)), whole.latest};
    default: return whole;
  }
}

char const* mod_text(ast::modifier mod) {
  switch (mod) {
    case ast::modifier::start: return "START";
    case ast::modifier::mid: return "MID";
    case ast::modifier::end: return "END";
    case ast::modifier::approx: return "APPROX";
    case ast::modifier::more_than: return "MORE_THAN";
    case ast::modifier::less_than: return "LESS_THAN";
    case ast::modifier::equal_or_less: return "EQUAL_OR_LESS";
    case ast::modifier::equal_or_more: return "EQUAL_OR_MORE";
    // "earlier this year" is written START in the TimeML corpora (TBAQ: 13 of 13 such mods); the
    // interval says more: it ends at the DCT.
    case ast::modifier::first_half: return "START";
    case ast::modifier::second_half: return "END";
    case ast::modifier::before_anchor: return "START";
    case ast::modifier::after_anchor: return "END";
    default: return "";
  }
}

// Shifts a day by a count of calendar units. Month arithmetic clamps to the month's last day
// (POLICY: 2019-01-31 + 1 month = 2019-02-28, Abseil's CASE STUDY answer "clamp").
sys_days add_units(sys_days d, ast::unit u, long long n) {
  year_month_day const ymd{d};
  auto clamp = [](year_month_day x) { return x.ok() ? sys_days{x} : sys_days{x.year() / x.month() / date::last}; };
  switch (u) {
    case ast::unit::day: return d + days{n};
    case ast::unit::week: return d + days{7 * n};
    case ast::unit::fortnight: return d + days{14 * n};
    case ast::unit::weekend: return d + days{7 * n};
    case ast::unit::month: return clamp(ymd + months{n});
    case ast::unit::quarter: return clamp(ymd + months{3 * n});
    case ast::unit::half: return clamp(ymd + months{6 * n});
    case ast::unit::year: return clamp(ymd + years{n});
    case ast::unit::decade: return clamp(ymd + years{10 * n});
    case ast::unit::century: return clamp(ymd + years{100 * n});
    default: return d;
  }
}

// The calendar period of `u` that holds `d`, as value, interval and grain.
struct period {
  std::string value;
  day_interval interval;
  grain g;
};
std::optional<period> period_of(sys_days d, ast::unit u) {
  int const y = year_of(d);
  unsigned const m = month_of(d);
  switch (u) {
    case ast::unit::day: return period{day_value(d), {d, d}, grain::day};
    case ast::unit::week:
    case ast::unit::fortnight: {
      sys_days const monday = monday_of(d);
      return period{week_value(d), {monday, monday + days{6}}, grain::week};
    }
    case ast::unit::weekend: {
      sys_days const saturday = monday_of(d) + days{5};
      return period{week_value(d) + "-WE", {saturday, saturday + days{1}}, grain::weekend};
    }
    case ast::unit::month: return period{month_value(y, m), {first_of(y, m), last_of(y, m)}, grain::month};
    case ast::unit::quarter: {
      unsigned const q = (m - 1) / 3 + 1;
      return period{year_value(y) + "-Q" + std::to_string(q), quarter_interval(y, q), grain::quarter};
    }
    case ast::unit::half: {
      unsigned const h = m <= 6 ? 1 : 2;
      return period{year_value(y) + "-H" + std::to_string(h), half_interval(y, h), grain::half_year};
    }
    case ast::unit::year: return period{year_value(y), {first_of(y, 1), last_of(y, 12)}, grain::year};
    case ast::unit::decade: {
      int const dec = y / 10;
      return period{std::to_string(dec), {first_of(dec * 10, 1), last_of(dec * 10 + 9, 12)}, grain::decade};
    }
    case ast::unit::century: {
      int const c = y / 100;
      return period{pad(c, 2), {first_of(c * 100, 1), last_of(c * 100 + 99, 12)}, grain::century};
    }
    default: return std::nullopt;
  }
}

// POLICY: a weekday without a date.
//   "last Friday": strictly before the DCT. "next Tuesday": strictly after. "this Friday": the
//   Friday of the DCT's ISO week. Plain "Tuesday": a future clause takes the first on or after the
//   DCT, otherwise the most recent on or before it (news reports what happened; today included).
//   Corpus: fixtures/corpus/en/weekday.jsonl and tests/grammar/weekday_table_test.cpp.
// `tense_of`: the clause's tense, asked only of a plain weekday that is not the DCT's own.
template <typename Tense>
sys_days place_weekday(sys_days dct, unsigned iso_weekday, ast::direction dir, Tense tense_of) {
  date::weekday const target{iso_weekday % 7};  // date::weekday takes Sunday = 0 or 7
  switch (dir) {
    case ast::direction::past: return dct - days{1} - (date::weekday{dct - days{1}} - target);
    case ast::direction::future: return dct + days{1} + (target - date::weekday{dct + days{1}});
    case ast::direction::nearest_this: return monday_of(dct) + days{(iso_weekday + 6) % 7};
    default: break;
  }
  if (target == date::weekday{dct}) return dct;  // the same day, ahead or back
  if (tense_of() == tense::future) return dct + (target - date::weekday{dct});
  return dct - (date::weekday{dct} - target);
}

grain grain_of(ast::unit u) {
  switch (u) {
    case ast::unit::second: case ast::unit::minute: case ast::unit::hour: case ast::unit::day: return grain::day;
    case ast::unit::week: case ast::unit::weekend: case ast::unit::fortnight: return grain::week;
    case ast::unit::month: return grain::month;
    case ast::unit::quarter: return grain::quarter;
    case ast::unit::half: case ast::unit::season: case ast::unit::year: return grain::year;
    default: return grain::century;
  }
}

// POLICY: an anaphoric expression counts from the latest date mentioned before it that is at
//   least as fine as its own unit: "the next day" skips a bare "in 2019" and finds "on Aug. 6";
//   "a year later" may count from either. With none, it falls back to the DCT.
//   Corpus: fixtures/corpus/en/anaphoric.jsonl.
// Only dates and times of at most a year count: a duration that has a position ("three days
// later") or a decade places no event. Null when there is none.
temporal_mention const* anchor_mention(resolve_context const& c, ast::unit u) {
  grain const coarsest = std::min(grain_of(u), grain::year);
  for (auto it = c.history.rbegin(); it != c.history.rend(); ++it) {
    if (it->when && (it->type == timex_type::date || it->type == timex_type::time) && it->granularity <= coarsest) return &*it;
  }
  return nullptr;
}

void date_at(temporal_mention& m, std::string value, day_interval interval, grain g) {
  m.type = timex_type::date;
  m.value = std::move(value);
  m.when = interval;
  m.granularity = g;
}

std::string clock_suffix(ast::expression const& s) {
  if (s.hour >= 0) {
    int h = s.hour;
    if (s.meridiem == 2 && h < 12) h += 12;
    if (s.meridiem == 1 && h == 12) h = 0;
    std::string suffix{"T"};
    suffix += pad(h, 2);
    suffix += ':';
    suffix += pad(s.minute < 0 ? 0 : s.minute, 2);
    return suffix;
  }
  if (s.part_of_day != 0) return std::string{"T"} + part_code(s.part_of_day);
  return {};
}

// Attaches a time of day or part of day to a day-grain mention.
// POLICY: a weekday with "morning", "afternoon" or "night" stays a day ("Friday night" ->
//   2000-01-07), with "evening" it is the TEV time: the TimeML corpora write it so (TBAQ: 10 of 16
//   and 3 of 3). Other parts of day ("this morning", "last night") keep their code.
//   Corpus: fixtures/corpus/en/time.jsonl.
void add_time_of_day(temporal_mention& m, ast::expression const& s) {
  if (s.hour < 0 && s.weekday != 0 && s.part_of_day != 3 && s.month == 0) return;
  std::string const suffix = clock_suffix(s);
  if (suffix.empty()) return;
  m.type = timex_type::time;
  m.value += suffix;
  m.stated |= field::time_of_day;
  m.granularity = s.hour >= 0 ? (s.minute > 0 ? grain::minute : grain::hour) : grain::part_of_day;
}

int expand_two_digit_year(int yy, int dct_year) {
  // POLICY: '98 in 2025 is 1998, '27 in 2025 is 2027: a two-digit year is at most ten years ahead.
  int const century = dct_year / 100 * 100;
  int y = century + yy;
  if (y > dct_year + 10) y -= 100;
  return y;
}

bool resolve_calendar(ast::expression const& s, resolve_context const& c, temporal_mention& m) {
  sys_days const dct = c.dct.day;
  int const dct_year = year_of(dct);
  temporal_mention const* const previous =
      s.anchor_to != ast::anchor::dct ? anchor_mention(c, s.shift_unit == ast::unit::none ? ast::unit::day : s.shift_unit) : nullptr;
  // POLICY: "that day", "that year" point back at a date the text has named ("on Oct. 12 ... that
  //   day"). With none before it, the demonstrative is generic ("on days when prices tumble, trades
  //   made that day"), not the DCT, and is no timex: TBAQ leaves both such "that day" untagged
  //   (2 spurious gone) and tags the 3 that have one ("that year" twice, "Earlier that day").
  //   Corpus: fixtures/corpus/en/anaphoric.jsonl, negative.jsonl.
  if (s.anchor_to == ast::anchor::antecedent && !previous) return false;
  bool const anaphoric = previous != nullptr;
  sys_days const anchor_day = anaphoric ? previous->when->earliest : dct;
  m.anchor = anaphoric ? anchor_kind::previous : anchor_kind::dct;
  if (anaphoric) m.anchor_value = previous->value;

  switch (s.reading) {
    case ast::special::the_quarter:
    case ast::special::latest_quarter:
    case ast::special::year_ago: {
      // "the quarter" is the quarter being discussed, else the one just closed; "the year-ago
      // quarter" is that quarter one year back.
      if (s.reading == ast::special::the_quarter && s.month != 0) {
        // POLICY: "the quarter ended July 31" is the calendar quarter that holds most of its three
        //   months, the one of its middle month (May-July: 1989-Q2, as TBAQ has it), in the latest
        //   such year ended by the DCT. A numbered fiscal quarter ("the fourth quarter ended Sept.
        //   30") keeps its number (another rule). On TBAQ 1 more right; the others of 5 gold
        //   writes 1989-QX or P1Q.
        int const end_year = first_of(dct_year, s.month) <= dct ? dct_year : dct_year - 1;
        year_month_day const middle = year_month_day{first_of(end_year, s.month)} - months{1};  // always ok(): a first of month
        auto const p = period_of(sys_days{middle}, ast::unit::quarter);
        date_at(m, p->value, p->interval, p->g);
        return true;
      }
      sys_days base = dct - days{0};
      bool const have_quarter = c.discussed_quarter && c.discussed_quarter->when && s.reading != ast::special::latest_quarter;
      base = have_quarter ? c.discussed_quarter->when->earliest : add_units(dct, ast::unit::quarter, -1);
      if (s.reading == ast::special::year_ago && s.quarter != 0) {
        // "the year-ago third quarter": the latest third quarter begun by the DCT, one year back.
        int const y = quarter_interval(dct_year, s.quarter).earliest <= dct ? dct_year : dct_year - 1;
        auto const p = period_of(quarter_interval(y - 1, s.quarter).earliest, ast::unit::quarter);
        date_at(m, p->value, p->interval, p->g);
        return true;
      }
      if (s.reading == ast::special::year_ago) {
        // "the year-ago results" after "the nine months": the previous year (year_to_date's POLICY).
        if (!have_quarter || (c.year_to_date && !s.period_named)) {
          auto const p = period_of(add_units(dct, ast::unit::year, -1), ast::unit::year);
          date_at(m, p->value, p->interval, p->g);
          return true;
        }
        base = add_units(base, ast::unit::year, -1);
      }
      auto const p = period_of(base, ast::unit::quarter);
      date_at(m, p->value, p->interval, p->g);
      m.anchor = have_quarter ? anchor_kind::previous : anchor_kind::dct;
      if (have_quarter) m.anchor_value = c.discussed_quarter->value;
      return true;
    }
    case ast::special::the_weekend: {
      // POLICY: "the weekend" is the one just past on a weekday DCT (news of Monday reports the
      //   weekend), the current one on a Saturday or Sunday, the coming one in a future clause.
      date::weekday const wd{dct};
      sys_days saturday = monday_of(dct) + days{5};
      bool const in_weekend = wd == date::Saturday || wd == date::Sunday;
      if (!in_weekend && c.clause_tense() != tense::future) saturday -= days{7};
      auto const p = period_of(saturday, ast::unit::weekend);
      date_at(m, p->value, p->interval, p->g);
      return true;
    }
    case ast::special::year_period: {
      // "the 1988 quarter": the quarter being discussed, in that year; else (or after "the nine
      // months") the year itself.
      if (c.discussed_quarter && c.discussed_quarter->when && !c.year_to_date) {
        unsigned const q = (month_of(c.discussed_quarter->when->earliest) - 1) / 3 + 1;
        date_at(m, year_value(s.year) + "-Q" + std::to_string(q), quarter_interval(s.year, q), grain::quarter);
        m.anchor = anchor_kind::previous;
        m.anchor_value = c.discussed_quarter->value;
      } else {
        date_at(m, year_value(s.year), {first_of(s.year, 1), last_of(s.year, 12)}, grain::year);
        m.anchor = anchor_kind::none;
      }
      return true;
    }
    case ast::special::none: break;
  }

  int year = s.year;
  if (year >= 0 && s.two_digit_year) year = expand_two_digit_year(year, dct_year);
  if (year >= 0) m.stated |= field::year;

  // Year given as "last year"/"this year" with a month, quarter, half or season.
  bool const shifted_year = s.has_shift && s.shift_unit == ast::unit::year;
  if (year < 0 && shifted_year) {
    year = year_of(anchor_day) + s.shift;
  }

  // Deictic days and relative periods: "yesterday", "last week", "this month", "Tuesday next week".
  if (s.has_shift && !shifted_year) {
    if (s.shift_unit == ast::unit::week && s.weekday != 0) {
      sys_days const monday = monday_of(add_units(anchor_day, ast::unit::week, s.shift));
      sys_days const d = monday + days{s.weekday - 1};
      date_at(m, day_value(d), {d, d}, grain::day);
      m.stated |= field::weekday;
      m.implied |= field::year | field::month | field::day;
    } else {
      ast::unit const u = s.weekend ? ast::unit::weekend : s.shift_unit;
      auto const p = period_of(add_units(anchor_day, u, s.shift), u);
      if (!p) return false;
      date_at(m, p->value, p->interval, p->g);
      m.implied |= field::year;
    }
    if (s.mod != ast::modifier::none) {
      m.when = apply_mod(*m.when, s.mod, m.granularity, dct);
      m.mod = mod_text(s.mod);
    }
    add_time_of_day(m, s);
    if (!anaphoric && s.anchor_to == ast::anchor::previous) m.anchor = anchor_kind::dct;
    return true;
  }

  // Absolute day: year, month and day.
  if (s.month != 0 && s.day != 0) {
    bool year_stated = year >= 0;
    if (!year_stated) {
      auto const y = pick_year(dct_year, dct, [&] { return c.clause_tense(); }, [&](int cy) -> std::optional<day_interval> {
        year_month_day const ymd{date::year{cy} / date::month{s.month} / date::day{s.day}};
        // "Monday, Oct. 26": the year in which the weekday matches.
        if (s.weekday != 0 && ymd.ok() && date::weekday{sys_days{ymd}} != date::weekday{s.weekday % 7}) return std::nullopt;
        if (!ymd.ok()) return std::nullopt;
        return day_interval{sys_days{ymd}, sys_days{ymd}};
      });
      if (!y) return false;
      year = *y;
      m.implied |= field::year;
    }
    year_month_day const ymd{date::year{year} / date::month{s.month} / date::day{s.day}};
    if (!ymd.ok()) return false;
    sys_days const d = sys_days{ymd} + days{s.day_offset};
    if (s.week_of) date_at(m, week_value(d), {monday_of(d), monday_of(d) + days{6}}, grain::week);
    else date_at(m, day_value(d), {d, d}, grain::day);
    m.stated |= field::month | field::day;
    if (s.weekday != 0) m.stated |= field::weekday;
    m.anchor = year_stated ? anchor_kind::none : anchor_kind::dct;
    add_time_of_day(m, s);
    return true;
  }

  // A weekday alone, or with last/next/this.
  if (s.weekday != 0) {
    // Only a plain weekday is placed by the tense of its clause: "last Friday" reads none.
    sys_days const d = place_weekday(anchor_day, s.weekday, s.dir, [&] { return c.clause_tense(); }) + days{s.day_offset};
    date_at(m, day_value(d), {d, d}, grain::day);
    m.stated |= field::weekday;
    m.implied |= field::year | field::month | field::day;
    add_time_of_day(m, s);
    return true;
  }

  // POLICY: a clock time alone is on the day of the latest day mentioned before it, else on the
  //   DCT: "the blast occurred Friday ... at 10:35 a.m." (news tells an event's day once; TBAQ: 4
  //   of 7 bare clock times right, against 3 with the DCT always). Corpus: fixtures/corpus/en/time.jsonl.
  if (s.hour >= 0 || s.part_of_day != 0) {
    sys_days day = anchor_day;
    if (!anaphoric) {
      auto const last = anchor_mention(c, ast::unit::day);
      if (last && last->granularity == grain::day) day = last->when->earliest;
    }
    date_at(m, day_value(day), {day, day}, grain::day);
    m.implied |= field::year | field::month | field::day;
    add_time_of_day(m, s);
    return true;
  }

  // Sub-year periods: month, quarter, half, season. Their year is stated, shifted or picked.
  //   "last June" is the latest June strictly before the DCT; "next June" the first after it.
  auto place = [&](auto interval_of, field stated, default_year fallback = default_year::within_120_days) -> std::optional<int> {
    m.stated |= stated;
    if (year >= 0) return year;
    m.implied |= field::year;
    if (s.dir == ast::direction::past || s.dir == ast::direction::future) {
      // "last June": the latest June strictly before the DCT's month; "next June" the first after.
      for (int y = dct_year + (s.dir == ast::direction::past ? 0 : 0); y >= dct_year - 1 && y <= dct_year + 1;) {
        day_interval const i = interval_of(y);
        if (s.dir == ast::direction::past && i.latest < dct) return y;
        if (s.dir == ast::direction::future && i.earliest > dct) return y;
        y += s.dir == ast::direction::past ? -1 : 1;
      }
      return std::nullopt;
    }
    if (s.dir == ast::direction::nearest_this) {
      // "this winter" in January is the winter that began in December.
      for (int y = dct_year - 1; y <= dct_year; ++y) {
        if (distance(interval_of(y), dct) == 0) return y;
      }
      return dct_year;
    }
    return pick_year(dct_year, dct, [&] { return c.clause_tense(); }, [&](int cy) -> std::optional<day_interval> { return interval_of(cy); }, fallback);
  };

  if (s.holiday != 0) {
    auto const interval_of = [&](int cy) {
      sys_days const d = *holiday_in(s.holiday, cy);
      return s.week_of ? day_interval{monday_of(d), monday_of(d) + days{6}} : day_interval{d, d};
    };
    auto const y = place(interval_of, field::day, default_year::nearest);
    if (!y) return false;
    sys_days const d = *holiday_in(s.holiday, *y);
    if (s.week_of) date_at(m, week_value(d), interval_of(*y), grain::week);
    else date_at(m, day_value(d), {d, d}, grain::day);
    if (year >= 0) m.anchor = anchor_kind::none;
    return true;
  }

  std::optional<day_interval> whole;
  grain g = grain::year;
  std::string value;
  if (s.month != 0) {
    auto const y = place([&](int cy) { return day_interval{first_of(cy, s.month), last_of(cy, s.month)}; }, field::month);
    if (!y) return false;
    whole = day_interval{first_of(*y, s.month), last_of(*y, s.month)};
    g = grain::month;
    value = month_value(*y, s.month);
  } else if (s.quarter != 0) {
    // POLICY: a quarter without a year is the latest such quarter that has begun by the DCT ("the
    //   fourth quarter" said in January 1998 is 1997-Q4), whatever the tense: "expects
    //   third-quarter earnings" said in October is about the quarter just closed.
    // A future clause still looks ahead when the latest begun quarter is neither the current one
    // nor the one just closed ("expects sales to recover in the second quarter" in February).
    // A lambda: only a quarter without a year or a direction reads the clause.
    auto const quarter_tense = [&] {
      if (c.clause_tense() != tense::future) return tense::past;
      sys_days const current_start = first_of(dct_year, (month_of(dct) - 1) / 3 * 3 + 1);
      int const latest_year = quarter_interval(dct_year, s.quarter).earliest <= dct ? dct_year : dct_year - 1;
      sys_days const latest_start = quarter_interval(latest_year, s.quarter).earliest;
      return latest_start < add_units(current_start, ast::unit::quarter, -1) ? tense::future : tense::past;
    };
    auto const y = year >= 0 || s.dir != ast::direction::unspecified
                       ? place([&](int cy) { return quarter_interval(cy, s.quarter); }, field::quarter)
                       : (m.stated |= field::quarter, m.implied |= field::year,
                          // by_tense: the 120-day look-ahead of month names would make "the fiscal first
                          // quarter" said in October next year's (TBAQ: 1989-Q1, 3 of 3).
                          pick_year(dct_year, dct, quarter_tense,
                                    [&](int cy) -> std::optional<day_interval> { return quarter_interval(cy, s.quarter); }, default_year::by_tense));
    if (!y) return false;
    whole = quarter_interval(*y, s.quarter);
    g = grain::quarter;
    value = year_value(*y) + "-Q" + std::to_string(s.quarter);
  } else if (s.half != 0) {
    // As a quarter: "the first half" reported in November is this year's, not next year's.
    auto const y = year >= 0 || s.dir != ast::direction::unspecified
                       ? place([&](int cy) { return half_interval(cy, s.half); }, field::half)
                       : (m.stated |= field::half, m.implied |= field::year,
                          pick_year(dct_year, dct, [&] { return c.clause_tense() == tense::future ? tense::future : tense::past; },
                                    [&](int cy) -> std::optional<day_interval> { return half_interval(cy, s.half); }, default_year::by_tense));
    if (!y) return false;
    whole = half_interval(*y, s.half);
    g = grain::half_year;
    value = year_value(*y) + "-H" + std::to_string(s.half);
  } else if (s.season != 0) {
    auto const y = place([&](int cy) { return season_interval(cy, s.season); }, field::season, default_year::by_tense);
    if (!y) return false;
    whole = season_interval(*y, s.season);
    g = grain::season;
    value = year_value(*y) + "-" + season_code(s.season);
  } else if (year >= 0) {
    whole = day_interval{first_of(year, 1), last_of(year, 12)};
    g = grain::year;
    value = year_value(year);
  } else if (s.decade >= 0) {
    int decade = s.decade;
    if (s.two_digit_year) {
      // POLICY: "the '90s" is the latest such decade that has begun by the DCT.
      decade = dct_year / 100 * 10 + s.decade;
      if (decade * 10 > dct_year) decade -= 10;
    }
    whole = day_interval{first_of(decade * 10, 1), last_of(decade * 10 + 9, 12)};
    g = grain::decade;
    value = std::to_string(decade);
    m.stated |= field::decade;
  } else if (s.century >= 0) {
    whole = day_interval{first_of(s.century * 100, 1), last_of(s.century * 100 + 99, 12)};
    g = grain::century;
    value = pad(s.century, 2);
    m.stated |= field::century;
  } else {
    return false;
  }
  date_at(m, std::move(value), *whole, g);
  if (m.implied.empty() && !shifted_year) m.anchor = anchor_kind::none;
  if (s.mod != ast::modifier::none) {
    m.when = apply_mod(*whole, s.mod, g, dct);
    m.mod = mod_text(s.mod);
  }
  return true;
}

std::string duration_value(ast::expression const& s) {
  if (s.count_unknown) {
    switch (s.count_unit) {
      case ast::unit::second: return "PTXS";
      case ast::unit::minute: return "PTXM";
      case ast::unit::hour: return "PTXH";
      case ast::unit::day: return "PXD";
      case ast::unit::week: case ast::unit::fortnight: return "PXW";
      case ast::unit::month: return "PXM";
      case ast::unit::quarter: return "PXQ";
      case ast::unit::year: return "PXY";
      case ast::unit::decade: return "PXY";
      case ast::unit::century: return "PXY";
      default: return "PX";
    }
  }
  double n = s.count;
  ast::unit u = s.count_unit;
  // A whole part and a half, as the TimeML corpora write it: 2 1/2 years = P2Y6M, 5 1/2 hours = PT5H30M.
  if (n > 1 && n - std::floor(n) == 0.5) {
    long long const whole = static_cast<long long>(std::floor(n));
    switch (u) {
      case ast::unit::year: return designated("P", whole, "Y6M");
      case ast::unit::day: return designated("P", whole, "DT12H");
      case ast::unit::hour: return designated("PT", whole, "H30M");
      case ast::unit::minute: return designated("PT", whole, "M30S");
      default: break;
    }
  }
  // Other fractions move to the next smaller unit so values stay integral: 1.5 months = P45D.
  if (n != std::floor(n)) {
    switch (u) {
      case ast::unit::year: n *= 12; u = ast::unit::month; break;
      case ast::unit::month: n *= 30; u = ast::unit::day; break;
      case ast::unit::week: n *= 7; u = ast::unit::day; break;
      case ast::unit::day: n *= 24; u = ast::unit::hour; break;
      case ast::unit::hour: n *= 60; u = ast::unit::minute; break;
      case ast::unit::minute: n *= 60; u = ast::unit::second; break;
      default: break;
    }
  }
  long long const count = std::llround(n);
  switch (u) {
    case ast::unit::second: return designated("PT", count, "S");
    case ast::unit::minute: return designated("PT", count, "M");
    case ast::unit::hour: return designated("PT", count, "H");
    case ast::unit::day: return designated("P", count, "D");
    case ast::unit::week: return designated("P", count, "W");
    case ast::unit::fortnight: return designated("P", 2 * count, "W");
    case ast::unit::weekend: return designated("P", count, "WE");
    case ast::unit::month: return designated("P", count, "M");
    // ISO 8601 designators only, as the TimeML corpora write them: quarters in months, decades
    // and centuries in years ("two decades" = P20Y).
    case ast::unit::quarter: return designated("P", 3 * count, "M");
    case ast::unit::half: return designated("P", 6 * count, "M");
    case ast::unit::year: return designated("P", count, "Y");
    case ast::unit::decade: return designated("P", 10 * count, "Y");
    case ast::unit::century: return designated("P", 100 * count, "Y");
    default: return designated("P", count, "");
  }
}

bool resolve_duration(ast::expression const& s, resolve_context const& c, temporal_mention& m) {
  m.type = timex_type::duration;
  m.value = duration_value(s);
  m.mod = mod_text(s.mod);
  m.granularity = grain::unspecified;
  m.anchor = anchor_kind::none;
  long long const n = s.count_unknown ? 0 : std::llround(s.count);
  if (s.anchor_to == ast::anchor::previous && n > 0 && s.count_unit >= ast::unit::day && s.count_unit <= ast::unit::century) {
    // "[three days] later": TimeML tags the length; the engine still needs the time it points at,
    //   at the unit's grain (days and weeks to the day, months to the month).
    auto const previous = anchor_mention(c, s.count_unit);
    sys_days const from = previous ? previous->when->earliest : c.dct.day;
    sys_days const target = add_units(from, s.count_unit, s.dir == ast::direction::past ? -n : n);
    ast::unit const u = s.count_unit <= ast::unit::week || s.count_unit == ast::unit::fortnight ? ast::unit::day : s.count_unit;
    auto const p = period_of(target, u);
    m.when = p->interval;
    m.granularity = p->g;
    m.anchor = previous ? anchor_kind::previous : anchor_kind::dct;
    if (previous) m.anchor_value = previous->value;
    return true;
  }
  if ((s.span_past || s.span_future) && n > 0 && s.count == std::floor(s.count) && s.count_unit >= ast::unit::day) {
    sys_days const dct = c.dct.day;
    m.anchor = anchor_kind::dct;
    m.granularity = grain::day;
    if (s.span_past) m.when = day_interval{add_units(dct, s.count_unit, -n), dct};
    else m.when = day_interval{dct, add_units(dct, s.count_unit, n)};
  }
  return true;
}

bool resolve_offset(ast::expression const& s, resolve_context const& c, temporal_mention& m) {
  temporal_mention const* const previous = s.anchor_to == ast::anchor::previous ? anchor_mention(c, s.count_unit) : nullptr;
  bool const anaphoric = previous != nullptr;
  sys_days const anchor_day = anaphoric ? previous->when->earliest : c.dct.day;
  m.anchor = anaphoric ? anchor_kind::previous : anchor_kind::dct;
  if (anaphoric) m.anchor_value = previous->value;
  m.implied = field::year | field::month | field::day;
  if (s.count_unknown) {
    m.type = timex_type::date;
    m.value = s.dir == ast::direction::future ? "FUTURE_REF" : "PAST_REF";
    m.granularity = grain::unspecified;
    return true;
  }
  long long const n = std::llround(s.count) * (s.dir == ast::direction::future ? 1 : -1);
  if (s.count_unit == ast::unit::year && n == -1 && c.year_to_date) {
    // "net for the nine months rose from $2 million a year earlier": the previous year, whatever
    //   date the text named last (year_to_date's POLICY).
    auto const p = period_of(add_units(c.dct.day, ast::unit::year, -1), ast::unit::year);
    m.type = timex_type::date;
    m.value = p->value;
    m.when = p->interval;
    m.granularity = p->g;
    m.anchor = anchor_kind::dct;
    m.anchor_value.clear();
    return true;
  }
  if (s.count_unit == ast::unit::year && n == -1 && c.discussed_quarter && c.discussed_quarter->when) {
    // POLICY: "a year ago/earlier" in a text that has been talking about a quarter is that quarter
    //   a year back ("profit rose from $3 million a year ago" -> 1988-Q3): 60% on TBAQ, where "the
    //   previous year" alone gets 11%.
    auto const p = period_of(add_units(c.discussed_quarter->when->earliest, ast::unit::year, -1), ast::unit::quarter);
    m.type = timex_type::date;
    m.value = p->value;
    m.when = p->interval;
    m.granularity = p->g;
    m.anchor = anchor_kind::previous;
    m.anchor_value = c.discussed_quarter->value;
    return true;
  }
  if (s.count_unit <= ast::unit::hour) {
    // "two hours ago": the DCT's day at TIME granularity; without a DCT time the day is all we know.
    m.type = timex_type::date;
    m.value = day_value(anchor_day);
    m.when = day_interval{anchor_day, anchor_day};
    m.granularity = grain::day;
    return true;
  }
  sys_days const target = add_units(anchor_day, s.count_unit, n);
  // "N weeks ago" names a week of the calendar; "a week earlier" (anaphoric) a day.
  ast::unit const u = s.count_unit == ast::unit::fortnight ? ast::unit::week
                      : anaphoric && s.count_unit == ast::unit::week ? ast::unit::day : s.count_unit;
  auto const p = period_of(target, u);
  if (!p) return false;
  m.type = timex_type::date;
  m.value = p->value;
  m.when = p->interval;
  m.granularity = p->g;
  m.mod = mod_text(s.mod);
  return true;
}

bool resolve_set(ast::expression const& s, temporal_mention& m) {
  m.type = timex_type::set;
  m.granularity = grain::unspecified;
  if (s.every) m.quant = "EVERY";
  if (s.each) m.quant = "EACH";
  if (s.times != 0) m.freq = std::to_string(s.times) + "X";
  if (s.weekday != 0) {
    m.value = "XXXX-WXX-" + std::to_string(s.weekday) + clock_suffix(s);
    return true;
  }
  if (s.part_of_day != 0) {
    m.value = std::string{"XXXX-XX-XXT"} + part_code(s.part_of_day);
    return true;
  }
  if (s.season != 0) {
    m.value = std::string{"XXXX-"} + season_code(s.season);
    return true;
  }
  if (s.month != 0) {
    m.value = "XXXX-" + pad(s.month, 2);
    return true;
  }
  ast::expression one = s;
  if (one.count <= 0) one.count = 1;
  one.count_unknown = false;
  m.value = duration_value(one);
  return true;
}

}  // namespace

tense resolve_context::clause_tense() const {
  if (!clause_tense_cache) clause_tense_cache = text != nullptr ? text->clause_tense(span_begin, span_end) : tense::none;
  return *clause_tense_cache;
}

// POLICY: a results report that turns from the quarter to "the nine months" or "the first six
//   months" compares those with the same months of the previous year, and TimeBank tags "a year
//   earlier", "the year-ago results" and "the 1988 period" there as that year (TBAQ: 7 of 9, where
//   the discussed quarter a year back gets 2). A quarter named again ends it. Only the
//   year-to-date spans of a report count: "the [first|latest] six|nine months" ("jailed for six
//   months" is no period of a report, "the past six months" ends at the DCT, not at a quarter's
//   end). Corpus: fixtures/corpus/en/anaphoric.jsonl.
bool opens_year_to_date(temporal_mention const& m, std::string_view said) {
  if (m.type != timex_type::duration || !(m.value == "P6M" || m.value == "P9M")) return false;
  for (std::string_view const opening : {"the first ", "the latest ", "the "}) {
    if (!said.starts_with(opening)) continue;
    std::string_view const count = said.substr(opening.size());
    return count.starts_with("six ") || count.starts_with("nine ") || count.starts_with("6 ") || count.starts_with("9 ");
  }
  return false;
}

bool resolve(ast::expression const& said, resolve_context const& context, temporal_mention& m) {
  bool placed = false;
  switch (said.what) {
    case ast::kind::calendar:
    case ast::kind::relative: placed = resolve_calendar(said, context, m); break;
    case ast::kind::offset: placed = resolve_offset(said, context, m); break;
    case ast::kind::duration: placed = resolve_duration(said, context, m); break;
    case ast::kind::set: placed = resolve_set(said, m); break;
    case ast::kind::reference:
      m.type = timex_type::date;
      m.value = said.ref == ast::reference::present ? "PRESENT_REF" : said.ref == ast::reference::past ? "PAST_REF" : "FUTURE_REF";
      m.granularity = grain::unspecified;
      m.anchor = anchor_kind::dct;
      placed = true;
      break;
    case ast::kind::none: break;
  }
  if (placed) m.rule = said.rule;
  return placed;
}

}  // namespace timeline::grammar
