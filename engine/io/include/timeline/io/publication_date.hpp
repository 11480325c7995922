// SPDX-License-Identifier: MIT
//
// Publication dates as articles write them, and where to look for one in a plain text.
//
// This is a small dedicated reader, not the temporal grammar: it accepts only complete calendar
// dates (with a year) in the forms publishers print, each optionally with a time of day:
//   ISO 8601        2025-08-13, 2025-08-13T22:35:00+09:00, 2025-08-13 22:35, 2025/08/13 22:35
//   month first     Aug. 13, 2025 / August 13th, 2025 / Mon September 4, 2023 10:52 AM
//   day first       13 August 2025 / Wed, 13 Aug 2025 22:35:00 GMT (RFC 2822)
//   numeric         08/13/2025, 13/08/2025 (month first unless that cannot be), 13.08.2025
//   time first      10:52 AM EDT, Mon September 4, 2023
//
// POLICY: time zones are read and dropped. The DCT is the calendar day the publisher printed, in
// the publisher's zone, because that is the day "yesterday" in the text counts from;
// "2025-08-13T22:35:00-04:00" is August 13 even though it is already the 14th in UTC.
//
// A date that cannot exist ("2025-02-30") is returned with `ymd.ok() == false` so the caller can
// say so instead of silently ignoring it.
//
// Example:
//   parse_date("2025/08/13 22:35")   // -> 2025-08-13, 22:35
//   find_date("Updated 10:52 AM EDT, Mon September 4, 2023")
//                                    // -> 2023-09-04, 10:52, [8, 44)
//   detect_publication_date("Published on: 2025/08/13 22:35\nPutin met ...", {}, today)
//                                    // -> 2025-08-13 22:35, source header, text "2025/08/13 22:35"
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/engine/document.hpp>

namespace timeline::io {

struct date_reading {
  date::year_month_day ymd;                         // may be !ok(): an impossible date as written
  std::optional<std::chrono::minutes> time_of_day;  // [0, 1439]
  std::size_t begin = 0;                            // byte offsets of the date text in the input
  std::size_t end = 0;
};

// `text` (surrounding white space ignored) read as one date, or nullopt when it is not one.
std::optional<date_reading> parse_date(std::string_view text);

// The first date with a year in `text`, or nullopt.
std::optional<date_reading> find_date(std::string_view text);

// What is wrong with a date read from a document, or an empty string when nothing is.
// `today` bounds the future: a publication date more than one day after it cannot be real (one
// day of slack lets a fresh article from a time zone ahead of ours through).
std::string date_problem(date_reading const& reading, date::sys_days today);

// A problem found while detecting a date: the place ("line 3") and the message.
struct date_issue {
  std::string place;
  std::string message;
};

struct date_detection {
  engine::publication_date dct;                // source header, dateline or none
  std::vector<engine::text_span> lines;        // header lines holding dates, to flag as metadata
  std::vector<date_issue> issues;              // impossible or future dates that were skipped
};

// Looks for the publication date of a plain text: "Published:", "Published on:", "Posted",
// "Date:", "Updated ..." lines and lines that are only a date, among the first lines of the text,
// then a dateline ("WASHINGTON, Aug. 13, 2025 (AP) -") at the start of the first paragraph.
// Lines inside `boilerplate` are never read: a story list's timestamps are not this article's.
date_detection detect_publication_date(std::string_view text, std::vector<engine::boilerplate_span> const& boilerplate,
                                       date::sys_days today);

// The current UTC day.
date::sys_days today_utc();

// "2025-08-13".
std::string format_day(date::sys_days day);

}  // namespace timeline::io
