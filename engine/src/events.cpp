// SPDX-License-Identifier: MIT
//
// Event mentions from sentences: a rule-based reading, one pass per sentence. The order of the
// steps matters and each has its reason:
//   1. names and places of the whole document first, so a lone "Kim" resolves against every full
//      name the article spells out, not only those before it;
//   2. speech before events: the time next to a verb of saying dates the saying, and the clause
//      after it is re-tagged with that time as reference, so its tense counts from there;
//   3. one event per remaining temporal expression, with the nearest trigger of its clause;
//   4. ordering cues last, because they attach to the events steps 2 and 3 found.
#include <timeline/engine/event.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <limits>
#include <set>

#include <timeline/engine/participants.hpp>
#include <timeline/engine/tagging.hpp>

namespace timeline::engine {

namespace {

struct trigger_hit {
  std::size_t first = 0;  // word indices [first, last]
  std::size_t last = 0;
  std::string cls;
};

struct sentence_view {
  std::string_view text;
  std::vector<word> ws;
  std::vector<trigger_hit> triggers;
  std::vector<std::size_t> clause_breaks;  // byte offsets of , ; : ( — inside the sentence
};

std::size_t clause_of(sentence_view const& v, std::size_t offset) {
  return static_cast<std::size_t>(std::upper_bound(v.clause_breaks.begin(), v.clause_breaks.end(), offset) -
                                  v.clause_breaks.begin());
}

std::string phrase(std::vector<word> const& ws, std::size_t from, std::size_t count) {
  std::string p;
  for (std::size_t k = from; k < from + count && k < ws.size(); ++k) {
    if (!p.empty()) p += ' ';
    p += ws[k].lower;
  }
  return p;
}

bool inside(text_span outer, std::size_t begin, std::size_t end) { return begin >= outer.begin && end <= outer.end; }

// The word index of the first word starting at or after `offset`.
std::size_t word_at(std::vector<word> const& ws, std::size_t offset) {
  return static_cast<std::size_t>(std::lower_bound(ws.begin(), ws.end(), offset,
                                                   [](word const& w, std::size_t o) { return w.span.begin < o; }) -
                                  ws.begin());
}

std::optional<int> small_number(std::string_view w) {
  static constexpr std::string_view names[] = {"zero", "one", "two", "three", "four", "five", "six",
                                               "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (std::size_t i = 0; i < std::size(names); ++i) {
    if (w == names[i]) return static_cast<int>(i);
  }
  if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    return std::atoi(std::string{w}.c_str());
  }
  return std::nullopt;
}

// "later this month", "next week", "the coming days": an expression that points ahead of its
// reference even when its days include the reference.
bool looks_ahead(std::string const& text, grammar::temporal_mention const& t) {
  std::string said = text.substr(t.begin, t.end - t.begin);
  for (char& c : said) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view const w : {"later", "next", "coming", "upcoming", "remainder", "rest of"}) {
    if (said.find(w) != std::string::npos) return true;
  }
  return t.mod == "END" || t.value == "FUTURE_REF";
}

// True when a quotation opens right after `from`: a colon or an opening quote mark within a few
// characters ("told workers: \"...", "said, \"...").
bool quotation_follows(std::string const& text, std::size_t from, std::size_t end) {
  for (std::size_t i = from; i < end && i < from + 16; ++i) {
    char const c = text[i];
    if (c == ':' || c == '"') return true;
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x9C) {
      return true;  // U+201C left double quotation mark
    }
  }
  return false;
}

// A preposition between word indices (from, to) that makes what follows a complement.
bool complement_between(std::vector<word> const& ws, std::size_t from, std::size_t to) {
  static constexpr std::string_view preps[] = {"with", "after", "following", "amid", "despite", "against", "before", "ahead"};
  for (std::size_t k = from + 1; k < to && k < ws.size(); ++k) {
    if (std::find(std::begin(preps), std::end(preps), ws[k].lower) != std::end(preps)) return true;
  }
  return false;
}

