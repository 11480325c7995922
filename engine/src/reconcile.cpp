// SPDX-License-Identifier: MIT
//
// The reconciler: documents -> event mentions -> linked events -> one STP per connected component.
//
// Variables ("vars") are events (two STP nodes: start, end) and undated documents (one node: the
// DCT). Constraints name vars, and a union-find over vars gives the components: events joined by
// an ordering cue, or by the DCT of an undated document that dates them. Each component keeps the
// list of its constraints, and solve() rebuilds and solves an stp_network for the components
// touched since the last call, with claim weights computed from the evidence of that moment (so
// "more sources" counts every article added so far).
#include <timeline/engine/reconcile.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include <timeline/engine/event.hpp>
#include <timeline/engine/linker.hpp>
#include <timeline/engine/stp.hpp>
#include <timeline/engine/tagging.hpp>

namespace timeline::engine {

namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

std::string interval_text(grammar::day_interval const& i) {
  return i.earliest == i.latest ? grammar::day_value(i.earliest) : grammar::day_value(i.earliest) + ".." + grammar::day_value(i.latest);
}

std::string one_line(std::string_view s) {
  std::string out{s};
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

// A node of a var: part 0 is an event's start or a document's DCT, part 1 an event's end.
struct node_ref {
  std::uint32_t var = none;  // none: the origin
  std::uint8_t part = 0;
};

struct constraint {
  node_ref from;
  node_ref to;
  std::int64_t max_diff = 0;  // t_to - t_from <= max_diff
  std::uint32_t claim = 0;
};

enum class claim_kind : std::uint8_t { date, order, tense, dct, structure };

std::string_view kind_name(claim_kind k) {
  switch (k) {
    case claim_kind::date: return "date";
    case claim_kind::order: return "order";
    case claim_kind::tense: return "tense";
    case claim_kind::dct: return "publication date";
    case claim_kind::structure: return "structure";
  }
  return "date";
}

struct claim_rec {
  claim_kind kind = claim_kind::date;
  std::uint32_t mention = none;  // index into mentions_
  std::uint32_t event = none;
  std::uint32_t doc = none;
  std::string value;  // its resolved value in words
  std::optional<grammar::day_interval> resolved;
  grammar::grain granularity = grammar::grain::unspecified;
  claim_strength strength = claim_strength::hard;
  bool relaxed = false;
};

struct mention_rec {
  std::uint32_t doc = 0;
  event_mention m;
  std::uint32_t event = none;
  std::optional<grammar::day_interval> window;  // resolved days (a hull over candidates for undated documents)
  std::uint32_t date_claim = none;
};

struct event_rec {
  event_signature sig;
  std::uint32_t var = 0;
  std::vector<std::uint32_t> mentions;
  std::vector<link_record> links;
  std::optional<grammar::day_interval> estimate;  // intersection of its mentions' windows
  grammar::grain coarsest = grammar::grain::day;
  std::set<std::uint32_t> docs;
};

struct doc_rec {
  std::string id;
  std::string text;  // kept for quoting (when keep_mentions)
  std::vector<text_span> sentences;
  std::optional<date::sys_days> dct;
  std::optional<grammar::day_interval> window;  // metadata window, or the inferred one
  std::string source;
  dct_origin origin = dct_origin::given;
  std::vector<std::string> evidence;
  std::uint32_t var = none;  // for undated documents
  document pending;          // undated documents wait for solve()
  bool waiting = false;
};

struct var_rec {
  bool is_event = true;
  std::uint32_t owner = 0;  // event or document index
  std::uint32_t parent = 0;
  std::vector<std::uint32_t> members;       // at roots
  std::vector<std::uint32_t> constraints;   // at roots
};

}  // namespace

struct reconciler::state {
  reconcile_options options;
  lexicon const* lex = nullptr;
  std::vector<doc_rec> docs;
  std::unordered_map<std::string, std::uint32_t> doc_ids;
  std::vector<mention_rec> mentions;
  std::vector<event_rec> events;
  std::vector<claim_rec> claims;
  std::vector<constraint> constraints;
  std::vector<var_rec> vars;
  // Linking index: canonical participant (or "@place" when nobody is named), and "#class" keys
  // (index_keys) -> events.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key;
  std::set<std::uint32_t> touched;  // roots
  // Per component root: its bounds and conflicts of the last solve.
  std::unordered_map<std::uint32_t, std::vector<stp_conflict>> conflicts;
  std::vector<day_bounds> var_bounds;  // 2 per var (start/DCT, end)
  timeline result;
  reconcile_stats stats;
  std::multiset<date::sys_days> known_dcts;

