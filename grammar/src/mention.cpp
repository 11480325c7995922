// SPDX-License-Identifier: MIT
#include <array>
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

// Appends n in decimal, zero-padded to `width` digits. By hand: the tagger writes two days per
// expression, and snprintf or a stream cost more than the rest of the output.
void append_padded(std::string& out, unsigned long long n, std::size_t width) {
  char digits[24];
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  for (std::size_t i = count; i < width; ++i) out += '0';
  while (count > 0) out += digits[--count];
}

void append_year(std::string& out, int year) {
  if (year < 0) out += '-';
  append_padded(out, static_cast<unsigned long long>(year < 0 ? -static_cast<long long>(year) : year), 4);
}

}  // namespace

std::string year_value(int year) {
  std::string out;
  append_year(out, year);
  return out;
}

std::string month_value(int year, unsigned month) {
  std::string out;
  out.reserve(8);
  append_year(out, year);
  out += '-';
  append_padded(out, month, 2);
  return out;
}

std::string day_value(date::sys_days day) {
  date::year_month_day const ymd{day};
  int const year = static_cast<int>(ymd.year());
  if (year >= 0 && year <= 9999) {
    // The common case in one buffer: tag writes two of these per expression.
    auto const y = static_cast<unsigned>(year);
    auto const m = static_cast<unsigned>(ymd.month());
    auto const d = static_cast<unsigned>(ymd.day());
    char const text[10] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + d / 10),       static_cast<char>('0' + d % 10)};
    return std::string(text, sizeof text);
  }
  std::string out = month_value(year, static_cast<unsigned>(ymd.month()));
  out += '-';
  append_padded(out, static_cast<unsigned>(ymd.day()), 2);
  return out;
}

}  // namespace timeline::grammar
