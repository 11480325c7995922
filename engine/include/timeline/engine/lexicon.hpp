// SPDX-License-Identifier: MIT
//
// The event lexicon: the words the event layer reads as triggers ("visit", "summit", "signed"),
// the classes they normalize to (visit/trip/travel -> "visit"; meet/meeting/summit/talks ->
// "meet"), which classes may name the same happening (a visit is where a meeting happens), the
// cues of modality ("will", "expected to", "may") and of ordering ("following", "ahead of"),
// the titles dropped from names ("President", "Defense Minister"), name aliases and places.
//
// The lexicon is data, not code: grammar/data/events.lexicon, a small line format (documented at
// the top of that file) that needs no JSON parser, so timeline::engine stays free of JSON. It is
// embedded in the library at build time (engine/CMakeLists.txt turns the file into a string), so
// an installed library works without the source tree; parse_lexicon() reads any other copy.
//
// Example:
//   lexicon const& lex = default_lexicon();
//   lex.trigger_class("visited")           // -> "visit"
//   lex.compatible("visit", "meet")        // -> true
//   lex.place("Vladivostok")->container    // -> "Russia"
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace timeline::engine {

// How sure the text is that an event happened (or will).
enum class modality : std::uint8_t {
  reported,     // stated as fact: "Shoigu traveled to Pyongyang"
  planned,      // scheduled or expected: "is set to meet", "will travel", "upcoming summit"
  speculative,  // possible only: "may travel", "potential meeting", "could"
};

// "reported", "planned", "speculative".
std::string_view to_string(modality m) noexcept;

// How an event relates to the temporal expression (or event) it is placed by.
enum class event_relation : std::uint8_t {
  during,  // "visited in July": the event lies inside the expression's days
  before,  // "before Friday", "ahead of the summit": it ends before they begin
  after,   // "after August 6", "following the visit": it begins after they end
  since,   // "since 2019": it began inside the expression's days and lasted
  until,   // "until Friday": it ended inside them
};

// "during", "before", "after", "since", "until".
std::string_view to_string(event_relation r) noexcept;

struct place_entry {
  std::string name;       // canonical: "Vladivostok"
  std::string container;  // the place it lies in, or empty: "Russia"
};

class lexicon {
 public:
  // The trigger class of a lower-case word or two-word phrase, or empty.
  // Example: trigger_class("talks") -> "meet"; trigger_class("the") -> ""
  std::string_view trigger_class(std::string_view lower_word) const;

  // True when events of classes a and b may be one happening (a == b, or listed as compatible).
  bool compatible(std::string_view a, std::string_view b) const;

  // The modality a lower-case cue phrase signals, if it is one ("expected to" -> planned).
  std::optional<modality> modality_cue(std::string_view lower_phrase) const;
  // Cue phrases, longest first, for scanning.
  std::vector<std::string> const& modality_phrases() const noexcept { return modality_phrases_; }

  // Verbs of saying ("said", "noted", "told"): the time next to them is when it was said.
  bool speech_verb(std::string_view lower_word) const;

  // The ordering a cue phrase signals ("following" -> after, "ahead of" -> before).
  std::optional<event_relation> relation_cue(std::string_view lower_phrase) const;
  std::vector<std::string> const& relation_phrases() const noexcept { return relation_phrases_; }

  // Titles and roles dropped from the front of names ("president", "defense minister").
  bool title(std::string_view lower_word) const;
  // Capitalized words that never start or belong to a person's name ("The", "House", "July").
  bool not_a_name(std::string_view lower_word) const;

  // The canonical spelling of a full name written another way ("kim jong-un" -> "Kim Jong Un"),
  // keyed by normalize_name(); empty when unknown.
  std::string_view alias(std::string_view normalized) const;

  // The canonical names of the aliases whose name has this lower-case word ("kim" ->
  // {"Kim Jong Un"}): who a lone name can mean when the document never spells it out.
  std::vector<std::string> const& people_named(std::string_view lower_word) const;

  // The place a name denotes ("moscow" -> {Moscow, Russia}), keyed case-insensitively.
  place_entry const* place(std::string_view name) const;
  // True when `inner` is `outer` or lies within it ("Vladivostok" in "Russia").
  bool within(std::string_view inner, std::string_view outer) const;

  // Lower-case words that, before a place, make it the event's place ("in", "to", "at").
  bool place_preposition(std::string_view lower_word) const;

  // Head words of organisations' names ("council", "reserve", "association"): a capitalized run
  // ending in one names an organisation, whatever its other words are.
  // Example: organisation_word("council") -> true; organisation_word("bridge") -> false
  bool organisation_word(std::string_view lower_word) const;

 private:
  friend lexicon parse_lexicon(std::string_view text, std::vector<std::string>* errors);
  std::unordered_map<std::string, std::string> triggers_;
  std::unordered_set<std::string> compatible_;  // "a|b", both orders
  std::unordered_map<std::string, modality> modality_;
  std::vector<std::string> modality_phrases_;
  std::unordered_set<std::string> speech_;
  std::unordered_map<std::string, event_relation> relations_;
  std::vector<std::string> relation_phrases_;
  std::unordered_set<std::string> titles_;
  std::unordered_set<std::string> not_names_;
  std::unordered_map<std::string, std::string> aliases_;
  std::unordered_map<std::string, std::vector<std::string>> people_by_word_;
  std::unordered_map<std::string, place_entry> places_;
  std::unordered_set<std::string> place_prepositions_;
  std::unordered_set<std::string> organisation_words_;
};

// Parses the lexicon format. Malformed lines are skipped and described in `errors` (when given)
// as "line N: why"; the rest still loads.
lexicon parse_lexicon(std::string_view text, std::vector<std::string>* errors = nullptr);

// The lexicon embedded at build time from grammar/data/events.lexicon. Thread-safe.
lexicon const& default_lexicon();

// The embedded text itself, for tools that print or check it.
std::string_view default_lexicon_text() noexcept;

}  // namespace timeline::engine