  std::uint32_t find(std::uint32_t v) {
    while (vars[v].parent != v) {
      vars[v].parent = vars[vars[v].parent].parent;
      v = vars[v].parent;
    }
    return v;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (vars[a].members.size() < vars[b].members.size()) std::swap(a, b);
    vars[b].parent = a;
    vars[a].members.insert(vars[a].members.end(), vars[b].members.begin(), vars[b].members.end());
    vars[a].constraints.insert(vars[a].constraints.end(), vars[b].constraints.begin(), vars[b].constraints.end());
    vars[b].members.clear();
    vars[b].members.shrink_to_fit();
    vars[b].constraints.clear();
    vars[b].constraints.shrink_to_fit();
    touched.erase(b);
    touched.insert(a);
    conflicts.erase(b);
  }
  std::uint32_t new_var(bool is_event, std::uint32_t owner) {
    auto const v = static_cast<std::uint32_t>(vars.size());
    vars.push_back({is_event, owner, v, {v}, {}});
    var_bounds.resize(2 * vars.size());
    touched.insert(v);
    return v;
  }
  std::uint32_t new_claim(claim_rec c) {
    claims.push_back(std::move(c));
    return static_cast<std::uint32_t>(claims.size() - 1);
  }
  void add_constraint(node_ref from, node_ref to, std::int64_t max_diff, std::uint32_t claim) {
    auto const index = static_cast<std::uint32_t>(constraints.size());
    constraints.push_back({from, to, max_diff, claim});
    std::uint32_t const a = from.var;
    std::uint32_t const b = to.var;
    if (a != none && b != none) unite(a, b);
    std::uint32_t const root = find(a != none ? a : b);
    vars[root].constraints.push_back(index);
    touched.insert(root);
  }
  // lo <= t(node) - t(ref) <= hi, ref none = origin (days since 1970-01-01).
  void add_range(node_ref node, node_ref ref, std::optional<std::int64_t> lo, std::optional<std::int64_t> hi,
                 std::uint32_t claim) {
    if (hi) add_constraint(ref, node, *hi, claim);
    if (lo) add_constraint(node, ref, -*lo, claim);
  }

  std::uint32_t new_event(event_signature sig) {
    auto const e = static_cast<std::uint32_t>(events.size());
    event_rec rec;
    rec.sig = std::move(sig);
    rec.var = new_var(true, e);
    events.push_back(std::move(rec));
    // The end is never before the start: a structural claim nothing relaxes before the text.
    std::uint32_t const c = new_claim({claim_kind::structure, none, e, none, "start <= end", std::nullopt,
                                       grammar::grain::unspecified, claim_strength::hard, false});
    add_constraint({events[e].var, 1}, {events[e].var, 0}, 0, c);
    for (auto const& key : index_keys(events[e].sig)) by_key[key].push_back(e);
    return e;
  }

  // Classes whose events may be linked on the class alone (linker.hpp: link_check::weak).
  static bool class_links_alone(std::string const& cls) {
    return cls != "event" && cls != "statement" && cls != "report";
  }

  // The keys an event is filed under: its participants, else its place; and its class ("#strike"),
  // plus "#strike?" while it names nobody.
  static std::vector<std::string> index_keys(event_signature const& sig) {
    std::vector<std::string> keys = sig.participants;
    if (keys.empty() && !sig.place.empty()) keys.push_back("@" + sig.place);
    if (class_links_alone(sig.trigger_class)) {
      keys.push_back("#" + sig.trigger_class);
      if (sig.participants.empty()) keys.push_back("#" + sig.trigger_class + "?");
    }
    return keys;
  }

  // The keys a mention looks under: a mention naming people finds the events naming them and the
  // nameless ones of its class; a nameless mention finds every event of its class. Kept this
  // narrow so a named mention's candidates are not crowded out by every event of its class.
  static std::vector<std::string> lookup_keys(event_signature const& sig) {
    std::vector<std::string> keys = sig.participants;
    if (keys.empty() && !sig.place.empty()) keys.push_back("@" + sig.place);
    if (class_links_alone(sig.trigger_class)) keys.push_back("#" + sig.trigger_class + (sig.participants.empty() ? "" : "?"));
    return keys;
  }