// "on June 12 and 13", "from May 3 to 5": two dates joined by "and", "to", "through" or a dash
// are one stretch of days, not two claims about one event. Merges each such pair into the first
// expression, which then covers both.
// Returns the begins of the merged expressions.
std::vector<std::size_t> merge_coordinated(std::string const& text, std::vector<grammar::temporal_mention>& tx) {
  std::vector<grammar::temporal_mention> out;
  std::vector<std::size_t> merged;
  for (auto const& m : tx) {
    if (!out.empty() && out.back().when && m.when && out.back().end <= m.begin && out.back().granularity == m.granularity &&
        m.granularity <= grammar::grain::day) {
      std::string between = text.substr(out.back().end, m.begin - out.back().end);
      for (char& c : between) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (between == " and " || between == " to " || between == " through " || between == "-" || between == " - " ||
          between == "\xE2\x80\x93") {
        auto& first = out.back();
        first.when->earliest = std::min(first.when->earliest, m.when->earliest);
        first.when->latest = std::max(first.when->latest, m.when->latest);
        first.end = m.end;
        merged.push_back(first.begin);
        continue;
      }
    }
    out.push_back(m);
  }
  tx = std::move(out);
  return merged;
}

// Verbs that place the end of an event at the date that follows them.
bool ending_verb(std::string_view w) {
  return w == "ended" || w == "ends" || w == "concluded" || w == "concludes" || w == "finished" || w == "wrapped";
}

// "for the first time since March 2020": the date is the previous occurrence's, not this event's.
bool dates_an_earlier_time(std::vector<word> const& ws, std::size_t timex_word) {
  if (timex_word == 0 || timex_word > ws.size() || ws[timex_word - 1].lower != "since") return false;
  for (std::size_t back = 2; back <= 5 && back <= timex_word; ++back) {
    if (ws[timex_word - back].lower == "first") return true;
  }
  return false;
}

}  // namespace

std::string event_label(std::string const& trigger_class, std::vector<std::string> const& participants,
                        std::string const& place) {
  std::string label = trigger_class;
  std::string rest;
  for (auto const& p : participants) rest += (rest.empty() ? "" : ", ") + p;
  if (!place.empty()) rest += (rest.empty() ? "" : ", ") + place;
  if (!rest.empty()) label += ": " + rest;
  return label;
}

// POLICY: the person a successor is chosen for is not a participant of the event: in "an
//   election to choose a successor to President Andrzej Duda", Duda is the officeholder, not a
//   candidate, and naming him must not keep the election apart from one that names the
//   candidates. Looks back over titles ("President", "Prime Minister") to "successor to/of" or
//   "predecessor". Pinned by tests/engine/events_test.cpp (Events.SuccessorToNamesNoParticipant).
namespace {
bool named_as_predecessor(std::string_view text, std::size_t name_begin) {
  std::size_t end = name_begin;
  // Skip back over capitalised words (titles) and spaces, at most four words.
  for (int words = 0; words < 4 && end > 0; ++words) {
    std::size_t e = end;
    while (e > 0 && text[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1])) != 0) --b;
    if (b == e || std::isupper(static_cast<unsigned char>(text[b])) == 0) break;
    std::string_view const word = text.substr(b, e - b);
    if (word != "President" && word != "Prime" && word != "Minister" && word != "Chancellor" && word != "King" &&
        word != "Queen" && word != "Governor" && word != "Mayor" && word != "Chairman" && word != "Secretary") {
      break;
    }
    end = b;
  }
  std::size_t const from = end > 32 ? end - 32 : 0;
  std::string before{text.substr(from, end - from)};
  for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!before.empty() && before.back() == ' ') before.pop_back();
  return before.ends_with("successor to") || before.ends_with("successor of") || before.ends_with("successors to") ||
         before.ends_with("predecessor") || before.ends_with("predecessor,");
}
}  // namespace

