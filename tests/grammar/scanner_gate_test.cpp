// SPDX-License-Identifier: MIT
//
// A randomized property test of the scanner's gate (grammar/src/dispatch.cpp): for every text,
// extract() with the gate must give exactly what it gives with every production tried at every
// word start (extract_options::try_every_production). The corpus checks (corpus_test.cpp) hold
// the gate to the same promise on well-formed news text; the gate's shortcuts (the FIRST and
// second sets read off the X3 types, the stems, the hand-written look at what follows a number or
// a function word) are most likely to break on text no corpus has: a unit after a tab, a number
// before "more", "midmorning" written as one word. So the texts here are short runs of the
// grammar's own words, numbers in every shape the rules read, and punctuation, glued and cased
// in ways the gate has to guess about.
//
// The seed is fixed, so a failure reproduces. TIMELINE_GATE_SEED and TIMELINE_GATE_TEXTS override
// the seed and the number of texts for a longer hunt; a failure prints the text as a C++ literal,
// its seed and iteration, and both results.
#include <array>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <date/date.h>

#include <timeline/grammar/extract.hpp>

#include "support/build.hpp"

namespace timeline::grammar {
namespace {

using namespace date::literals;
using namespace std::chrono_literals;

// ---- the vocabulary ------------------------------------------------------------------------------

// Words and phrases the productions read, written as the rules spell them; the generator cases
// them and glues suffixes to them.
constexpr std::string_view grammar_words[] = {
    // months and weekdays, full, short and with the period that makes an abbreviation a date
    "january", "jan", "jan.", "feb.", "march", "mar.", "april", "may", "june", "jul.", "august", "aug", "sept.", "sept", "sep.",
    "october", "dec.", "monday", "mon.", "tuesday", "tues", "tues.", "tue", "wed.", "wednesday", "thu", "thurs.", "thursday",
    "friday", "fri.", "saturday", "sat.", "sunday", "sun",
    // numbers and ordinals in words
    "one", "two", "three", "five", "ten", "twelve", "twenty", "twenty-one", "twenty one", "ninety-six", "nineteen", "eighteen",
    "two thousand", "a hundred", "a dozen", "dozen", "a couple of", "a couple", "couple of", "a half", "half a", "half an",
    "one and a half", "two and a half", "several", "a few", "few", "many", "a number of", "first", "second", "third", "fourth",
    "tenth", "twentieth", "twenty-first", "thirty-first", "thirtieth", "twenties", "nineties",
    // units
    "sec", "seconds", "min", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "fortnight",
    "fortnights", "month", "months", "quarter", "quarters", "year", "years", "yr", "decade", "decades", "century", "centuries",
    "weekend", "period",
    // clock times
    "a.m.", "a.m", "am", "p.m.", "pm", "o'clock", "noon", "midnight", "midday", "est", "gmt", "utc", "local time",
    // parts of day
    "morning", "afternoon", "evening", "night", "overnight", "mornings", "nights", "evenings", "mid-morning", "midmorning",
    "mid morning", "midafternoon", "mid-afternoon", "tonight",
    // holidays
    "christmas", "christmas eve", "christmas day", "xmas", "new year's eve", "new year's", "new years day", "easter",
    "easter monday", "good friday", "thanksgiving", "labor day", "valentine's day", "veterans' day", "presidents day",
    "fourth of july", "the fourth of july", "st. patrick's day", "martin luther king jr. day", "halloween", "election day",
    // quarters, halves, fiscal years, seasons
    "q3", "q1", "3q", "4q", "h1", "h2", "first-half", "second half", "third-quarter", "fiscal", "fy", "calendar", "spring",
    "summer", "fall", "autumn", "winter",
    // what shifts, bounds or blurs a date
    "mid", "mid-", "late", "early", "earlier", "later", "last", "next", "this", "past", "coming", "previous", "preceding",
    "following", "subsequent", "prior", "same", "current", "latest", "most recent", "ago", "from now", "hence", "year-end",
    "year end", "year's end", "year-ago", "year-earlier", "comparable", "corresponding", "beginning", "start", "dawn", "end",
    "close", "middle", "ended", "ending", "full", "within", "recent", "recently", "lately", "soon", "now", "right now",
    "just now", "currently", "nowadays", "these days", "at present", "future", "near", "former times", "today", "tomorrow",
    "yesterday", "every", "each", "other", "once", "twice", "times", "per", "hourly", "daily", "weekly", "annually", "daylong",
    "yearlong", "ahead", "to come", "followed", "over", "trading", "business", "working", "more", "additional", "further",
    "extra", "and a half", "point", "points", "post-", "pre-", "will", "could", "account", "season",
    // function words and the prepositions some productions start with
    "the", "of", "a", "an", "about", "nearly", "almost", "around", "approximately", "some", "more than", "less than", "under",
    "upwards of", "at least", "no less than", "up to", "at most", "no more than", "at", "in", "on", "by", "since", "before",
    "after", "until", "from", "for", "that", "and"};

// The words most productions end with: drawn on their own too, so that the gate's guesses about
// the first two tokens meet a match often ("5 more years", "every\tweek").
constexpr std::string_view last_words[] = {"years", "weeks", "days", "hours", "year", "month", "week", "decade", "quarter",
                                           "morning", "night",  "august", "may",  "tuesday", "christmas", "ago", "later"};

// Words no production reads, so that matches have neighbours.
constexpr std::string_view other_words[] = {"said", "votes", "people", "million", "percent",
                                                       "he",   "results", "profit", "is",     "Zürich"};

// Numbers in the shapes the rules read, and some they nearly read.
constexpr std::string_view number_shapes[] = {
    "1998",       "2025",       "'98",        "’98",   "1990s",      "1990's",    "90s",     "'90s",  "90's",  "13th",
    "1st",        "22nd",       "3rd",        "10:30", "22:35",      "3:30",      "10:30:15", "2025/08/13", "2025-08-13",
    "2025.08.13", "08/13/2025", "8/13/25",    "20250813", "2025-08", "2025-08-13T10:30", "2025-08-13 10:30", "1.5", "2.25",
    "2 1/2",      "1/2",        "5%",         "$5",    "#3",         "post-1959", "pre-1990", "10am",   "10pm", "4-year",
    "12-month"};

constexpr std::string_view punctuation[] = {",", ".", "-", "/", ":", "'", "\"", "(", ")", ";", "?", "!", "&", "%", "’"};

// Glued to the end of a word: possessives, plurals, the adjectives the rules refuse or read.
constexpr std::string_view suffixes[] = {"'s", "s", "-long", "-old", "’s", "'", "-year", ".", ","};

// Between tokens: mostly a space, else the separators the rules and the gate skip differently.
constexpr std::string_view separators[] = {
    " ", " ", " ", " ", "  ", "\n", "", "-", "\t", "\r\n", " - ", ", ",
    "\xC2\xA0",    // no-break space: a space in the rules' ASCII view
    "\xE2\x80\x94"};  // em dash: a hyphen there

// ---- the generator -------------------------------------------------------------------------------

// splitmix64: a small generator whose sequence is the same on every standard library (the
// std:: distributions are not), so a seed names the same texts everywhere.
class random_source {
 public:
  explicit random_source(std::uint64_t seed) : state_{seed} {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool percent(unsigned p) { return below(100) < p; }
  template <typename Array>
  std::string_view pick(Array const& from) {
    return from[below(std::size(from))];
  }

 private:
  std::uint64_t state_;
};

std::string digits(random_source& random, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += static_cast<char>('0' + random.below(10));
  return out;
}

// Lower case, Title Case or UPPER CASE, ASCII letters only (as the rules' view folds them).
std::string cased(std::string_view word, random_source& random) {
  std::string out{word};
  std::size_t const how = random.below(10);
  bool word_start = true;
  for (char& c : out) {
    bool const letter = c >= 'a' && c <= 'z';
    if (letter && (how >= 8 || (how >= 5 && word_start))) c = static_cast<char>(c - 'a' + 'A');
    word_start = !(letter || (c >= 'A' && c <= 'Z'));
  }
  return out;
}

// Typographic forms the ASCII view turns back: a curly apostrophe for a straight one.
std::string typographic(std::string word) {
  std::string out;
  for (char const c : word) {
    if (c == '\'') out += "\xE2\x80\x99";
    else out += c;
  }
  return out;
}

std::string token(random_source& random) {
  std::size_t const kind = random.below(100);
  std::string t;
  if (kind < 45) {
    t = cased(random.pick(grammar_words), random);
    if (random.percent(12)) t += random.pick(suffixes);
  } else if (kind < 55) {
    t = cased(random.pick(last_words), random);
    if (random.percent(12)) t += random.pick(suffixes);
  } else if (kind < 65) {
    t = cased(random.pick(other_words), random);
  } else if (kind < 78) {
    t = cased(random.pick(number_shapes), random);
  } else if (kind < 90) {
    // A number of 1-8 digits, most often the lengths the gate treats apart (a day, a year, a date).
    constexpr std::array<std::size_t, 10> lengths{1, 1, 2, 2, 2, 3, 4, 4, 6, 8};
    t = digits(random, lengths[random.below(lengths.size())]);
    if (random.percent(15)) t += random.pick(suffixes);
  } else {
    t = random.pick(punctuation);
  }
  if (random.percent(5)) t = typographic(std::move(t));
  if (random.percent(3)) t = "\xE2\x80\x9C" + t + "\xE2\x80\x9D";  // curly quotes
  return t;
}

// One to six tokens, sometimes after a word that starts nothing or before a full stop.
std::string text(random_source& random) {
  std::string out;
  if (random.percent(20)) out += "He said ";
  std::size_t const tokens = 1 + random.below(6);
  for (std::size_t i = 0; i < tokens; ++i) {
    if (i > 0) out += random.pick(separators);
    out += token(random);
  }
  if (random.percent(20)) out += '.';
  return out;
}

// ---- the check ---------------------------------------------------------------------------------

// The text as a C++ string literal: control characters and bytes above 127 escaped, so that a
// failing text can be pasted into the regression cases below.
std::string literal(std::string_view text) {
  std::string out = "\"";
  bool escape_ended = true;
  for (char const c : text) {
    auto const byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
      escape_ended = false;
      continue;
    } else {
      // A hex escape swallows every hex digit after it: end the literal there.
      if (!escape_ended && std::isxdigit(byte) != 0) out += "\"\"";
      out += c;
    }
    escape_ended = true;
  }
  return out + '"';
}

std::string describe(std::vector<temporal_mention> const& mentions, std::string_view text) {
  std::ostringstream out;
  for (auto const& m : mentions) {
    out << "\n  [" << m.begin << ',' << m.end << ") ";
    if (m.begin <= m.end && m.end <= text.size()) out << literal(text.substr(m.begin, m.end - m.begin));
    out << ' ' << to_string(m.type) << ' ' << m.value;
    if (!m.mod.empty()) out << " mod=" << m.mod;
    if (!m.quant.empty()) out << " quant=" << m.quant;
    if (!m.freq.empty()) out << " freq=" << m.freq;
    out << ' ' << to_string(m.granularity) << " anchor=" << to_string(m.anchor) << " rule=" << m.rule;
  }
  return mentions.empty() ? std::string{"\n  (none)"} : out.str();
}

// Three publication times: a Wednesday, a Sunday at a year's end with a time of day, a leap day.
std::array<reference_time, 3> const dcts{reference_time{date::sys_days{2025_y / 8 / 13}, std::nullopt},
                                         reference_time{date::sys_days{2023_y / 12 / 31}, 18h + 30min},
                                         reference_time{date::sys_days{2024_y / 2 / 29}, std::nullopt}};

// The gated and the exhaustive results of `text`, or an empty string when they agree.
std::string difference(std::string_view text, reference_time const& dct, bool allow_latent) {
  extract_options gated;
  gated.allow_latent = allow_latent;
  extract_options exhaustive = gated;
  exhaustive.try_every_production = true;
  std::vector<temporal_mention> const with_gate = extract(text, dct, gated);
  std::vector<temporal_mention> const without_gate = extract(text, dct, exhaustive);
  if (with_gate == without_gate) return {};
  return "text " + literal(text) + (allow_latent ? " (allow_latent)" : "") + "\n gated:" + describe(with_gate, text) +
         "\n every production:" + describe(without_gate, text);
}

std::uint64_t from_environment(char const* name, std::uint64_t otherwise) {
  char const* const value = std::getenv(name);
  return value == nullptr ? otherwise : std::strtoull(value, nullptr, 10);
}

// 10000 texts: a quarter of a second in the Release build, 10 s under the sanitizers at -O0,
// which take 2000 (the Release run covers the gate; the sanitized one is for memory errors).
constexpr std::uint64_t default_texts = timeline::testing::sanitized_build ? 2000 : 10000;

TEST(ScannerGate, RandomTextsGiveWhatEveryProductionGives) {
  std::uint64_t const seed = from_environment("TIMELINE_GATE_SEED", 20250813);
  std::uint64_t const texts = from_environment("TIMELINE_GATE_TEXTS", default_texts);
  random_source random{seed};
  std::uint64_t mismatches = 0;
  std::string others;
  for (std::uint64_t iteration = 0; iteration < texts; ++iteration) {
    std::string const t = text(random);
    std::string const why = difference(t, dcts[iteration % dcts.size()], iteration % 2 == 1);
    if (why.empty()) continue;
    if (mismatches == 0) {
      ADD_FAILURE() << "seed " << seed << ", iteration " << iteration << ": the gate changed the result\n" << why;
    } else if (mismatches < 20) {
      others += "\n  " + literal(t);
    }
    ++mismatches;
  }
  EXPECT_EQ(mismatches, 0U) << "texts of " << texts << " where the gate changed the result; the next ones:" << others;
}

// Mismatches the random texts found, minimised, kept so that they stay fixed. Each was a match the
// gate never tried.
TEST(ScannerGate, FoundMismatchesStayFixed) {
  constexpr std::string_view found[] = {
      // "mid" glued to "morning" in one word: the scanner looked up "midmorning", which starts
      // no production reading "mid" (first_set.hpp, glued words).
      "midmorning", "Midafternoon",
      // A two-digit decade with an apostrophe: the digits were not followed by a letter.
      "90's", "60\xE2\x80\x99s",
      // A tab or a line break between a number and its unit, or after a function word: only a
      // space, a hyphen or a newline was skipped there.
      "1\tHR", "6\tam", "4\nday", "5\ryr", "every\tweek", "a\rSEC",
      // A hyphen after spaces: "10-year" was known, "5 - years" not.
      "5 -day", "5 - Centuries",
      // A unit with a glued apostrophe: the follower was looked up without its stem.
      "5 week'", "1 yr\xE2\x80\x99",
      // A follower with an apostrophe of its own and a possessive: the stem was cut at the first
      // apostrophe ("o"), not at the last ("o'clock").
      "08\nO'Clock's",
      // A function word with its date word more than four words on: only four were read.
      "NO LESS THAN\tA Number Of\nMonth",
      // The length added between a count and its unit was not among the words after a number.
      "5 more years", "2 additional days", "3 further weeks", "2 extra hours"};
  for (std::string_view const t : found) {
    for (bool const allow_latent : {false, true}) EXPECT_EQ(difference(t, dcts[0], allow_latent), "");
  }
}

}  // namespace
}  // namespace timeline::grammar
