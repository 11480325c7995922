// SPDX-License-Identifier: MIT
//
// Linking: deciding whether two event mentions, usually from different articles, are one event.
//
// They are the same event when the evidence says so — trigger classes compatible (lexicon),
// participants agreeing (participants_agree), places not disagreeing (equal, one inside the
// other, or one unknown) — and their times can both hold. When the evidence agrees but the times
// cannot both hold, two things are possible:
//   * the times miss each other by no more than the coarser expression's grain (a month, a year):
//     one event, and the clash is a contradiction the solver reports ("last month" vs "in July");
//   * they miss by more: two events of the same kind ("Kim's visit to Russia in 2019" and his
//     trip in 2023), kept apart.
// Every decision, link or refusal, carries its reason in plain words.
//
// Example:
//   link_check c = compare({"visit", {"Sergei Shoigu"}, "Pyongyang"}, jul_2023,
//                          {"meet", {"Kim Jong Un", "Sergei Shoigu"}, ""}, jul_2023, lex);
//   // c.verdict == link_verdict::same,
//   // c.reason == "compatible classes visit/meet, shared participants Sergei Shoigu, places agree
//   //              (Pyongyang / unknown), times overlap"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include <timeline/engine/lexicon.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::engine {

// What identifies an event for linking.
struct event_signature {
  std::string trigger_class;
  std::vector<std::string> participants;  // canonical, sorted
  std::string place;                      // canonical, or empty
  friend bool operator==(event_signature const&, event_signature const&) = default;
};

enum class link_verdict : std::uint8_t {
  same,           // one event, times agree
  contradiction,  // one event by the evidence, times clash: a contradiction to report
  different,      // two events
};

// "same", "contradiction", "different".
std::string_view to_string(link_verdict v) noexcept;

struct link_check {
  link_verdict verdict = link_verdict::different;
  std::string reason;
  // The identity rests on the class alone, because one side names nobody ("The first strike, on
  // March 5" against "the Railway Drivers Association walked out on Wednesday"): compare() then
  // links only when both times are the same single day, and never reports a clash.
  bool weak = false;
};

// Compares two events given what each is known to occupy in time (absent: unknown, never a
// clash) and the coarsest grain each was stated at.
link_check compare(event_signature const& a, std::optional<grammar::day_interval> when_a, grammar::grain grain_a,
                   event_signature const& b, std::optional<grammar::day_interval> when_b, grammar::grain grain_b,
                   lexicon const& lex = default_lexicon());

// The evidence part alone: true with a reason when class, participants and place agree.
// Example: evidence_agrees({"meet", {"A", "B"}, ""}, {"meet", {"A", "C"}, ""}) -> false,
//          "participants differ (A, B / A, C)"
link_check evidence(event_signature const& a, event_signature const& b, lexicon const& lex = default_lexicon());

// How far apart two intervals may be and still be one event misdated: the span of the coarser
// of the two grains (day 3 days, week 7, month 31, quarter 92, half year 183, year 366).
date::days clash_tolerance(grammar::grain a, grammar::grain b);

}  // namespace timeline::engine
