// SPDX-License-Identifier: MIT
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include <timeline/grammar/mention.hpp>

namespace timeline::grammar {

std::string_view to_string(timex_type type) noexcept {
  switch (type) {
    case timex_type::date: return "DATE";
    case timex_type::time: return "TIME";
    case timex_type::duration: return "DURATION";
    case timex_type::set: return "SET";
  }
  return "DATE";
}

std::string_view to_string(grain g) noexcept {
  switch (g) {
    case grain::second: return "second";
    case grain::minute: return "minute";
    case grain::hour: return "hour";
    case grain::part_of_day: return "part_of_day";
    case grain::day: return "day";
    case grain::week: return "week";
    case grain::weekend: return "weekend";
    case grain::month: return "month";
    case grain::season: return "season";
    case grain::quarter: return "quarter";
    case grain::half_year: return "half_year";
    case grain::year: return "year";
    case grain::decade: return "decade";
    case grain::century: return "century";
    case grain::unspecified: return "unspecified";
  }
  return "unspecified";
}

std::string to_string(field_set fields) {
  static constexpr std::array<std::pair<field, std::string_view>, 11> names{{
      {field::year, "year"}, {field::month, "month"}, {field::day, "day"}, {field::weekday, "weekday"},
      {field::time_of_day, "time_of_day"}, {field::week, "week"}, {field::quarter, "quarter"},
      {field::season, "season"}, {field::decade, "decade"}, {field::century, "century"}, {field::half, "half"},
  }};
  std::string out;
  for (auto const& [f, name] : names) {
    if (fields.contains(f)) {
      if (!out.empty()) out += ',';
      out += name;
    }
  }
  return out;
}

std::string_view to_string(anchor_kind anchor) noexcept {
  switch (anchor) {
    case anchor_kind::none: return "none";
    case anchor_kind::dct: return "dct";
    case anchor_kind::previous: return "previous";
  }
  return "none";
}

namespace {

// "00" to "99", two bytes each: a date's fields written two digits at a time, without a division
// for each digit. By hand rather than snprintf or a stream: the tagger writes two days per
// expression, and those cost more than the rest of the output.
constexpr std::array<char, 200> digit_pairs = [] {
  std::array<char, 200> pairs{};
  for (std::size_t n = 0; n < 100; ++n) {
    pairs[2 * n] = static_cast<char>('0' + n / 10);
    pairs[2 * n + 1] = static_cast<char>('0' + n % 10);
  }
  return pairs;
}();

// `n` in decimal, zero-padded to `width` digits (at most 20 digits and `width` bytes written).
char* put_padded(char* out, unsigned long long n, std::size_t width) {
  char digits[24];
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  for (std::size_t i = count; i < width; ++i) *out++ = '0';
  while (count > 0) *out++ = digits[--count];
  return out;
}

// `n` zero-padded to two digits.
char* put_two_digits(char* out, unsigned n) {
  if (n >= 100) return put_padded(out, n, 2);
  std::memcpy(out, &digit_pairs[2 * n], 2);
  return out + 2;
}

// At most 11 bytes: a sign and ten digits.
char* put_year(char* out, int year) {
  if (year >= 0 && year <= 9999) {
    auto const y = static_cast<unsigned>(year);
    std::memcpy(out, &digit_pairs[2 * (y / 100)], 2);
    std::memcpy(out + 2, &digit_pairs[2 * (y % 100)], 2);
    return out + 4;
  }
  if (year < 0) *out++ = '-';
  return put_padded(out, static_cast<unsigned long long>(year < 0 ? -static_cast<long long>(year) : year), 4);
}

// The civil date of `day` (Neri and Schneider, "Euclidean affine functions and their application to
// calendar algorithms", 2023): a few multiplications, where date's year_month_day divides by the
// lengths of eras, centuries and years; the tagger converts two days per expression. Counted from
// a March 1 some 82 eras back, so that every day of date::year's range is a positive count;
// outside that range, date's own conversion.
struct civil_date {
  int year;
  unsigned month;
  unsigned day;
};
civil_date civil_from_days(date::sys_days day) {
  constexpr date::sys_days first{date::year::min() / date::January / 1};
  constexpr date::sys_days last{date::year::max() / date::December / 31};
  if (day < first || day > last) {
    date::year_month_day const ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
  }
  constexpr std::uint32_t eras_back = 82;
  constexpr std::uint32_t days_to_epoch = 719468 + 146097 * eras_back;  // 0000-03-01 to 1970-01-01, and the eras
  std::uint32_t const n = static_cast<std::uint32_t>(day.time_since_epoch().count()) + days_to_epoch;
  std::uint32_t const century_quarters = 4 * n + 3;
  std::uint32_t const century = century_quarters / 146097;
  std::uint32_t const day_of_century = century_quarters % 146097 / 4;
  std::uint64_t const year_fraction = std::uint64_t{2939745} * (4 * day_of_century + 3);
  std::uint32_t const year_of_century = static_cast<std::uint32_t>(year_fraction >> 32U);
  std::uint32_t const day_of_year = static_cast<std::uint32_t>(year_fraction) / 2939745 / 4;  // from March 1
  std::uint32_t const month_day = 2141 * day_of_year + 197913;
  std::uint32_t const month = month_day >> 16U;  // 3 to 14
  std::uint32_t const january_or_february = day_of_year >= 306 ? 1 : 0;
  return {static_cast<int>(100 * century + year_of_century + january_or_february) - static_cast<int>(400 * eras_back),
          january_or_february != 0 ? month - 12 : month, (month_day & 0xFFFFU) / 2141 + 1};
}

}  // namespace

std::string year_value(int year) {
  char text[16];
  return {text, put_year(text, year)};
}

std::string month_value(int year, unsigned month) {
  char text[32];
  char* out = put_year(text, year);
  *out++ = '-';
  return {text, put_two_digits(out, month)};
}

char* write_day_value(char* out, date::sys_days day) noexcept {
  civil_date const civil = civil_from_days(day);
  out = put_year(out, civil.year);
  *out++ = '-';
  out = put_two_digits(out, civil.month);
  *out++ = '-';
  return put_two_digits(out, civil.day);
}

std::string day_value(date::sys_days day) {
  char text[day_value_room];
  return {text, write_day_value(text, day)};
}

}  // namespace timeline::grammar
