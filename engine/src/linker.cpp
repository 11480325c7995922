// SPDX-License-Identifier: MIT
#include <timeline/engine/linker.hpp>

#include <algorithm>

#include <timeline/engine/participants.hpp>

namespace timeline::engine {

namespace {

std::string join(std::vector<std::string> const& names) {
  std::string out;
  for (auto const& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "nobody named" : out;
}

std::string or_unknown(std::string const& place) { return place.empty() ? "unknown" : place; }

}  // namespace

std::string_view to_string(link_verdict v) noexcept {
  switch (v) {
    case link_verdict::same: return "same";
    case link_verdict::contradiction: return "contradiction";
    case link_verdict::different: return "different";
  }
  return "different";
}

date::days clash_tolerance(grammar::grain a, grammar::grain b) {
  // POLICY: a misdated report misses by about one unit of what it said. "Last month" against "in
  // July" is one event a day apart at month grain; "in 2019" against "this month" of 2023 is four
  // years apart: two visits. Pinned by tests/engine/linker_test.cpp (LinkerCompare.*).
  grammar::grain const g = std::max(a, b);
  if (g <= grammar::grain::day) return date::days{3};
  if (g <= grammar::grain::weekend) return date::days{7};
  if (g <= grammar::grain::month) return date::days{31};
  if (g <= grammar::grain::quarter) return date::days{92};
  if (g <= grammar::grain::half_year) return date::days{183};
  return date::days{366};
}

link_check evidence(event_signature const& a, event_signature const& b, lexicon const& lex) {
  if (a.trigger_class == "event" || b.trigger_class == "event") {
    return {link_verdict::different, "no event word to compare"};
  }
  if (!lex.compatible(a.trigger_class, b.trigger_class)) {
    return {link_verdict::different, "classes differ (" + a.trigger_class + " / " + b.trigger_class + ")"};
  }
  std::string why = a.trigger_class == b.trigger_class ? "same class " + a.trigger_class
                                                        : "compatible classes " + a.trigger_class + "/" + b.trigger_class;
  if (a.participants.empty() || b.participants.empty()) {
    // Nobody named on a side: a shared, named place can carry the identity; failing that, the same
    // class of event on the same day can, weakly (see link_check::weak). Sayings are excluded:
    // two people say things every day.
    if (a.participants.empty() && b.participants.empty() && !a.place.empty() && a.place == b.place) {
      why += ", no participants named, same place " + a.place;
      return {link_verdict::same, why};
    }
    bool const saying = a.trigger_class == "statement" || a.trigger_class == "report";
    bool const places_clash = !a.place.empty() && !b.place.empty() && a.place != b.place;
    if (a.trigger_class != b.trigger_class || saying || places_clash) {
      return {link_verdict::different, "nobody named on one side and no shared place"};
    }
    return {link_verdict::same, why + ", nobody named on one side: the same class alone", true};
  }
  if (!participants_agree(a.participants, b.participants)) {
    return {link_verdict::different, "participants differ (" + join(a.participants) + " / " + join(b.participants) + ")"};
  }
  std::vector<std::string> shared;
  std::set_intersection(a.participants.begin(), a.participants.end(), b.participants.begin(), b.participants.end(),
                        std::back_inserter(shared));
  why += ", shared participants " + join(shared);
  bool const places_agree = a.place.empty() || b.place.empty() || lex.within(a.place, b.place) || lex.within(b.place, a.place);
  if (!places_agree) return {link_verdict::different, "places differ (" + a.place + " / " + b.place + ")"};
  why += ", places agree (" + or_unknown(a.place) + " / " + or_unknown(b.place) + ")";
  return {link_verdict::same, why};
}

link_check compare(event_signature const& a, std::optional<grammar::day_interval> when_a, grammar::grain grain_a,
                   event_signature const& b, std::optional<grammar::day_interval> when_b, grammar::grain grain_b,
                   lexicon const& lex) {
  link_check c = evidence(a, b, lex);
  if (c.verdict != link_verdict::same) return c;
  if (c.weak) {
    // POLICY: an identity resting on the class alone needs the strongest agreement in time, the
    // same single day on both sides; anything less is two events, never a contradiction.
    bool const one_day = when_a && when_b && when_a->earliest == when_a->latest && when_b->earliest == when_b->latest &&
                         when_a->earliest == when_b->earliest;
    if (!one_day) return {link_verdict::different, c.reason + ", but not the same single day", true};
    c.reason += ", the same day";
    return c;
  }
  if (!when_a || !when_b) {
    c.reason += ", one time unknown";
    return c;
  }
  if (when_a->earliest <= when_b->latest && when_b->earliest <= when_a->latest) {
    c.reason += ", times overlap";
    return c;
  }
  date::days const gap = when_a->latest < when_b->earliest ? when_b->earliest - when_a->latest : when_a->earliest - when_b->latest;
  date::days const tolerance = clash_tolerance(grain_a, grain_b);
  if (gap <= tolerance) {
    c.verdict = link_verdict::contradiction;
    c.reason += ", but the times miss each other by " + std::to_string(gap.count()) + " day(s), within the " +
                std::to_string(tolerance.count()) + " a misdating at this grain allows: one event, dates in conflict";
    return c;
  }
  c.verdict = link_verdict::different;
  c.reason += ", but the times are " + std::to_string(gap.count()) + " days apart (more than " +
              std::to_string(tolerance.count()) + "): two events of the same kind";
  return c;
}

}  // namespace timeline::engine
