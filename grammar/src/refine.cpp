// SPDX-License-Identifier: MIT
#include "refine.hpp"

#include <timeline/grammar/detail/ascii.hpp>

#include <algorithm>
#include <charconv>
#include <string>

namespace timeline::grammar {
namespace {
// The text is the grammar's ASCII view (extract.cpp): plain ASCII tests do, without the C
// library's calls at every character.
using timeline::detail::ascii::is_digit;
using timeline::detail::ascii::is_letter;
using timeline::detail::ascii::is_lower;
using timeline::detail::ascii::to_lower;
constexpr bool is_alnum(char c) { return is_letter(c) || is_digit(c); }

// Keeps the output sorted and free of overlaps whatever a family returns: the scanner resumes
// after each match, but a mention whose span starts after a skipped prefix could still touch the
// previous one.
void drop_overlaps(std::vector<temporal_mention>& mentions, std::string_view, extract_options const& options) {
  // The scan finds mentions in text order, so checking is nearly always enough: a stable sort
  // would move every mention through a buffer.
  auto const by_begin = [](auto const& a, auto const& b) { return a.begin < b.begin; };
  if (!std::is_sorted(mentions.begin(), mentions.end(), by_begin)) std::stable_sort(mentions.begin(), mentions.end(), by_begin);
  std::size_t kept = 0;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    if (kept > 0 && mentions[k].begin < mentions[kept - 1].end) {
      if (options.trace) options.trace("overlap: dropped " + mentions[k].value);
      continue;
    }
    if (kept != k) mentions[kept] = std::move(mentions[k]);
    ++kept;
  }
  mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(kept), mentions.end());
}

// A mention a refiner adds, to go before the one now at index `before`.
struct addition {
  std::size_t before;
  temporal_mention mention;
};

// Puts `additions` (in increasing `before` order) into `mentions` in one pass: a text full of
// elliptical pairs stays linear, where an insert at each would move the rest of the list each time.
void insert_additions(std::vector<temporal_mention>& mentions, std::vector<addition>& additions) {
  if (additions.empty()) return;
  std::vector<temporal_mention> merged;
  merged.reserve(mentions.size() + additions.size());
  auto next = additions.begin();
  for (std::size_t k = 0; k <= mentions.size(); ++k) {
    for (; next != additions.end() && next->before == k; ++next) merged.push_back(std::move(next->mention));
    if (k < mentions.size()) merged.push_back(std::move(mentions[k]));
  }
  mentions = std::move(merged);
}

// "June 12 and 13", "April 24-25": the second day of an elliptical pair is a date of its own, in
// the month (and year) of the first, as the TimeML corpora tag it ("April 24 and [25]").
void elliptical_days(std::vector<temporal_mention>& mentions, std::string_view text, extract_options const& options) {
  std::vector<addition> additions;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    temporal_mention const& m = mentions[k];
    if (m.granularity != grain::day || !m.when || !(m.rule == std::string_view{"month_day"} || m.rule == std::string_view{"month_day_year"})) continue;
    std::size_t i = m.end;
    auto skip_spaces = [&] { while (i < text.size() && text[i] == ' ') ++i; };
    skip_spaces();
    bool joined = false;
    for (std::string_view joiner : {"and", "or", "to", "through", "-", "\xE2\x80\x93"}) {
      if (text.substr(i, joiner.size()) == joiner && (joiner.size() < 2 || i + joiner.size() >= text.size() || !is_alnum(text[i + joiner.size()]))) {
        i += joiner.size();
        joined = true;
        break;
      }
    }
    if (!joined) continue;
    skip_spaces();
    std::size_t const begin = i;
    unsigned day = 0;
    while (i < text.size() && is_digit(text[i]) && i - begin < 2) day = day * 10 + unsigned(text[i++] - '0');
    if (i == begin) continue;
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
      if (text.substr(i, 2) == suffix) {
        i += 2;
        break;
      }
    }
    // Not "June 12 and 13 people", "June 12 and 13 July", "June 12 to 2024".
    std::size_t after = i;
    if (after < text.size() && is_alnum(text[after])) continue;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size() && is_alnum(text[after]) &&
        !is_lower(text[after])) continue;
    if (k + 1 < mentions.size() && mentions[k + 1].begin < i) continue;
    date::year_month_day const first{m.when->earliest};
    date::year_month_day const second{first.year() / first.month() / date::day{day}};
    if (!second.ok() || second.day() <= first.day()) continue;
    temporal_mention e = m;
    e.begin = begin;
    e.end = i;
    date::sys_days const d{second};
    e.when = day_interval{d, d};
    e.value = m.value.substr(0, m.value.size() - 2) + (day < 10 ? "0" : "") + std::to_string(day);
    e.rule = "elliptical_day";
    if (options.trace) options.trace("elliptical day " + e.value);
    additions.push_back({k + 1, std::move(e)});
  }
  insert_additions(mentions, additions);
}

