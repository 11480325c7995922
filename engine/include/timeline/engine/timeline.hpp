// SPDX-License-Identifier: MIT
//
// A timeline: what reconciling many articles gives. Plain values only; timeline::io turns them
// into the JSON contract of `timeline build`, tools/ into tables for people.
//
//   timeline_documents  every article, with its publication date: given, or inferred as a window
//                       from what it says about events other articles date (with the evidence)
//   timeline_event      one happening, linked across articles: tightest [earliest, latest], a best
//                       value at the right grain ("2023-07", "2025-08-15"), the number of
//                       independent sources, every mention, every link decision and its reason
//   contradiction       a minimal set of claims that cannot all hold, each quoted with document,
//                       sentence, expression and resolved value, an explanation and the resolution
//
// Example (the seed articles about Shoigu's 2023 visit):
//   events[k]: label "visit: Sergei Shoigu, Pyongyang", when {value "2023-07",
//              earliest 2023-07-01, latest 2023-07-31, grain month}, support 3
//   contradictions[0]: claims {000 "last month" = 2023-08, 001 "in July" = 2023-07,
//                      002 "last July" = 2023-07}, resolution "kept 2023-07: more sources (2 against 1)"
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <timeline/engine/lexicon.hpp>
#include <timeline/engine/stp.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::engine {

// Where a document's publication date in the timeline comes from.
enum class dct_origin : std::uint8_t {
  given,     // the document (or the user) gave it
  inferred,  // derived from what the document says about events other articles date
  unknown,   // no evidence: its relative expressions are left unplaced
};

// "given", "inferred", "unknown".
std::string_view to_string(dct_origin o) noexcept;

struct timeline_document {
  std::string id;
  std::optional<date::sys_days> value;     // the day when known or narrowed to one
  std::optional<date::sys_days> earliest;  // the window; equal to value when given
  std::optional<date::sys_days> latest;
  std::string source;  // dct_source name for given dates ("option", "header"), "inferred", "unknown"
  dct_origin origin = dct_origin::given;
  std::vector<std::string> evidence;  // for inferred dates: one plain sentence per clue
};

// One event mention as the timeline shows it.
struct timeline_mention {
  std::string document;
  std::size_t sentence = 0;   // index into the document's sentences
  std::string sentence_text;  // the sentence as written
  std::string trigger;        // the trigger as written
  std::string timex_text;     // the expression, or empty for cue-only mentions
  std::string timex_value;    // its TIMEX3 value as resolved ("2023-08")
  std::optional<grammar::day_interval> resolved;  // its days, if it has a position
  modality mod = modality::reported;
  event_relation relation = event_relation::during;
  std::string said_at;        // value of the speech time for reported speech, or empty
  bool relaxed = false;       // its claim was given up to resolve a contradiction
};

// One link decision about an event: a mention joined to it or kept out of it.
struct link_record {
  std::string document;  // the mention's document
  std::size_t sentence = 0;
  std::string verdict;   // "same", "contradiction", "different"
  std::string reason;
  std::optional<std::size_t> other_event;  // for "different": the event it became or stayed
};

struct timeline_event {
  std::size_t id = 0;  // index into timeline::events
  std::string label;   // "visit: Sergei Shoigu, Pyongyang"
  std::string trigger_class;
  std::vector<std::string> participants;
  std::string place;
  modality mod = modality::reported;  // the most certain modality among its mentions
  std::optional<date::sys_days> earliest;  // start's earliest day
  std::optional<date::sys_days> latest;    // end's latest day
  std::string value;                       // best value at `value_grain`, or empty when unbounded
  grammar::grain value_grain = grammar::grain::unspecified;
  std::size_t support = 0;  // independent sources: distinct documents among its mentions
  std::vector<timeline_mention> mentions;
  std::vector<link_record> links;
};

// One claim of a contradiction, quoted.
struct quoted_claim {
  std::string document;
  std::size_t sentence = 0;
  std::string text;        // the sentence
  std::string expression;  // the temporal expression or cue
  std::string value;       // its resolved value ("2023-08", "after event 3", "no later than 2023-09-04")
  std::optional<grammar::day_interval> resolved;
  std::string kind;        // "date", "order", "tense", "publication date"
  bool relaxed = false;    // the claim given up
};

struct contradiction {
  std::optional<std::size_t> event;  // the event it is about, when one
  std::vector<quoted_claim> claims;  // minimal: drop any one and the rest hold together
  std::string explanation;
  std::string resolution;
  date::days excess{};  // by how many days the claims disagree
};

struct timeline {
  std::vector<timeline_document> documents;  // in the order added
  std::vector<timeline_event> events;        // chronological by earliest, unbounded last
  std::vector<contradiction> contradictions;
};

// A TIMEX3-style value of [earliest, latest] at the finest grain of day, month, year at which both
// fall in one unit, but never finer than `finest` ("2023-07", "2025-08-15", "2023"); a range
// "2023-07-20/2023-08-10" when they share no year.
// Example: best_value(2023-07-01, 2023-07-31, day) -> {"2023-07", month}
std::pair<std::string, grammar::grain> best_value(date::sys_days earliest, date::sys_days latest,
                                                  grammar::grain finest = grammar::grain::day);

}  // namespace timeline::engine