  // The event a mention joins, with the decisions taken on the way.
  std::uint32_t link(std::uint32_t mi) {
    mention_rec& mr = mentions[mi];
    event_signature sig{mr.m.trigger_class, mr.m.participants, mr.m.place};
    grammar::grain const g = mr.m.timex ? mr.m.timex->granularity : grammar::grain::unspecified;
    std::vector<std::uint32_t> candidates;
    for (auto const& key : lookup_keys(sig)) {
      auto const it = by_key.find(key);
      if (it == by_key.end()) continue;
      // POLICY: only the latest events filed under a key are candidates (events are filed in the
      //   order articles arrive). A class key ("#runoff?") or a much-named participant collects an
      //   event from nearly every article of a large story; reading them all made linking
      //   quadratic (100k generated articles: 273 s against 2 s for 10k). Stories are told in
      //   order, and an event mentioned again is mentioned again soon.
      constexpr std::size_t latest_per_key = 256;
      auto const first = it->second.size() > latest_per_key ? it->second.end() - latest_per_key : it->second.begin();
      candidates.insert(candidates.end(), first, it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    // Most supported first, so a mention joins the event most articles agree on.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return events[a].docs.size() > events[b].docs.size(); });
    if (candidates.size() > 64) candidates.resize(64);
    std::optional<std::pair<std::uint32_t, std::string>> same;
    std::optional<std::pair<std::uint32_t, std::string>> clash;
    std::vector<std::pair<std::uint32_t, std::string>> refused;
    for (std::uint32_t const e : candidates) {
      link_check const c = compare(sig, mr.window, g, events[e].sig, events[e].estimate, events[e].coarsest, *lex);
      if (c.verdict == link_verdict::same && !same) same.emplace(e, c.reason);
      else if (c.verdict == link_verdict::contradiction && !clash) clash.emplace(e, c.reason);
      else if (c.verdict == link_verdict::different && c.reason.find("apart") != std::string::npos) refused.emplace_back(e, c.reason);
    }
    std::uint32_t target = none;
    link_record rec{docs[mr.doc].id, mr.m.sentence, "", "", std::nullopt};
    if (same) {
      target = same->first;
      rec.verdict = "same";
      rec.reason = same->second;
    } else if (clash) {
      target = clash->first;
      rec.verdict = "contradiction";
      rec.reason = clash->second;
    } else {
      target = new_event(sig);
      rec.verdict = "new";
      rec.reason = candidates.empty() ? "no earlier event with these participants" : "no earlier event matches";
    }
    event_rec& ev = events[target];
    if (rec.verdict == "same" && ev.sig.participants.empty() && !sig.participants.empty()) {
      // A nameless event ("the two men will face each other in the runoff on June 1") takes the
      // names of the first mention that links to it and gives them, so later mentions that name
      // the people find it ("who beat Trzaskowski in Sunday's runoff").
      ev.sig.participants = sig.participants;
      for (auto const& p : sig.participants) by_key[p].push_back(target);
    }
    ev.links.push_back(rec);
    for (auto const& [other, why] : refused) {
      ev.links.push_back({docs[mr.doc].id, mr.m.sentence, "different", why, other});
    }
    ev.mentions.push_back(mi);
    ev.docs.insert(mr.doc);
    if (g != grammar::grain::unspecified) ev.coarsest = std::max(ev.coarsest, g);
    if (mr.window && mr.m.relation == event_relation::during) {
      if (!ev.estimate) {
        ev.estimate = mr.window;
      } else {
        grammar::day_interval const both{std::max(ev.estimate->earliest, mr.window->earliest),
                                         std::min(ev.estimate->latest, mr.window->latest)};
        if (both.earliest <= both.latest) ev.estimate = both;
      }
    }
    // Participants named by one article and not another enrich the event's signature.
    mr.event = target;
    touched.insert(find(ev.var));
    return target;
  }

  // The constraints a mention's own expression and tense say. `dct_node` is set for undated
  // documents: then `offsets` bound the event against the DCT node too.
  void constrain(std::uint32_t mi, std::optional<node_ref> dct_node, std::optional<std::pair<std::int64_t, std::int64_t>> offsets,
                 date::sys_days reference) {
    mention_rec& mr = mentions[mi];
    event_rec const& ev = events[mr.event];
    node_ref const start{ev.var, 0};
    node_ref const end{ev.var, 1};
    node_ref const origin{};
    auto days_of = [](date::sys_days d) { return static_cast<std::int64_t>(d.time_since_epoch().count()); };
    if (mr.window) {
      grammar::temporal_mention const& t = *mr.m.timex;
      std::string value = t.value.empty() ? interval_text(*mr.window) : t.value;
      if (mr.m.said_at && mr.m.said_at->when) value += " (counted from " + mr.m.said_at->value + ")";
      std::uint32_t const c = new_claim({claim_kind::date, mi, mr.event, mr.doc, value, mr.window, t.granularity,
                                         claim_strength::hard, false});
      mr.date_claim = c;
      std::int64_t const e = days_of(mr.window->earliest);
      std::int64_t const l = days_of(mr.window->latest);
      switch (mr.m.relation) {
        case event_relation::during:
          add_range(start, origin, e, mr.m.spans ? std::optional<std::int64_t>{e} : std::nullopt, c);
          add_range(end, origin, mr.m.spans ? std::optional<std::int64_t>{l} : std::nullopt, l, c);
          break;
        case event_relation::before: add_range(end, origin, std::nullopt, e - 1, c); break;
        case event_relation::after: add_range(start, origin, l + 1, std::nullopt, c); break;
        case event_relation::since: add_range(start, origin, e, l, c); break;
        case event_relation::until: add_range(end, origin, e, l, c); break;
      }
      if (dct_node && offsets && mr.m.relation == event_relation::during) {
        add_range(start, *dct_node, offsets->first, std::nullopt, c);
        add_range(end, *dct_node, std::nullopt, offsets->second, c);
      }
    }
    // Tense: reported events no later than the reference, planned ones no earlier. Soft: a stated
    // date outranks a tense reading.
    bool const speech = mr.m.said_at && mr.m.said_at->when;
    if (mr.m.mod == modality::reported) {
      std::uint32_t const c = new_claim({claim_kind::tense, mi, mr.event, mr.doc,
                                         "reported, so no later than " + (speech ? mr.m.said_at->value + " (when it was said)"
                                                                                 : (dct_node ? std::string{"the publication date"} : grammar::day_value(reference))),
                                         std::nullopt, grammar::grain::unspecified, claim_strength::soft, false});
      if (speech) add_range(end, origin, std::nullopt, days_of(mr.m.said_at->when->latest), c);
      else if (dct_node) add_range(end, *dct_node, std::nullopt, 0, c);
      else add_range(end, origin, std::nullopt, days_of(reference), c);
    } else {
      std::uint32_t const c = new_claim({claim_kind::tense, mi, mr.event, mr.doc,
                                         std::string{to_string(mr.m.mod)} + ", so no earlier than " +
                                             (speech ? mr.m.said_at->value + " (when it was said)"
                                                     : (dct_node ? std::string{"the publication date"} : grammar::day_value(reference))),
                                         std::nullopt, grammar::grain::unspecified, claim_strength::soft, false});
      if (speech) add_range(start, origin, days_of(mr.m.said_at->when->earliest), std::nullopt, c);
      else if (dct_node) add_range(start, *dct_node, 0, std::nullopt, c);
      else add_range(start, origin, days_of(reference), std::nullopt, c);
    }
  }

  // Ordering cues, once every mention of the document is linked.
  void constrain_cue(std::uint32_t mi, std::uint32_t first_of_doc) {
    mention_rec const& mr = mentions[mi];
    if (!mr.m.cue) return;
    event_cue const& cue = *mr.m.cue;
    std::uint32_t other = none;
    if (cue.target) {
      other = mentions[first_of_doc + static_cast<std::uint32_t>(*cue.target)].event;
    } else {
      // Another article's event: the most supported one the cue's words fit.
      event_signature const sig{cue.trigger_class, cue.participants, ""};
      std::size_t best = 0;
      for (auto const& key : lookup_keys(sig)) {
        auto const it = by_key.find(key);
        if (it == by_key.end()) continue;
        for (std::uint32_t const e : it->second) {
          if (e == mr.event || evidence(sig, events[e].sig, *lex).verdict != link_verdict::same) continue;
          if (events[e].docs.size() > best) {
            best = events[e].docs.size();
            other = e;
          }
        }
      }
    }
    if (other == none || other == mr.event) return;
    std::string_view const text = docs[mr.doc].text.empty() ? std::string_view{}
                                                             : std::string_view{docs[mr.doc].text}.substr(cue.text.begin, cue.text.size());
    std::uint32_t const c = new_claim({claim_kind::order, mi, mr.event, mr.doc,
                                       std::string{to_string(cue.relation)} + " " + event_label(events[other].sig.trigger_class,
                                                                                               events[other].sig.participants,
                                                                                               events[other].sig.place) +
                                           (text.empty() ? "" : " (\"" + one_line(text) + "\")"),
                                       std::nullopt, grammar::grain::unspecified, claim_strength::hard, false});
    node_ref const a_start{events[mr.event].var, 0};
    node_ref const a_end{events[mr.event].var, 1};
    node_ref const b_start{events[other].var, 0};
    node_ref const b_end{events[other].var, 1};
    // POLICY: "ahead of the summit", "following the summit": at day grain the two events fall on
    // different days, as "before June 12" excludes the 12th; a stated gap ("three days after") is exact.
    std::int64_t const gap = cue.gap ? cue.gap->count() : 1;
    switch (cue.relation) {
      case event_relation::after:
        add_range(a_start, b_end, gap, cue.gap ? std::optional<std::int64_t>{gap} : std::nullopt, c);
        break;
      case event_relation::before:
        add_range(b_start, a_end, gap, cue.gap ? std::optional<std::int64_t>{gap} : std::nullopt, c);
        break;
      case event_relation::since: add_range(a_start, b_start, 0, std::nullopt, c); break;
      case event_relation::until: add_range(a_end, b_start, std::nullopt, 0, c); break;
      case event_relation::during:
        add_range(a_start, b_start, 0, std::nullopt, c);
        add_range(a_end, b_end, std::nullopt, 0, c);
        break;
    }
  }

  std::uint32_t register_doc(document const& doc) {
    doc_rec rec;
    rec.id = doc.id;
    for (int n = 2; doc_ids.contains(rec.id); ++n) rec.id = doc.id + "#" + std::to_string(n);
    if (options.keep_mentions) {
      rec.text = doc.text;
      for (auto const& s : doc.sentences) rec.sentences.push_back(s.span);
    }
    auto const d = static_cast<std::uint32_t>(docs.size());
    doc_ids.emplace(rec.id, d);
    docs.push_back(std::move(rec));
    ++stats.documents;
    return d;
  }

  void add_dated(std::uint32_t d, document const& doc, grammar::reference_time const& dct) {
    auto const timexes = tag(doc, dct);
    auto const found = find_events(doc, timexes, dct, *lex);
    auto const first = static_cast<std::uint32_t>(mentions.size());
    for (auto const& m : found) {
      mention_rec mr;
      mr.doc = d;
      mr.m = m;
      if (m.timex && m.timex->when) mr.window = m.timex->when;
      mentions.push_back(std::move(mr));
    }
    for (auto mi = first; mi < mentions.size(); ++mi) {
      link(mi);
      constrain(mi, std::nullopt, std::nullopt, dct.day);
    }
    for (auto mi = first; mi < mentions.size(); ++mi) constrain_cue(mi, first);
    stats.event_mentions += found.size();
  }

  // POLICY: an undated document is placed over its candidate days, not at a guess. The candidates
  // are the hull of the dated documents' days widened by dct_margin (a story's articles are
  // written around the same time), cut to the metadata window and to no earlier than the latest
  // absolute date it reports as past. On each candidate day the document is tagged again, and its
  // dated claims are checked against the events other articles date and against its own tense;
  // the days with the most claims holding are its window. Pinned by reconcile_test.cpp
  // (ReconcileDct.*).
  void add_undated(std::uint32_t d) {
    doc_rec& rec = docs[d];
    document const& doc = rec.pending;
    std::optional<grammar::day_interval> window = rec.window;
    if (!window && !known_dcts.empty()) {
      window = grammar::day_interval{*known_dcts.begin() - options.dct_margin, *known_dcts.rbegin() + options.dct_margin};
    }
    // A provisional reading for structure (which words are events, which dates are absolute).
    grammar::reference_time const provisional{window ? window->earliest + (window->latest - window->earliest) / 2
                                                     : date::sys_days{date::year{2000} / 1 / 1},
                                              std::nullopt};
    auto const base_tx = tag(doc, provisional);
    auto const found = find_events(doc, base_tx, provisional, *lex);
    std::optional<date::sys_days> floor;
    for (auto const& m : found) {
      if (m.mod == modality::reported && m.timex && m.timex->when && m.timex->anchor == grammar::anchor_kind::none &&
          m.timex->stated.contains(grammar::field::year) && m.relation == event_relation::during) {
        floor = floor ? std::max(*floor, m.timex->when->earliest) : m.timex->when->earliest;
      }
    }
    if (floor) {
      rec.evidence.push_back("it reports events as past in " + grammar::day_value(*floor).substr(0, 4) + ", so it was written after " +
                             grammar::day_value(*floor));
      if (!window) window = grammar::day_interval{*floor, *floor + 2 * options.dct_margin};
      else window->earliest = std::max(window->earliest, *floor);
    }
    if (!window || window->earliest > window->latest) {
      rec.origin = dct_origin::unknown;
      rec.source = "unknown";
      rec.evidence.push_back("no dated article to compare with and no absolute date in it: its relative expressions stay unplaced");
      // Absolute dates still place events.
      auto const first = static_cast<std::uint32_t>(mentions.size());
      for (auto const& m : found) {
        if (!m.timex || !m.timex->when || m.timex->anchor != grammar::anchor_kind::none) continue;
        mention_rec mr;
        mr.doc = d;
        mr.m = m;
        mr.m.said_at.reset();
        mr.window = m.timex->when;
        mentions.push_back(std::move(mr));
      }
      for (auto mi = first; mi < mentions.size(); ++mi) {
        link(mi);
        mentions[mi].m.mod = modality::speculative;  // no tense without a DCT: bound nothing by it
        mention_rec& mr = mentions[mi];
        std::uint32_t const c = new_claim({claim_kind::date, mi, mr.event, d, mr.m.timex->value, mr.window,
                                           mr.m.timex->granularity, claim_strength::hard, false});
        mr.date_claim = c;
        node_ref const origin{};
        add_range({events[mr.event].var, 0}, origin,
                  static_cast<std::int64_t>(mr.window->earliest.time_since_epoch().count()), std::nullopt, c);
        add_range({events[mr.event].var, 1}, origin, std::nullopt,
                  static_cast<std::int64_t>(mr.window->latest.time_since_epoch().count()), c);
      }
      stats.event_mentions += mentions.size() - first;
      return;
    }
    // Candidate days, sampled evenly when the window is wide.
    std::int64_t const span = (window->latest - window->earliest).count() + 1;
    std::int64_t const step = std::max<std::int64_t>(1, (span + static_cast<std::int64_t>(options.max_dct_candidates) - 1) /
                                                            static_cast<std::int64_t>(options.max_dct_candidates));
    struct reading {
      date::sys_days day;
      std::vector<grammar::temporal_mention> tx;
      int score = 0;
    };
    std::vector<reading> readings;
    auto find_tx = [](std::vector<grammar::temporal_mention> const& tx, grammar::temporal_mention const& like)
        -> grammar::temporal_mention const* {
      for (auto const& t : tx) {
        if (t.begin == like.begin && t.end == like.end) return &t;
      }
      return nullptr;
    };
    // The events of dated articles each of its mentions could be (evidence only; times checked per day).
    std::vector<std::vector<std::uint32_t>> matches(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
      event_signature const sig{found[i].trigger_class, found[i].participants, found[i].place};
      for (auto const& key : lookup_keys(sig)) {
        auto const it = by_key.find(key);
        if (it == by_key.end()) continue;
        for (std::uint32_t const e : it->second) {
          // The class alone is too little to date an article by (linker.hpp: link_check::weak).
          link_check const c = evidence(sig, events[e].sig, *lex);
          if (c.verdict == link_verdict::same && !c.weak) matches[i].push_back(e);
        }
      }
    }
    auto event_window = [&](std::uint32_t e) -> std::optional<grammar::day_interval> {
      auto const& s = var_bounds[2 * events[e].var];
      auto const& t = var_bounds[2 * events[e].var + 1];
      if (s.earliest && t.latest) return grammar::day_interval{*s.earliest, *t.latest};
      return events[e].estimate;
    };
    for (std::int64_t k = 0; k < span; k += step) {
      reading r;
      r.day = window->earliest + date::days{k};
      r.tx = tag(doc, {r.day, std::nullopt});
      for (std::size_t i = 0; i < found.size(); ++i) {
        if (!found[i].timex) continue;
        grammar::temporal_mention const* t = find_tx(r.tx, *found[i].timex);
        if (t == nullptr || !t->when) continue;
        if (found[i].mod == modality::reported && found[i].relation == event_relation::during && t->when->earliest > r.day) --r.score;
        for (std::uint32_t const e : matches[i]) {
          auto const w = event_window(e);
          if (w && w->earliest <= t->when->latest && t->when->earliest <= w->latest) {
            r.score += 2;
            break;
          }
        }
      }
      readings.push_back(std::move(r));
    }
    int best = std::numeric_limits<int>::min();
    for (auto const& r : readings) best = std::max(best, r.score);
    std::vector<reading const*> chosen;
    for (auto const& r : readings) {
      if (r.score == best) chosen.push_back(&r);
    }
    grammar::day_interval const inferred{chosen.front()->day, chosen.back()->day + date::days{step - 1}};
    rec.origin = dct_origin::inferred;
    rec.source = "inferred";
    rec.window = inferred;
    // Evidence in words: the claims that agree on the chosen days.
    for (std::size_t i = 0; i < found.size(); ++i) {
      if (!found[i].timex) continue;
      grammar::temporal_mention const* t = find_tx(chosen.front()->tx, *found[i].timex);
      if (t == nullptr || !t->when) continue;
      for (std::uint32_t const e : matches[i]) {
        auto const w = event_window(e);
        if (w && w->earliest <= t->when->latest && t->when->earliest <= w->latest) {
          std::string_view const said = std::string_view{doc.text}.substr(t->begin, t->end - t->begin);
          rec.evidence.push_back("\"" + one_line(said) + "\" (" + event_label(found[i].trigger_class, found[i].participants, found[i].place) +
                                 ") matches the event other articles date " + interval_text(*w) + " when published " +
                                 interval_text(inferred));
          break;
        }
      }
    }
    if (rec.evidence.empty() || (floor && rec.evidence.size() == 1)) {
      rec.evidence.push_back("no claim narrows it further than the candidate window " + interval_text(inferred));
    }
    // The DCT node and the mentions, bounded by their readings over the chosen days.
    rec.var = new_var(false, d);
    node_ref const dct_node{rec.var, 0};
    std::uint32_t const wc = new_claim({claim_kind::dct, none, none, d, "published " + interval_text(inferred) + " (inferred)",
                                        inferred, grammar::grain::day, claim_strength::soft, false});
    add_range(dct_node, {}, inferred.earliest.time_since_epoch().count(), inferred.latest.time_since_epoch().count(), wc);
    auto const first = static_cast<std::uint32_t>(mentions.size());
    std::vector<std::optional<std::pair<std::int64_t, std::int64_t>>> offsets;
    for (auto const& m : found) {
      mention_rec mr;
      mr.doc = d;
      mr.m = m;
      std::optional<std::pair<std::int64_t, std::int64_t>> off;
      if (m.timex) {
        for (reading const* r : chosen) {
          grammar::temporal_mention const* t = find_tx(r->tx, *m.timex);
          if (t == nullptr || !t->when) continue;
          if (!mr.window) {
            mr.window = t->when;
            mr.m.timex = *t;
            off = std::pair{(t->when->earliest - r->day).count(), (t->when->latest - r->day).count()};
          } else {
            mr.window->earliest = std::min(mr.window->earliest, t->when->earliest);
            mr.window->latest = std::max(mr.window->latest, t->when->latest);
            off->first = std::min<std::int64_t>(off->first, (t->when->earliest - r->day).count());
            off->second = std::max<std::int64_t>(off->second, (t->when->latest - r->day).count() + (step - 1));
          }
        }
        if (mr.window && mr.m.timex && mr.m.timex->anchor == grammar::anchor_kind::none) off.reset();  // absolute: no offset
      }
      offsets.push_back(off);
      mentions.push_back(std::move(mr));
    }
    for (auto mi = first; mi < mentions.size(); ++mi) {
      link(mi);
      constrain(mi, dct_node, offsets[mi - first], inferred.earliest);
      unite(rec.var, events[mentions[mi].event].var);
    }
    for (auto mi = first; mi < mentions.size(); ++mi) constrain_cue(mi, first);
    stats.event_mentions += found.size();
  }

  // Weight of a claim: agreeing sources first, then specificity, then recency (POLICY in reconcile.hpp).
  double weight(std::uint32_t c) const {
    claim_rec const& cl = claims[c];
    if (cl.kind == claim_kind::structure) return 1e9;
    if (cl.kind != claim_kind::date || !cl.resolved || cl.event == none) return 1.0;
    std::set<std::uint32_t> agreeing;
    for (std::uint32_t const mi : events[cl.event].mentions) {
      mention_rec const& mr = mentions[mi];
      if (!mr.window || mr.date_claim == none) continue;
      if (mr.window->earliest <= cl.resolved->latest && cl.resolved->earliest <= mr.window->latest) agreeing.insert(mr.doc);
    }
    double const specificity = cl.granularity <= grammar::grain::day ? 3 : cl.granularity <= grammar::grain::month ? 2 : 1;
    double recency = 0;
    if (auto const& dr = docs[cl.doc]; dr.dct && !known_dcts.empty()) {
      double const spread = std::max<double>(1, (*known_dcts.rbegin() - *known_dcts.begin()).count());
      recency = static_cast<double>((*dr.dct - *known_dcts.begin()).count()) / spread;
    }
    return 10.0 * static_cast<double>(agreeing.size()) + specificity + 0.5 * recency;
  }

  void solve_component(std::uint32_t root) {
    stp_network net;
    std::unordered_map<std::uint64_t, stp_node> nodes;
    auto node_of = [&](node_ref r) -> stp_node {
      if (r.var == none) return stp_origin;
      std::uint64_t const key = (static_cast<std::uint64_t>(r.var) << 1U) | r.part;
      auto it = nodes.find(key);
      if (it == nodes.end()) it = nodes.emplace(key, net.add_node()).first;
      return it->second;
    };
    for (std::uint32_t const v : vars[root].members) {
      node_of({v, 0});
      if (vars[v].is_event) node_of({v, 1});
    }
    std::unordered_map<std::uint32_t, double> weights;
    for (std::uint32_t const ci : vars[root].constraints) {
      constraint const& k = constraints[ci];
      auto it = weights.find(k.claim);
      if (it == weights.end()) it = weights.emplace(k.claim, weight(k.claim)).first;
      net.add_constraint(node_of(k.from), node_of(k.to), date::days{k.max_diff},
                         {k.claim, claims[k.claim].strength, it->second});
      ++stats.claims;
    }
    stp_solution const& sol = net.solve();
    for (std::uint32_t const v : vars[root].members) {
      var_bounds[2 * v] = sol[node_of({v, 0})];
      if (vars[v].is_event) var_bounds[2 * v + 1] = sol[node_of({v, 1})];
    }
    for (auto const& [claim, w] : weights) claims[claim].relaxed = false;
    for (claim_id const r : sol.relaxed) claims[r].relaxed = true;
    if (sol.conflicts.empty()) conflicts.erase(root);
    else conflicts[root] = sol.conflicts;
    ++stats.components_solved;
  }

  timeline_mention quote_mention(std::uint32_t mi) const {
    mention_rec const& mr = mentions[mi];
    doc_rec const& dr = docs[mr.doc];
    timeline_mention t;
    t.document = dr.id;
    t.sentence = mr.m.sentence;
    if (mr.m.sentence < dr.sentences.size()) t.sentence_text = one_line(std::string_view{dr.text}.substr(dr.sentences[mr.m.sentence].begin, dr.sentences[mr.m.sentence].size()));
    t.trigger = mr.m.trigger_text;
    if (mr.m.timex && !dr.text.empty()) t.timex_text = one_line(std::string_view{dr.text}.substr(mr.m.timex->begin, mr.m.timex->end - mr.m.timex->begin));
    if (mr.m.timex) t.timex_value = mr.m.timex->value;
    t.resolved = mr.window;
    t.mod = mr.m.mod;
    t.relation = mr.m.relation;
    if (mr.m.said_at) t.said_at = mr.m.said_at->value;
    t.relaxed = mr.date_claim != none && claims[mr.date_claim].relaxed;
    return t;
  }

  quoted_claim quote_claim(std::uint32_t c) const {
    claim_rec const& cl = claims[c];
    quoted_claim q;
    q.kind = std::string{kind_name(cl.kind)};
    q.value = cl.value;
    q.resolved = cl.resolved;
    q.relaxed = cl.relaxed;
    if (cl.doc != none) q.document = docs[cl.doc].id;
    if (cl.mention != none) {
      timeline_mention const m = quote_mention(cl.mention);
      q.sentence = m.sentence;
      q.text = m.sentence_text;
      q.expression = cl.kind == claim_kind::order && mentions[cl.mention].m.cue && !docs[cl.doc].text.empty()
                         ? one_line(std::string_view{docs[cl.doc].text}.substr(mentions[cl.mention].m.cue->text.begin,
                                                                              mentions[cl.mention].m.cue->text.size()))
                         : m.timex_text;
    }
    return q;
  }

  contradiction explain(stp_conflict const& k, std::vector<std::uint32_t> const& event_order) const {
    contradiction out;
    out.excess = k.excess;
    std::map<std::uint32_t, int> about;
    for (claim_id const c : k.claims) {
      if (claims[c].kind == claim_kind::structure) continue;  // "start <= end" is no one's claim
      out.claims.push_back(quote_claim(static_cast<std::uint32_t>(c)));
      if (claims[c].event != none) ++about[claims[c].event];
    }
    std::uint32_t ev = none;
    int most = 0;
    for (auto const& [e, n] : about) {
      if (n > most) {
        most = n;
        ev = e;
      }
    }
    if (ev != none) out.event = event_order[ev];
    std::string const label = ev != none ? event_label(events[ev].sig.trigger_class, events[ev].sig.participants, events[ev].sig.place)
                                         : std::string{"these events"};
    std::ostringstream why;
    why << "These claims about " << label << " cannot all hold (they miss by " << k.excess.count() << " day"
        << (k.excess.count() == 1 ? "" : "s") << "): ";
    bool first = true;
    for (auto const& q : out.claims) {
      why << (first ? "" : "; ") << q.document;
      if (!q.expression.empty()) why << " says \"" << q.expression << "\"";
      why << " -> " << q.value;
      first = false;
    }
    why << ".";
    out.explanation = why.str();
    claim_rec const& gone = claims[k.relaxed];
    quoted_claim const dropped = quote_claim(static_cast<std::uint32_t>(k.relaxed));
    std::ostringstream res;
    res << "set aside " << (dropped.document.empty() ? "" : dropped.document + "'s ") << dropped.kind << " claim";
    if (!dropped.expression.empty()) res << " \"" << dropped.expression << "\"";
    res << " (" << dropped.value << ")";
    if (gone.kind == claim_kind::tense) {
      res << ": a tense reading gives way to stated dates";
    } else if (gone.kind == claim_kind::date) {
      double const w = weight(static_cast<std::uint32_t>(k.relaxed));
      double best = w;
      std::uint32_t winner = none;
      for (claim_id const c : k.claims) {
        if (c == k.relaxed || claims[c].kind == claim_kind::structure) continue;
        double const wc = weight(static_cast<std::uint32_t>(c));
        if (winner == none || wc > best) {
          best = wc;
          winner = static_cast<std::uint32_t>(c);
        }
      }
      auto const sources = [](double x) { return static_cast<int>(x / 10.0); };
      if (winner != none && claims[winner].kind == claim_kind::date) {
        res << " and kept " << claims[winner].value;
        if (sources(best) > sources(w)) {
          res << ": more sources (" << sources(best) << " against " << sources(w) << ")";
        } else if (claims[winner].granularity < gone.granularity) {
          res << ": more specific (" << to_string(claims[winner].granularity) << " against " << to_string(gone.granularity) << ")";
        } else {
          res << ": the more recent report";
        }
      } else {
        res << ": the weakest claim of the set";
      }
    } else {
      res << ": the weakest claim of the set";
    }
    res << "; the claim stays on record with its event";
    out.resolution = res.str();
    return out;
  }

  void build_result() {
    timeline tl;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      doc_rec const& dr = docs[d];
      timeline_document td;
      td.id = dr.id;
      td.origin = dr.origin;
      td.source = dr.source;
      td.evidence = dr.evidence;
      if (dr.dct) {
        td.value = td.earliest = td.latest = dr.dct;
      } else if (dr.var != none) {
        auto const& b = var_bounds[2 * dr.var];
        td.earliest = b.earliest;
        td.latest = b.latest;
        if (b.earliest && b.latest && *b.earliest == *b.latest) td.value = b.earliest;
      }
      tl.documents.push_back(std::move(td));
    }
    std::vector<std::uint32_t> order(events.size());
    for (std::uint32_t e = 0; e < events.size(); ++e) order[e] = e;
    auto start_of = [&](std::uint32_t e) { return var_bounds[2 * events[e].var].earliest; };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      auto const sa = start_of(a);
      auto const sb = start_of(b);
      if (sa.has_value() != sb.has_value()) return sa.has_value();
      return sa && *sa < *sb;
    });
    std::vector<std::uint32_t> position(events.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    for (std::uint32_t const e : order) {
      event_rec const& ev = events[e];
      timeline_event te;
      te.id = position[e];
      te.trigger_class = ev.sig.trigger_class;
      te.participants = ev.sig.participants;
      te.place = ev.sig.place;
      te.label = event_label(ev.sig.trigger_class, ev.sig.participants, ev.sig.place);
      te.earliest = var_bounds[2 * ev.var].earliest;
      te.latest = var_bounds[2 * ev.var + 1].latest;
      grammar::grain finest = grammar::grain::unspecified;
      te.mod = modality::speculative;
      for (std::uint32_t const mi : ev.mentions) {
        mention_rec const& mr = mentions[mi];
        if (mr.window && mr.date_claim != none && !claims[mr.date_claim].relaxed) finest = std::min(finest, mr.m.timex->granularity);
        te.mod = std::min(te.mod, mr.m.mod);
      }
      if (te.earliest && te.latest) {
        auto const [value, g] = best_value(*te.earliest, *te.latest, std::min(finest, grammar::grain::year));
        te.value = value;
        te.value_grain = g;
      }
      te.support = ev.docs.size();
      if (options.keep_mentions) {
        for (std::uint32_t const mi : ev.mentions) te.mentions.push_back(quote_mention(mi));
        te.links = ev.links;
        for (auto& l : te.links) {
          if (l.other_event) l.other_event = position[*l.other_event];
        }
      }
      tl.events.push_back(std::move(te));
    }
    // Conflicts that give up the same claim are one disagreement seen from several articles
    // ("last month" against 001's "in July" and against 002's "last July"): reported together,
    // each of the other claims clashing with the one set aside on its own.
    for (auto const& [root, list] : conflicts) {
      std::map<claim_id, stp_conflict> merged;
      for (auto const& k : list) {
        auto [it, fresh] = merged.emplace(k.relaxed, k);
        if (fresh) continue;
        for (claim_id const c : k.claims) {
          if (std::find(it->second.claims.begin(), it->second.claims.end(), c) == it->second.claims.end()) it->second.claims.push_back(c);
        }
        it->second.excess = std::max(it->second.excess, k.excess);
      }
      for (auto const& [relaxed, k] : merged) tl.contradictions.push_back(explain(k, position));
    }
    std::sort(tl.contradictions.begin(), tl.contradictions.end(), [](auto const& a, auto const& b) {
      return a.event.value_or(std::numeric_limits<std::size_t>::max()) < b.event.value_or(std::numeric_limits<std::size_t>::max());
    });
    result = std::move(tl);
  }
};

reconciler::reconciler(reconcile_options options) : state_(std::make_unique<state>()) {
  state_->options = options;
  state_->lex = options.lex != nullptr ? options.lex : &default_lexicon();
}
reconciler::~reconciler() = default;
reconciler::reconciler(reconciler&&) noexcept = default;
reconciler& reconciler::operator=(reconciler&&) noexcept = default;

void reconciler::add(document doc, std::optional<grammar::day_interval> dct_window) {
  state& s = *state_;
  std::uint32_t const d = s.register_doc(doc);
  doc_rec& rec = s.docs[d];
  if (auto const dct = doc.dct.reference()) {
    rec.dct = dct->day;
    rec.source = std::string{to_string(doc.dct.source)};
    rec.origin = dct_origin::given;
    s.known_dcts.insert(dct->day);
    s.add_dated(d, doc, *dct);
  } else {
    rec.window = dct_window;
    rec.waiting = true;
    rec.pending = std::move(doc);
  }
}

timeline const& reconciler::solve() {
  state& s = *state_;
  for (std::uint32_t d = 0; d < s.docs.size(); ++d) {
    if (!s.docs[d].waiting) continue;
    // Undated documents are placed against the events as the dated articles now date them.
    std::vector<std::uint32_t> roots(s.touched.begin(), s.touched.end());
    for (std::uint32_t const r : roots) {
      if (s.find(r) == r) s.solve_component(r);
    }
    s.touched.clear();
    s.docs[d].waiting = false;
    s.add_undated(d);
    s.docs[d].pending = document{};
  }
  s.stats.components_solved = 0;
  s.stats.claims = 0;
  std::vector<std::uint32_t> roots(s.touched.begin(), s.touched.end());
  for (std::uint32_t const r : roots) {
    if (s.find(r) == r) s.solve_component(r);
  }
  s.touched.clear();
  s.stats.events = s.events.size();
  s.build_result();
  return s.result;
}

reconcile_stats const& reconciler::stats() const noexcept { return state_->stats; }

timeline reconcile(std::vector<document> docs, reconcile_options const& options) {
  reconciler r{options};
  // Dated documents first, so that undated ones are matched against all of them.
  for (auto& d : docs) r.add(std::move(d));
  return r.solve();
}

}  // namespace timeline::engine