// POLICY: "last seen Nov. 3, the day before authorities issued a warrant", "eight trading days
//   after Oct. 12, the day before the plunge": "the day before/after X" set off by a comma right
//   after a date restates that date, placed by the event X; it is not the day before the date
//   (TBAQ tags wsj_0585's "the day" as Oct. 12 itself; of 2 such appositions none is the day
//   before). Without a complement ("On Aug. 6, the day before, ...") it stays anaphoric.
//   Corpus: fixtures/corpus/en/anaphoric.jsonl.
void appositive_days(std::vector<temporal_mention>& mentions, std::string_view text, extract_options const& options) {
  for (std::size_t k = 1; k < mentions.size(); ++k) {
    temporal_mention& m = mentions[k];
    temporal_mention const& date = mentions[k - 1];
    if (m.rule != std::string_view{"anaphoric_day"} || date.granularity != grain::day || !date.when) continue;
    std::size_t i = date.end;
    if (i >= text.size() || text[i] != ',') continue;
    ++i;
    while (i < m.begin && text[i] == ' ') ++i;
    if (i != m.begin) continue;
    std::size_t after = m.end;
    while (after < text.size() && text[after] == ' ') ++after;
    if (after >= text.size() || !is_letter(text[after])) continue;
    m.value = date.value;
    m.when = date.when;
    m.anchor_value = date.value;
    if (options.trace) options.trace("appositive day " + m.value);
  }
}

// The count of a number written in digits or as a word from one to twenty, tens to ninety; 0 if none.
int count_of(std::string_view w) {
  if (w.empty()) return 0;
  if (std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c); })) {
    int n = 0;
    return w.size() <= 4 && std::from_chars(w.data(), w.data() + w.size(), n).ec == std::errc{} ? n : 0;
  }
  static constexpr std::string_view words[] = {"one",     "two",     "three",     "four",     "five",    "six",     "seven",
                                               "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen", "fourteen",
                                               "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  // The longest word below has nine letters: lowered on the stack, not in a string.
  if (w.size() > 9) return 0;
  char buffer[9];
  for (std::size_t i = 0; i < w.size(); ++i) buffer[i] = to_lower(w[i]);
  std::string_view const lower{buffer, w.size()};
  for (int i = 0; i < 20; ++i) {
    if (lower == words[i]) return i + 1;
  }
  static constexpr std::string_view tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 7; ++i) {
    if (lower == tens[i]) return 30 + 10 * i;
  }
  return 0;
}

// POLICY: "two to three weeks", "five or six days": the first count of a range is a length of its
//   own in the second's unit, "[two] to [three weeks]", as TimeML annotates ranges (two TIMEX3s)
//   and as TBAQ does in "between [two] to [six days]". On TBAQ, 2 more values right ("two"
//   P2D, "two" P2W where gold joins the range) and 3 more timexes. Only simple values (P3W, PT5H)
//   whose count is the one written: "two to three decades" (P30Y) is left alone.
//   Corpus: fixtures/corpus/en/duration.jsonl.
void elliptical_durations(std::vector<temporal_mention>& mentions, std::string_view text, extract_options const& options) {
  std::vector<addition> additions;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    temporal_mention const& m = mentions[k];
    if (m.type == timex_type::duration && m.mod.empty() && m.value.size() >= 3 && m.value[0] == 'P') {
      std::size_t const digits = m.value[1] == 'T' ? 2 : 1;
      std::size_t u = digits;
      while (u < m.value.size() && is_digit(m.value[u])) ++u;
      // The span's first word is the count of the second end: "three weeks".
      std::size_t w = m.begin;
      while (w < m.end && is_alnum(text[w])) ++w;
      bool const simple = u > digits && u + 1 == m.value.size() && is_letter(m.value[u]);
      int said = 0;  // the count in the value; 0 when it has more than four digits
      if (simple && u - digits <= 4) std::from_chars(m.value.data() + digits, m.value.data() + u, said);
      if (said > 0 && count_of(text.substr(m.begin, w - m.begin)) == said) {
        // Back over " to ", " or ", "-" to the first count.
        std::size_t i = m.begin;
        while (i > 0 && text[i - 1] == ' ') --i;
        std::size_t j = i;
        while (j > 0 && is_letter(text[j - 1])) --j;
        std::string_view const joiner = text.substr(j, i - j);
        if ((joiner == "to" || joiner == "or") && j > 0 && text[j - 1] == ' ') {
          std::size_t e = j - 1;
          while (e > 0 && text[e - 1] == ' ') --e;
          std::size_t b = e;
          while (b > 0 && is_alnum(text[b - 1])) --b;
          int const first = count_of(text.substr(b, e - b));
          bool const free = k == 0 || mentions[k - 1].end <= b;
          if (first > 0 && free && (b == 0 || !is_alnum(text[b - 1]))) {
            temporal_mention e1 = m;
            e1.begin = b;
            e1.end = e;
            e1.value = m.value.substr(0, digits) + std::to_string(first) + m.value.substr(u);
            e1.rule = "elliptical_duration";
            e1.when.reset();  // "the next [12] to 18 months": the interval was the second end's
            e1.granularity = grain::unspecified;
            e1.anchor = anchor_kind::none;
            if (options.trace) options.trace("elliptical duration " + e1.value);
            additions.push_back({k, std::move(e1)});
          }
        }
      }
    }
  }
  insert_additions(mentions, additions);
}

using refiner = void (*)(std::vector<temporal_mention>&, std::string_view, extract_options const&);
constexpr refiner refiners[] = {
    drop_overlaps,    // first: everything after may assume sorted, disjoint spans
    elliptical_days,  // adds the second day of "June 12 and 13" after a kept first day
    appositive_days,  // after elliptical_days: a second day of a pair can be the date restated
    elliptical_durations,  // adds the first count of "two to three weeks"; keeps the order sorted
};

}  // namespace

void refine(std::vector<temporal_mention>& mentions, std::string_view text, extract_options const& options) {
  for (refiner r : refiners) r(mentions, text, options);
}

}  // namespace timeline::grammar
