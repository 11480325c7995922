// SPDX-License-Identifier: MIT
//
// A temporal mention is one temporal expression found in text ("last Friday", "Aug. 13, 2025",
// "three weeks", "every Monday"), normalized against the document creation time (DCT).
//
// It carries two views of the same meaning:
//   * the TIMEX3 view of the TimeML standard: `type`, `value` and `mod`, exactly as the
//     TempEval-3 corpora annotate them ("2025-W33", "2025-SU", "P3W", "PAST_REF");
//   * the calendar view the reconciliation engine reasons with: the closed day interval
//     [earliest, latest] the expression covers, and the `granularity` it was stated at (Abseil's
//     alignment, Duckling's grain). "March 2019" is [2019-03-01, 2019-03-31] at month grain.
// It also says which calendar fields the text stated and which were implied from the DCT (chrono's
// knownValues / impliedValues): "March 3" states month and day and implies the year. The solver
// treats stated fields as hard and implied ones as soft.
//
// Example: with DCT Tuesday 2013-02-12, "last Friday" becomes
//   { type: date, value: "2013-02-08", when: [2013-02-08, 2013-02-08], granularity: day,
//     stated: {weekday}, implied: {year, month, day}, anchor: dct, rule: "weekday_relative" }
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace timeline::grammar {

// TIMEX3 types. TIME is a DATE with a time of day.
enum class timex_type : std::uint8_t { date, time, duration, set };

// "DATE", "TIME", "DURATION", "SET".
std::string_view to_string(timex_type type) noexcept;

// The unit an expression was stated in, finest first. Ordering is meaningful: a coarser grain
// compares greater.
enum class grain : std::uint8_t {
  second,
  minute,
  hour,
  part_of_day,  // morning, afternoon, evening, night
  day,
  week,
  weekend,
  month,
  season,
  quarter,
  half_year,
  year,
  decade,
  century,
  unspecified,  // vague references (PAST_REF) and durations with no calendar position
};

// "second", ..., "century", "unspecified".
std::string_view to_string(grain g) noexcept;

// Calendar fields an expression can state or leave implied.
enum class field : std::uint16_t {
  none = 0,
  year = 1U << 0U,
  month = 1U << 1U,
  day = 1U << 2U,
  weekday = 1U << 3U,
  time_of_day = 1U << 4U,
  week = 1U << 5U,
  quarter = 1U << 6U,
  season = 1U << 7U,
  decade = 1U << 8U,
  century = 1U << 9U,
  half = 1U << 10U,
};

// A small set of `field`s.
class field_set {
 public:
  constexpr field_set() noexcept = default;
  constexpr field_set(field f) noexcept : bits_(static_cast<std::uint16_t>(f)) {}  // NOLINT: a field is a set of one

  constexpr bool contains(field f) const noexcept { return (bits_ & static_cast<std::uint16_t>(f)) != 0U; }
  constexpr bool empty() const noexcept { return bits_ == 0U; }
  constexpr field_set& operator|=(field_set other) noexcept {
    bits_ = static_cast<std::uint16_t>(bits_ | other.bits_);
    return *this;
  }
  friend constexpr field_set operator|(field_set a, field_set b) noexcept { return a |= b; }
  friend constexpr bool operator==(field_set, field_set) noexcept = default;
  constexpr std::uint16_t bits() const noexcept { return bits_; }

 private:
  std::uint16_t bits_ = 0;
};

constexpr field_set operator|(field a, field b) noexcept { return field_set{a} | field_set{b}; }

// Names of the fields in a set, comma separated: "year,month".
std::string to_string(field_set fields);

// A closed interval of calendar days.
struct day_interval {
  date::sys_days earliest;
  date::sys_days latest;
  friend bool operator==(day_interval const&, day_interval const&) = default;
};

// What a relative expression counts from.
enum class anchor_kind : std::uint8_t {
  none,      // absolute: "2025-08-13", "the 1990s"
  dct,       // deictic: "yesterday", "last month", "on Tuesday"
  previous,  // anaphoric: "the next day", "three days later", counted from the last date mentioned
};

std::string_view to_string(anchor_kind anchor) noexcept;

struct temporal_mention {
  // Byte offsets into the text given to extract(), end exclusive. The span follows TIMEX3
  // conventions: no leading preposition ("on Tuesday" -> "Tuesday").
  std::size_t begin = 0;
  std::size_t end = 0;

  timex_type type = timex_type::date;
  std::string value;  // TIMEX3 value
  std::string mod;    // TIMEX3 mod ("START", "APPROX", ...) or empty
  std::string quant;  // TIMEX3 quant for sets ("EVERY") or empty
  std::string freq;   // TIMEX3 freq for sets ("1W") or empty

  // The days the expression covers; absent for durations without a position ("three weeks"),
  // sets and vague references.
  std::optional<day_interval> when;
  grain granularity = grain::day;

  field_set stated;   // said in the text
  field_set implied;  // filled in from the anchor

  anchor_kind anchor = anchor_kind::none;
  // For anaphoric mentions: the value of the mention they count from ("2025-08-06").
  std::string anchor_value;

  // The name of the grammar rule that produced the mention ("month_day_year").
  std::string_view rule;

  friend bool operator==(temporal_mention const&, temporal_mention const&) = default;
};

// TIMEX3 calendar values, the one formatter every layer uses: year_value(1998) is "1998",
// year_value(-44) "-0044"; month_value(2025, 8) is "2025-08"; day_value(2025_y/8/13) "2025-08-13".
std::string year_value(int year);
std::string month_value(int year, unsigned month);
std::string day_value(date::sys_days day);

// day_value(day) written at `out`, which has room for day_value_room bytes; returns its end. For
// writers that put many days in a buffer of their own, without a string for each.
inline constexpr std::size_t day_value_room = 24;
char* write_day_value(char* out, date::sys_days day) noexcept;

}  // namespace timeline::grammar
