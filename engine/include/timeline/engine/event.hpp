// SPDX-License-Identifier: MIT
//
// Event mentions: what a sentence says happened (or will), placed in time by one of its temporal
// expressions or by another event.
//
// For every taggable sentence that carries a temporal expression, or relates events with an
// ordering cue ("before", "after", "following", "ahead of", "since", "until", "three days after"),
// find_events() returns one event mention per expression (or cue): its trigger (the verb or event
// noun nearest to the expression, "visit", "talks", "signed"), the trigger's class from the
// lexicon, the people taking part (participants.hpp), the place, how the event relates to the
// expression (during/before/after/since/until) and its modality (reported fact, planned,
// speculative).
//
// Reported speech counts from the time it was said: in "Watson noted Monday that Shoigu traveled
// to Pyongyang last month", "Monday" dates the saying and "last month" is resolved again with
// Monday as its reference time (calendar-exact, by the tagger), and the event is bounded by the
// saying rather than by the publication date. A quotation is dated by the occasion the sentence
// gives before its verb: in "At a staff meeting on Friday, Dahl had told workers: \"The board will
// decide on Monday.\"", Monday counts from that Friday.
//
// Example (DCT 2023-09-04):
//   "Russian Defense Minister Sergei Shoigu traveled to Pyongyang last month."
//   -> { trigger "traveled", class "visit", participants {"Sergei Shoigu"}, place "Pyongyang",
//        timex "last month" = 2023-08 [2023-08-01, 2023-08-31], relation during, modality reported }
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include <timeline/engine/document.hpp>
#include <timeline/engine/lexicon.hpp>
#include <timeline/grammar/mention.hpp>

namespace timeline::engine {

// An ordering cue pointing at another event: "following Shoigu's visit", "ahead of that meeting",
// "three days after the summit".
struct event_cue {
  event_relation relation = event_relation::after;  // of this event relative to the other one
  text_span text;                                   // the cue and the phrase it governs
  std::string trigger_class;                        // the other event's class ("visit")
  std::vector<std::string> participants;            // the other event's people, when named
  std::optional<date::days> gap;                    // exact gap when stated ("three days after")
  // The event mention of the same document the cue resolves to (index into the vector
  // find_events() returns), when it names one found there.
  std::optional<std::size_t> target;
};

struct event_mention {
  std::size_t sentence = 0;   // index into document::sentences
  text_span trigger;          // the trigger word as written; empty span when none was found
  std::string trigger_text;   // "traveled"
  std::string trigger_class;  // "visit"; "event" when no trigger was found
  std::vector<std::string> participants;  // canonical, sorted, unique
  std::string place;                      // canonical, or empty
  modality mod = modality::reported;
  event_relation relation = event_relation::during;

  // The temporal expression placing the event, already resolved against the right reference
  // time (the DCT, or the time the sentence's speech was said). Absent for cue-only mentions.
  std::optional<grammar::temporal_mention> timex;
  // Reported speech: when the sentence's saying happened ("said Monday"), as a day interval, and
  // the expression that says so. The event's tense is counted from there.
  std::optional<grammar::temporal_mention> said_at;
  std::optional<event_cue> cue;
  // The event fills the expression's days rather than lying somewhere inside them: "the summit
  // on June 12 and 13" begins on the 12th and ends on the 13th.
  bool spans = false;

  friend bool operator==(event_mention const&, event_mention const&) = default;
};

// The event mentions of `doc`, given its temporal mentions (engine::tag against `dct`), in text
// order. `dct` is also the reference time re-used when reported speech has no date of its own.
// Example: see the top of this file.
std::vector<event_mention> find_events(document const& doc, std::vector<grammar::temporal_mention> const& timexes,
                                       grammar::reference_time const& dct, lexicon const& lex = default_lexicon());

// A short human label for an event: "visit: Sergei Shoigu, Pyongyang".
std::string event_label(std::string const& trigger_class, std::vector<std::string> const& participants,
                        std::string const& place);

}  // namespace timeline::engine