std::vector<event_mention> find_events(document const& doc, std::vector<grammar::temporal_mention> const& timexes,
                                       grammar::reference_time const& dct, lexicon const& lex) {
  std::vector<event_mention> out;
  name_index const names = index_names(doc, lex);

  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    sentence const& s = doc.sentences[si];
    if (s.boilerplate && !doc.keep_boilerplate) continue;
    sentence_view v;
    v.text = doc.slice(s.span);
    v.ws = words(doc.text, s.span);
    for (std::size_t b = s.span.begin; b < s.span.end; ++b) {
      char const c = doc.text[b];
      if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') v.clause_breaks.push_back(b);
      if (b + 2 < s.span.end && static_cast<unsigned char>(c) == 0xE2 && static_cast<unsigned char>(doc.text[b + 1]) == 0x80 &&
          (static_cast<unsigned char>(doc.text[b + 2]) == 0x94 || static_cast<unsigned char>(doc.text[b + 2]) == 0x93)) {
        v.clause_breaks.push_back(b);
      }
    }

    std::set<std::size_t> spanning;  // begins of coordinated expressions ("June 12 and 13")
    std::vector<grammar::temporal_mention> stx;
    for (auto const& m : timexes) {
      if (inside(s.span, m.begin, m.end)) stx.push_back(m);
    }
    auto in_timex = [&](word const& w) {
      return std::any_of(stx.begin(), stx.end(), [&](auto const& m) { return w.span.begin >= m.begin && w.span.end <= m.end; });
    };
    // Triggers: the longest lexicon phrase (up to three words) at each word.
    for (std::size_t k = 0; k < v.ws.size();) {
      std::size_t matched = 0;
      std::string cls;
      for (std::size_t len = std::min<std::size_t>(4, v.ws.size() - k); len >= 1; --len) {
        std::string_view const c = lex.trigger_class(phrase(v.ws, k, len));
        if (!c.empty()) {
          matched = len;
          cls = std::string{c};
          break;
        }
      }
      if (matched == 0 || in_timex(v.ws[k])) {
        ++k;
        continue;
      }
      v.triggers.push_back({k, k + matched - 1, cls});
      k += matched;
    }

    // Step 2: speech with a date next to it.
    std::optional<grammar::temporal_mention> said_at;
    std::size_t content_begin = s.span.begin;
    std::optional<std::size_t> speech_word;
    for (std::size_t k = 0; k < v.ws.size() && !said_at; ++k) {
      std::size_t verb_len = 0;
      if (k + 1 < v.ws.size() && lex.speech_verb(phrase(v.ws, k, 2))) verb_len = 2;
      else if (lex.speech_verb(v.ws[k].lower)) verb_len = 1;
      if (verb_len == 0) continue;
      std::size_t const after_limit = verb_len == 2 ? 5 : 2;  // "according to the Kremlin on Tuesday"
      for (auto const& m : stx) {
        if (!m.when) continue;
        std::size_t const mw = word_at(v.ws, m.begin);
        bool const after = mw > k + verb_len - 1 && mw <= k + verb_len - 1 + after_limit + 1;
        bool const before = mw < k && k - word_at(v.ws, m.end) <= 1;
        // "said Monday", "said on Monday", "on Tuesday vowed"; a date further away is the content's.
        bool const adjacent = after ? mw - (k + verb_len) <= (verb_len == 2 ? after_limit : 1) : before;
        if (adjacent && m.granularity <= grammar::grain::week) {
          said_at = m;
          speech_word = k;
          content_begin = std::max(m.end, v.ws[k + verb_len - 1].span.end);
          break;
        }
      }
      // A quotation ("had told workers: \"The board will decide on Monday.\"") is dated by the
      // occasion the sentence gives before the verb ("At a staff meeting on Friday"): its words
      // were spoken then, so its tense counts from that day.
      if (!said_at && quotation_follows(doc.text, v.ws[k + verb_len - 1].span.end, s.span.end)) {
        for (auto const& m : stx) {
          if (!m.when || m.end > v.ws[k].span.begin || m.granularity > grammar::grain::day) continue;
          said_at = m;  // the last dated day before the verb
          speech_word = k;
          content_begin = v.ws[k + verb_len - 1].span.end;
        }
      }
    }

    // Reported speech counts from when it was said: re-tag the content with that day as reference.
    std::vector<grammar::temporal_mention> content_tx;
    for (auto const& m : stx) {
      if (said_at && m.begin == said_at->begin) continue;
      content_tx.push_back(m);
    }
    if (said_at && said_at->when && said_at->when->earliest == said_at->when->latest && said_at->when->earliest != dct.day) {
      std::string piece = doc.text.substr(content_begin, s.span.end - content_begin);
      auto again = grammar::extract(piece, {said_at->when->earliest, std::nullopt});
      for (auto& m : content_tx) {
        if (m.begin < content_begin) continue;
        for (auto const& r : again) {
          if (r.begin + content_begin == m.begin && r.end + content_begin == m.end) {
            auto const begin = m.begin;
            auto const end = m.end;
            m = r;
            m.begin = begin;
            m.end = end;
          }
        }
      }
    }

    text_span const speaker_region{s.span.begin, speech_word ? v.ws[*speech_word].span.begin : s.span.begin};
    auto people_in = [&](std::size_t from, std::size_t to) {
      std::vector<std::string> people;
      for (auto const& n : names.mentions) {
        if (n.place || n.canonical.empty() || n.span.begin < from || n.span.end > to) continue;
        if (named_as_predecessor(doc.text, n.span.begin)) continue;
        people.push_back(n.canonical);
      }
      std::sort(people.begin(), people.end());
      people.erase(std::unique(people.begin(), people.end()), people.end());
      return people;
    };
    auto clause_span = [&](std::size_t offset) {
      std::size_t const c = clause_of(v, offset);
      std::size_t const from = c == 0 ? s.span.begin : v.clause_breaks[c - 1];
      std::size_t const to = c < v.clause_breaks.size() ? v.clause_breaks[c] : s.span.end;
      return text_span{from, to};
    };
    // The event's place: a gazetteer place after a place preposition ("to Pyongyang", "at the
    // White House"), looking forward from the trigger over at most ten words and stopping at words
    // that open another clause, then back over three words.
    auto place_near = [&](std::size_t trigger_first, std::size_t trigger_last) -> std::string {
      auto place_at = [&](std::size_t w) -> std::string {
        for (auto const& n : names.mentions) {
          if (!n.place || n.span.begin != v.ws[w].span.begin) continue;
          std::size_t p = w;
          if (p > 0 && v.ws[p - 1].lower == "the") --p;
          if (p == 0 || !lex.place_preposition(v.ws[p - 1].lower) || v.ws[p - 1].lower == "from") return {};
          return n.canonical;
        }
        return {};
      };
      static constexpr std::string_view stops[] = {"amid", "while", "as", "because", "and", "but", "which", "who",
                                                   "that", "following", "after", "before", "ahead", "since", "during"};
      for (std::size_t w = trigger_last + 1; w < v.ws.size() && w <= trigger_last + 10; ++w) {
        if (std::find(std::begin(stops), std::end(stops), v.ws[w].lower) != std::end(stops)) break;
        if (auto p = place_at(w); !p.empty()) return p;
      }
      for (std::size_t back = 1; back <= 3 && back <= trigger_first; ++back) {
        if (auto p = place_at(trigger_first - back); !p.empty()) return p;
      }
      return {};
    };
    auto modality_before = [&](std::size_t trigger_word, std::size_t region_begin) -> std::optional<modality> {
      std::size_t const lo = trigger_word >= 6 ? trigger_word - 6 : 0;
      std::optional<modality> found;
      for (std::size_t k = lo; k <= trigger_word && k < v.ws.size(); ++k) {
        if (v.ws[k].span.begin < region_begin) continue;
        for (std::size_t len = 3; len >= 1; --len) {
          if (k + len > v.ws.size()) continue;
          if (auto const m = lex.modality_cue(phrase(v.ws, k, len))) {
            // The nearest cue wins; speculation outranks planning at equal distance.
            found = m;
            break;
          }
        }
      }
      return found;
    };
    auto relation_before = [&](std::size_t offset) {
      std::size_t const w = word_at(v.ws, offset);
      for (std::size_t len = 3; len >= 1; --len) {
        if (w < len) continue;
        if (auto const r = lex.relation_cue(phrase(v.ws, w - len, len))) return *r;
      }
      return event_relation::during;
    };
    auto nearest_trigger = [&](std::size_t offset, std::size_t region_begin, std::optional<std::size_t> exclude_word,
                               bool allow_statement) -> trigger_hit const* {
      trigger_hit const* best = nullptr;
      std::size_t best_cost = std::numeric_limits<std::size_t>::max();
      std::size_t const ow = word_at(v.ws, offset);
      for (auto const& t : v.triggers) {
        if (v.ws[t.first].span.begin < region_begin) continue;
        if (exclude_word && *exclude_word >= t.first && *exclude_word <= t.last) continue;
        if (!allow_statement && t.cls == "statement") continue;
        // A verb of saying before the date says something the date belongs to ("Dahl said demand
        // had fallen since 2019"): the date is the content's, not the saying's.
        if (allow_statement && t.cls == "statement" && t.last < ow) continue;
        std::size_t cost = t.last < ow ? ow - t.last : (t.first - ow) + 1;  // a trigger after the date costs one more
        // A trigger after the date behind a preposition is a complement of another event ("ended
        // on Friday with a deal", "struck on Monday after talks"), not what the date dates.
        if (t.first > ow && complement_between(v.ws, ow, t.first)) cost += 3;
        // Another clause costs more ahead of the date than behind it: "landfall on Thursday, cutting
        // power" dates the landfall; what follows the comma is its consequence.
        if (clause_of(v, v.ws[t.first].span.begin) != clause_of(v, offset)) cost += t.first > ow ? 6 : 4;
        if (cost < best_cost) {
          best_cost = cost;
          best = &t;
        }
      }
      return best;
    };
    auto make = [&](trigger_hit const* t, std::optional<grammar::temporal_mention> const& timex, std::size_t region_begin) {
      event_mention e;
      e.sentence = si;
      std::size_t anchor = timex ? timex->begin : region_begin;
      if (t != nullptr) {
        e.trigger = {v.ws[t->first].span.begin, v.ws[t->last].span.end};
        e.trigger_text = doc.text.substr(e.trigger.begin, e.trigger.size());
        e.trigger_class = t->cls;
        anchor = e.trigger.begin;
      } else {
        e.trigger_class = "event";
      }
      text_span clause = clause_span(anchor);
      // A relative clause ("Karol Nawrocki, who beat Rafał Trzaskowski in Sunday's runoff") is
      // about the name it follows: its people include the clause before it.
      if (clause.begin > s.span.begin) {
        std::size_t const first = word_at(v.ws, clause.begin);
        if (first < v.ws.size() && (v.ws[first].lower == "who" || v.ws[first].lower == "whom")) {
          clause.begin = clause_span(clause.begin - 1).begin;
        }
      }
      std::size_t const from = std::max(clause.begin, region_begin);
      e.participants = people_in(from, clause.end);
      if (e.participants.empty()) e.participants = people_in(region_begin, s.span.end);
      if (t != nullptr) e.place = place_near(t->first, t->last);
      e.timex = timex;
      e.said_at = said_at;
      if (timex) e.relation = relation_before(timex->begin);
      // "before the end of the year": within what is left of it, not before its last months.
      if (timex && e.relation == event_relation::before && timex->mod == "END") e.relation = event_relation::during;
      // "The summit ended in Tallinn on Friday": the date is when it ended, not all of it.
      if (timex && t != nullptr && e.relation == event_relation::during && t->last < word_at(v.ws, timex->begin)) {
        for (std::size_t k = t->last + 1; k < word_at(v.ws, timex->begin) && k < v.ws.size(); ++k) {
          if (ending_verb(v.ws[k].lower)) e.relation = event_relation::until;
        }
      }
      if (timex && spanning.contains(timex->begin)) e.spans = true;
      date::sys_days const reference = said_at && said_at->when ? said_at->when->latest : dct.day;
      std::optional<modality> const cue = t != nullptr ? modality_before(t->first, region_begin) : std::nullopt;
      if (cue) e.mod = *cue;
      else if (timex && timex->when && timex->when->earliest > reference) e.mod = modality::planned;
      else if (timex && timex->when && timex->when->latest > reference && looks_ahead(doc.text, *timex)) e.mod = modality::planned;
      else e.mod = modality::reported;
      return e;
    };

    std::size_t const first_of_sentence = out.size();
    if (said_at) {
      // The saying itself is a dated event of the speaker's.
      trigger_hit const* verb = nullptr;
      for (auto const& t : v.triggers) {
        if (t.first <= *speech_word && t.last >= *speech_word) verb = &t;
      }
      event_mention e = make(verb, said_at, s.span.begin);
      e.said_at.reset();
      e.participants = people_in(speaker_region.begin, speaker_region.end);
      e.mod = modality::reported;
      e.place.clear();
      out.push_back(std::move(e));
    }
    for (auto const& m : merge_coordinated(doc.text, content_tx)) spanning.insert(m);
    bool content_dated = false;
    for (auto const& m : content_tx) {
      if (!m.when) continue;
      if (dates_an_earlier_time(v.ws, word_at(v.ws, m.begin))) continue;
      if (m.type == grammar::timex_type::duration || m.type == grammar::timex_type::set) continue;
      std::size_t const region = m.begin >= content_begin ? content_begin : s.span.begin;
      trigger_hit const* t = nearest_trigger(m.begin, region, speech_word, false);
      if (t == nullptr) t = nearest_trigger(m.begin, region, speech_word, true);
      event_mention e = make(t, m, region);
      if (m.begin < content_begin) e.said_at.reset();
      content_dated = content_dated || m.begin >= content_begin;
      out.push_back(std::move(e));
    }
    if (said_at && !content_dated) {
      // Undated content of reported speech: still bounded by when it was said.
      trigger_hit const* t = nearest_trigger(content_begin, content_begin, speech_word, false);
      if (t != nullptr) out.push_back(make(t, std::nullopt, content_begin));
    }

    // Step 4: ordering cues followed by an event phrase ("following Shoigu's visit").
    for (std::size_t k = 0; k < v.ws.size(); ++k) {
      std::optional<event_relation> rel;
      std::size_t cue_len = 0;
      for (std::size_t len = 3; len >= 1 && !rel; --len) {
        if (k + len > v.ws.size()) continue;
        if (auto const r = lex.relation_cue(phrase(v.ws, k, len))) {
          rel = r;
          cue_len = len;
        }
      }
      if (!rel) continue;
      // A cue right before a date was read as the date's relation in step 3.
      bool const before_date = std::any_of(stx.begin(), stx.end(), [&](auto const& m) {
        return k + cue_len < v.ws.size() && v.ws[k + cue_len].span.begin == m.begin;
      });
      if (before_date) continue;
      trigger_hit const* target_trigger = nullptr;
      for (auto const& t : v.triggers) {
        if (t.first >= k + cue_len && t.first <= k + cue_len + 5 && t.cls != "statement") {
          target_trigger = &t;
          break;
        }
      }
      if (target_trigger == nullptr) continue;
      event_cue cue;
      cue.relation = *rel;
      cue.text = {v.ws[k].span.begin, v.ws[target_trigger->last].span.end};
      cue.trigger_class = target_trigger->cls;
      cue.participants = people_in(cue.text.begin, cue.text.end);
      // "three days after": an exact gap.
      if (k >= 2 && (v.ws[k - 1].lower == "days" || v.ws[k - 1].lower == "day" || v.ws[k - 1].lower == "weeks" ||
                     v.ws[k - 1].lower == "week")) {
        if (auto const n = small_number(v.ws[k - 2].lower)) {
          int const unit = v.ws[k - 1].lower.starts_with("week") ? 7 : 1;
          cue.gap = date::days{*n * unit};
        }
      }
      // The event the cue belongs to: one of this sentence whose trigger is outside the cue.
      std::optional<std::size_t> owner;
      std::size_t best = std::numeric_limits<std::size_t>::max();
      for (std::size_t i = first_of_sentence; i < out.size(); ++i) {
        if (out[i].trigger.size() == 0 || out[i].cue) continue;
        if (out[i].trigger.begin >= cue.text.begin && out[i].trigger.end <= cue.text.end) continue;
        if (out[i].trigger_class == "statement" && out[i].timex && said_at && out[i].timex->begin == said_at->begin) continue;
        std::size_t const d = out[i].trigger.begin > cue.text.begin ? out[i].trigger.begin - cue.text.begin
                                                                    : cue.text.begin - out[i].trigger.begin;
        if (d < best) {
          best = d;
          owner = i;
        }
      }
      if (!owner) {
        trigger_hit const* main = nullptr;
        std::size_t main_cost = std::numeric_limits<std::size_t>::max();
        for (auto const& t : v.triggers) {
          if (&t == target_trigger || t.cls == "statement") continue;
          if (t.first >= k && t.last <= target_trigger->last) continue;
          std::size_t const cost = t.first > k ? t.first - k : k - t.first;
          if (cost < main_cost) {
            main_cost = cost;
            main = &t;
          }
        }
        if (main == nullptr) continue;
        event_mention e = make(main, std::nullopt, s.span.begin);
        // The cue's own people are the other event's, unless they are also named outside it.
        std::vector<std::string> outside = people_in(s.span.begin, cue.text.begin);
        auto const tail = people_in(cue.text.end, s.span.end);
        outside.insert(outside.end(), tail.begin(), tail.end());
        std::sort(outside.begin(), outside.end());
        outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
        if (!outside.empty()) e.participants = outside;
        out.push_back(std::move(e));
        owner = out.size() - 1;
      }
      // The cue's target within the document: this sentence first, then the most recent before it.
      for (std::size_t i = out.size(); i-- > 0;) {
        if (i == *owner) continue;
        event_mention const& c = out[i];
        bool const same_trigger = c.trigger.begin == v.ws[target_trigger->first].span.begin && c.sentence == si;
        bool const fits = lex.compatible(c.trigger_class, cue.trigger_class) &&
                          (cue.participants.empty() || participants_agree(c.participants, cue.participants));
        if (same_trigger || (fits && i < first_of_sentence)) {
          cue.target = i;
          break;
        }
      }
      // Names only inside the cue belong to the other event ("following Shoigu's visit").
      if (!cue.participants.empty()) {
        std::vector<std::string> outside = people_in(s.span.begin, cue.text.begin);
        auto const tail = people_in(cue.text.end, s.span.end);
        outside.insert(outside.end(), tail.begin(), tail.end());
        auto& mine = out[*owner].participants;
        mine.erase(std::remove_if(mine.begin(), mine.end(), [&](std::string const& p) {
                     return std::binary_search(cue.participants.begin(), cue.participants.end(), p) &&
                            std::find(outside.begin(), outside.end(), p) == outside.end();
                   }),
                   mine.end());
      }
      out[*owner].cue = std::move(cue);
      k += cue_len - 1;
    }
  }
  return out;
}

}  // namespace timeline::engine
