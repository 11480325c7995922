// SPDX-License-Identifier: MIT
#include "support/story.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include <date/date.h>

namespace timeline::testing {
namespace {

using nlohmann::json;

// ---- small helpers over the engine JSON, which may carry nulls where a value is unknown ----

std::string str(json const& j, char const* key) {
  if (!j.is_object()) {
    return {};
  }
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

json const& member(json const& j, char const* key) {
  static json const null_value;
  if (!j.is_object()) {
    return null_value;
  }
  auto it = j.find(key);
  return it != j.end() ? *it : null_value;
}

std::string lower(std::string_view s) {
  std::string out{s};
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Letters and digits of ASCII; every byte of a multi-byte UTF-8 character counts as a letter, so
// "Rafał" is one word.
bool is_word_byte(char c) {
  auto const u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

// `needle` occurs in `hay` (both lower case) with no word character just before or after it.
bool contains_word(std::string_view hay, std::string_view needle) {
  if (needle.empty()) {
    return false;
  }
  for (std::size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
    bool const starts = pos == 0 || !is_word_byte(hay[pos - 1]);
    std::size_t const end = pos + needle.size();
    bool const ends = end == hay.size() || !is_word_byte(hay[end]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

// Some word of `hay` (lower case) begins with `prefix` (lower case).
bool has_word_prefix(std::string_view hay, std::string_view prefix) {
  if (prefix.empty()) {
    return false;
  }
  for (std::size_t pos = hay.find(prefix); pos != std::string_view::npos; pos = hay.find(prefix, pos + 1)) {
    if (pos == 0 || !is_word_byte(hay[pos - 1])) {
      return true;
    }
  }
  return false;
}

std::string join(std::vector<std::string> const& items, std::string_view sep = ", ") {
  std::string out;
  for (auto const& item : items) {
    if (!out.empty()) {
      out += sep;
    }
    out += item;
  }
  return out;
}

std::vector<std::string> strings(json const& j) {
  std::vector<std::string> out;
  if (j.is_array()) {
    for (auto const& item : j) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      }
    }
  }
  return out;
}

std::string show(json const& j) { return j.is_null() ? std::string{"null"} : j.is_string() ? j.get<std::string>() : j.dump(); }

// "YYYY-MM-DD" naming a real day ("2025-02-30" is not one).
bool valid_day(std::string const& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
    return false;
  }
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto const digits = [&](std::size_t from, std::size_t count, auto& out) {
    for (std::size_t i = from; i < from + count; ++i) {
      if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
        return false;
      }
      out = static_cast<std::remove_reference_t<decltype(out)>>(out * 10 + static_cast<unsigned>(s[i] - '0'));
    }
    return true;
  };
  return digits(0, 4, y) && digits(5, 2, m) && digits(8, 2, d) &&
         date::year_month_day{date::year{y}, date::month{m}, date::day{d}}.ok();
}

// ---- the engine's events, as the comparison sees them ----

struct actual_event {
  std::size_t index = 0;  // position in "events"
  json id;                // the engine's id, for contradictions' "event"
  std::string label;
  std::string earliest;   // empty when null
  std::string latest;
  long long support = 0;
  std::set<std::string> documents;  // of its mentions
  std::string names;       // participants and place, lower case, one per line
  std::string words;       // class, label and mention triggers, lower case
  std::string sentences;   // label and mention texts, lower case
  std::string dump;        // the whole event, lower case, for "absent"
};

actual_event read_event(json const& e, std::size_t index) {
  actual_event a;
  a.index = index;
  a.id = member(e, "id");
  a.label = str(e, "label");
  json const& when = member(e, "when");
  a.earliest = str(when, "earliest");
  a.latest = str(when, "latest");
  if (json const& s = member(e, "support"); s.is_number_integer()) {
    a.support = s.get<long long>();
  }
  for (auto const& p : strings(member(e, "participants"))) {
    a.names += lower(p) + "\n";
  }
  a.names += lower(str(e, "place"));
  a.words = lower(str(e, "class")) + " " + lower(a.label);
  a.sentences = lower(a.label);
  if (json const& mentions = member(e, "mentions"); mentions.is_array()) {
    for (auto const& m : mentions) {
      a.documents.insert(str(m, "document"));
      a.words += ' ';
      a.words += lower(str(m, "trigger"));
      a.sentences += '\n';
      a.sentences += lower(str(m, "text"));
    }
  }
  a.dump = lower(e.dump());
  return a;
}

std::string describe(actual_event const& a) {
  std::ostringstream out;
  out << "engine event #" << show(a.id) << " '" << a.label << "' when "
      << (a.earliest.empty() ? "?" : a.earliest) << ".." << (a.latest.empty() ? "?" : a.latest) << " support "
      << a.support << " from [" << join(std::vector<std::string>(a.documents.begin(), a.documents.end())) << "]";
  return out.str();
}

// ---- one expected event ----

struct expected_event {
  std::size_t index = 0;
  std::string name;
  std::vector<std::string> participants;  // lower case
  std::vector<std::string> triggers;      // lower case prefixes
  std::string earliest;
  std::string latest;
  bool within = false;
  std::vector<std::string> documents;
  long long min_support = 0;
};

expected_event read_expected_event(json const& e, std::size_t index) {
  expected_event x;
  x.index = index;
  x.name = str(e, "name");
  for (auto const& p : strings(member(e, "participants"))) {
    x.participants.push_back(lower(p));
  }
  for (auto const& t : strings(member(e, "trigger"))) {
    x.triggers.push_back(lower(t));
  }
  x.earliest = str(member(e, "when"), "earliest");
  x.latest = str(member(e, "when"), "latest");
  x.within = str(e, "match") == "within";
  x.documents = strings(member(e, "documents"));
  if (json const& s = member(e, "min_support"); s.is_number_integer()) {
    x.min_support = s.get<long long>();
  }
  return x;
}

std::string describe(expected_event const& x) {
  std::ostringstream out;
  out << "event " << x.index << " '" << x.name << "' (trigger [" << join(x.triggers) << "], participants ["
      << join(x.participants) << "], when " << x.earliest << ".." << x.latest << (x.within ? " within" : " exactly")
      << ")";
  return out.str();
}

bool trigger_matches(expected_event const& x, actual_event const& a) {
  return std::any_of(x.triggers.begin(), x.triggers.end(),
                     [&](std::string const& t) { return has_word_prefix(a.words, t); });
}

// Each expected name is in, or contains, one of the engine's names, or occurs in the label or a
// mention's sentence.
bool participants_match(expected_event const& x, actual_event const& a) {
  std::vector<std::string> names;
  std::istringstream lines{a.names};
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) {
      names.push_back(line);
    }
  }
  return std::all_of(x.participants.begin(), x.participants.end(), [&](std::string const& p) {
    bool const named = std::any_of(names.begin(), names.end(), [&](std::string const& n) {
      return contains_word(n, p) || contains_word(p, n);
    });
    return named || contains_word(a.sentences, p);
  });
}

bool when_matches(expected_event const& x, actual_event const& a) {
  if (a.earliest.empty() || a.latest.empty()) {
    return false;
  }
  if (x.within) {
    return x.earliest <= a.earliest && a.earliest <= a.latest && a.latest <= x.latest;
  }
  return a.earliest == x.earliest && a.latest == x.latest;
}

std::vector<std::string> missing_documents(expected_event const& x, actual_event const& a) {
  std::vector<std::string> missing;
  for (auto const& d : x.documents) {
    if (a.documents.count(d) == 0) {
      missing.push_back(d);
    }
  }
  return missing;
}

bool fully_matches(expected_event const& x, actual_event const& a) {
  return missing_documents(x, a).empty() && a.support >= x.min_support;
}

// ---- the one-to-one assignment of expected events to engine events ----

struct assignment {
  std::vector<std::optional<std::size_t>> of;  // expected index -> position in actual events
  int matched = 0;
  int full = 0;
};

// The injective assignment with the most matches, then the most full matches (links and support
// too). Depth-first over the candidates; stories have a handful of expected events.
assignment best_assignment(std::vector<std::vector<std::size_t>> const& candidates,
                           std::vector<std::vector<bool>> const& full) {
  assignment best;
  best.of.assign(candidates.size(), std::nullopt);
  assignment current = best;
  std::vector<bool> used(full.empty() ? 0 : full.front().size(), false);
  std::size_t budget = 2'000'000;  // search steps; past it the best so far stands
  auto search = [&](auto& self, std::size_t i) -> void {
    if (budget == 0) {
      return;
    }
    --budget;
    if (i == candidates.size()) {
      if (std::pair{current.matched, current.full} > std::pair{best.matched, best.full}) {
        best = current;
      }
      return;
    }
    for (std::size_t k : candidates[i]) {
      if (used[k]) {
        continue;
      }
      used[k] = true;
      current.of[i] = k;
      ++current.matched;
      current.full += full[i][k] ? 1 : 0;
      self(self, i + 1);
      current.full -= full[i][k] ? 1 : 0;
      --current.matched;
      current.of[i] = std::nullopt;
      used[k] = false;
    }
    self(self, i + 1);
  };
  search(search, 0);
  return best;
}

// ---- the checks ----

void check_documents(json const& expected, json const& actual, std::vector<std::string>& failures) {
  std::map<std::string, json const*> by_id;
  if (json const& docs = member(actual, "documents"); docs.is_array()) {
    for (auto const& d : docs) {
      by_id[str(d, "id")] = &d;
    }
  }
  std::set<std::string> expected_ids;
  for (auto const& x : member(expected, "documents")) {
    std::string const id = str(x, "id");
    expected_ids.insert(id);
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      failures.push_back("document '" + id + "': not in the engine's documents");
      continue;
    }
    json const& dct = member(*it->second, "dct");
    std::string const earliest = str(dct, "earliest");
    std::string const latest = str(dct, "latest");
    std::string const want_earliest = str(member(x, "dct"), "earliest");
    std::string const want_latest = str(member(x, "dct"), "latest");
    std::string const got = "dct " + show(member(dct, "value")) + " [" + show(member(dct, "earliest")) + ", " +
                            show(member(dct, "latest")) + "] source " + show(member(dct, "source"));
    if (str(x, "match") == "within") {
      if (earliest.empty() || latest.empty() || earliest < want_earliest || latest > want_latest ||
          earliest > latest) {
        failures.push_back("document '" + id + "': publication window must lie within [" + want_earliest + ", " +
                           want_latest + "], engine gives " + got);
      }
    } else if (earliest != want_earliest || latest != want_latest) {
      failures.push_back("document '" + id + "': publication date must be [" + want_earliest + ", " + want_latest +
                         "], engine gives " + got);
    }
    if (std::string const day = str(x, "contains"); !day.empty()) {
      if (earliest.empty() || latest.empty() || day < earliest || day > latest) {
        failures.push_back("document '" + id + "': publication window must contain " + day +
                           " (the day it was written), engine gives " + got);
      }
    }
  }
  for (auto const& [id, doc] : by_id) {
    if (expected_ids.count(id) == 0) {
      failures.push_back("document '" + id + "': the engine has it but expected.json does not list it");
    }
  }
}

std::string nearest_events(expected_event const& x, std::vector<actual_event> const& events) {
  std::ostringstream out;
  int shown = 0;
  for (int wanted = 2; wanted >= 1 && shown == 0; --wanted) {
    for (auto const& a : events) {
      bool const t = trigger_matches(x, a);
      bool const p = participants_match(x, a);
      bool const w = when_matches(x, a);
      if (int{t} + int{p} + int{w} >= wanted && (t || w) && shown < 5) {
        out << "\n    " << describe(a) << " (trigger " << (t ? "ok" : "no") << ", participants "
            << (p ? "ok" : "no") << ", when " << (w ? "ok" : "no") << ")";
        ++shown;
      }
    }
  }
  if (shown == 0) {
    return " No engine event has its trigger or its dates.";
  }
  return " Nearest:" + out.str();
}

struct event_matches {
  std::vector<actual_event> events;
  std::vector<expected_event> wanted;
  std::vector<std::vector<std::size_t>> candidates;
  assignment chosen;
};

event_matches check_events(json const& expected, json const& actual, std::vector<std::string>& failures) {
  event_matches m;
  if (json const& evs = member(actual, "events"); evs.is_array()) {
    for (std::size_t k = 0; k < evs.size(); ++k) {
      m.events.push_back(read_event(evs[k], k));
    }
  }
  json const& xs = member(expected, "events");
  for (std::size_t i = 0; i < xs.size(); ++i) {
    m.wanted.push_back(read_expected_event(xs[i], i));
  }
  std::vector<std::vector<bool>> full(m.wanted.size(), std::vector<bool>(m.events.size(), false));
  m.candidates.resize(m.wanted.size());
  for (std::size_t i = 0; i < m.wanted.size(); ++i) {
    for (std::size_t k = 0; k < m.events.size(); ++k) {
      auto const& x = m.wanted[i];
      auto const& a = m.events[k];
      if (trigger_matches(x, a) && participants_match(x, a) && when_matches(x, a)) {
        m.candidates[i].push_back(k);
        full[i][k] = fully_matches(x, a);
      }
    }
  }
  m.chosen = best_assignment(m.candidates, full);

  // Pairs that must be separate: say "merged" when one engine event is all they could share.
  std::set<std::size_t> explained;
  if (json const& pairs = member(expected, "distinct"); pairs.is_array()) {
    for (auto const& pair : pairs) {
      auto const i = pair.at(0).get<std::size_t>();
      auto const j = pair.at(1).get<std::size_t>();
      if (i >= m.wanted.size() || j >= m.wanted.size() || (m.chosen.of[i] && m.chosen.of[j])) {
        continue;
      }
      for (std::size_t k : m.candidates[i]) {
        if (std::find(m.candidates[j].begin(), m.candidates[j].end(), k) != m.candidates[j].end()) {
          failures.push_back("events " + std::to_string(i) + " '" + m.wanted[i].name + "' and " + std::to_string(j) +
                             " '" + m.wanted[j].name + "' must be separate events, but the engine merged them into " +
                             describe(m.events[k]));
          if (!m.chosen.of[i]) {
            explained.insert(i);
          }
          if (!m.chosen.of[j]) {
            explained.insert(j);
          }
          break;
        }
      }
    }
  }

  for (std::size_t i = 0; i < m.wanted.size(); ++i) {
    auto const& x = m.wanted[i];
    if (!m.chosen.of[i]) {
      if (explained.count(i) != 0) {
        continue;
      }
      if (!m.candidates[i].empty()) {
        failures.push_back(describe(x) + ": its only matching engine events are taken by other expected events: " +
                           describe(m.events[m.candidates[i].front()]));
      } else {
        failures.push_back(describe(x) + ": no engine event matches." + nearest_events(x, m.events));
      }
      continue;
    }
    auto const& a = m.events[*m.chosen.of[i]];
    if (auto missing = missing_documents(x, a); !missing.empty()) {
      failures.push_back(describe(x) + ": matched " + describe(a) + ", which has no mention from [" + join(missing) +
                         "]: those articles were not linked to it");
    }
    if (a.support < x.min_support) {
      failures.push_back(describe(x) + ": matched " + describe(a) + ", whose support " + std::to_string(a.support) +
                         " is below " + std::to_string(x.min_support));
    }
  }
  return m;
}

std::string describe_contradiction(json const& c) {
  std::ostringstream out;
  out << "contradiction on event " << show(member(c, "event")) << ":";
  if (json const& claims = member(c, "claims"); claims.is_array()) {
    for (auto const& claim : claims) {
      out << " {" << str(claim, "document") << ": " << show(member(claim, "value")) << "}";
    }
  }
  return out.str();
}

bool contradiction_matches(json const& x, json const& c, event_matches const& m) {
  std::set<std::string> docs;
  std::vector<std::string> values;
  if (json const& claims = member(c, "claims"); claims.is_array()) {
    for (auto const& claim : claims) {
      docs.insert(str(claim, "document"));
      values.push_back(show(member(claim, "value")));
    }
  }
  for (auto const& d : strings(member(x, "documents"))) {
    if (docs.count(d) == 0) {
      return false;
    }
  }
  for (auto const& v : strings(member(x, "values"))) {
    if (std::none_of(values.begin(), values.end(), [&](std::string const& got) { return got.find(v) != std::string::npos; })) {
      return false;
    }
  }
  if (json const& e = member(x, "event"); e.is_number_integer()) {
    auto const i = e.get<std::size_t>();
    if (i < m.chosen.of.size() && m.chosen.of[i]) {
      return member(c, "event") == m.events[*m.chosen.of[i]].id;
    }
  }
  return true;
}

void check_contradictions(json const& expected, json const& actual, event_matches const& m,
                          std::vector<std::string>& failures) {
  json const& got = member(actual, "contradictions");
  std::vector<bool> claimed(got.is_array() ? got.size() : 0, false);
  json const& xs = member(expected, "contradictions");
  for (std::size_t i = 0; i < xs.size(); ++i) {
    bool found = false;
    for (std::size_t k = 0; k < claimed.size() && !found; ++k) {
      if (contradiction_matches(xs[i], got[k], m)) {
        claimed[k] = true;
        found = true;
      }
    }
    if (!found) {
      std::string list;
      for (auto const& c : got) {
        list += "\n    " + describe_contradiction(c);
      }
      failures.push_back("contradiction " + std::to_string(i) + " between [" + join(strings(member(xs[i], "documents"))) +
                         "] over [" + join(strings(member(xs[i], "values"))) + "]: not reported." +
                         (list.empty() ? std::string{" The engine reports no contradiction."} : " The engine reports:" + list));
    }
  }
  if (member(expected, "other_contradictions") == true) {
    return;
  }
  for (std::size_t k = 0; k < claimed.size(); ++k) {
    if (!claimed[k]) {
      failures.push_back("unexpected " + describe_contradiction(got[k]) + " (" + str(got[k], "explanation") + ")");
    }
  }
}

void check_absent(json const& expected, json const& actual, event_matches const& m, std::vector<std::string>& failures) {
  for (auto const& raw : strings(member(expected, "absent"))) {
    std::string const needle = lower(raw);
    for (auto const& a : m.events) {
      if (a.dump.find(needle) != std::string::npos) {
        failures.push_back("'" + raw + "' must appear nowhere, but it is in " + describe(a));
      }
    }
    if (json const& cs = member(actual, "contradictions"); cs.is_array()) {
      for (auto const& c : cs) {
        if (lower(c.dump()).find(needle) != std::string::npos) {
          failures.push_back("'" + raw + "' must appear nowhere, but it is in the " + describe_contradiction(c));
        }
      }
    }
  }
}

void check_silent(json const& expected, json const& actual, event_matches const& m, std::vector<std::string>& failures) {
  for (auto const& doc : strings(member(expected, "silent_documents"))) {
    for (auto const& a : m.events) {
      if (a.documents.count(doc) != 0) {
        failures.push_back("document '" + doc + "' must contribute nothing, but it has a mention in " + describe(a));
      }
    }
    if (json const& cs = member(actual, "contradictions"); cs.is_array()) {
      for (auto const& c : cs) {
        for (auto const& claim : member(c, "claims")) {
          if (str(claim, "document") == doc) {
            failures.push_back("document '" + doc + "' must contribute nothing, but it has a claim in the " +
                               describe_contradiction(c));
          }
        }
      }
    }
  }
}

// ---- validation of expected.json ----

void expect_keys(json const& j, std::set<std::string> const& allowed, std::string const& where,
                 std::vector<std::string>& problems) {
  if (!j.is_object()) {
    problems.push_back(where + ": must be an object");
    return;
  }
  for (auto const& [key, value] : j.items()) {
    if (allowed.count(key) == 0) {
      problems.push_back(where + ": unknown key '" + key + "'");
    }
  }
}

void expect_interval(json const& j, std::string const& where, std::vector<std::string>& problems) {
  std::string const e = str(j, "earliest");
  std::string const l = str(j, "latest");
  if (!valid_day(e) || !valid_day(l)) {
    problems.push_back(where + ": earliest and latest must be ISO days, got " + j.dump());
  } else if (e > l) {
    problems.push_back(where + ": earliest " + e + " is after latest " + l);
  }
}

void expect_match(json const& j, std::string const& where, std::vector<std::string>& problems) {
  if (j.contains("match") && str(j, "match") != "equal" && str(j, "match") != "within") {
    problems.push_back(where + ": match must be \"equal\" or \"within\"");
  }
}

}  // namespace

std::vector<story> discover_stories(std::filesystem::path const& root) {
  std::vector<story> out;
  std::error_code ec;
  for (auto const& entry : std::filesystem::directory_iterator(root, ec)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "expected.json")) {
      out.push_back({entry.path().filename().string(), entry.path()});
    }
  }
  std::sort(out.begin(), out.end(), [](story const& a, story const& b) { return a.name < b.name; });
  return out;
}

std::string story_test_name(std::string_view folder) {
  std::string out;
  bool upper = true;
  for (char c : folder) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? std::string{"Unnamed"} : out;
}

void PrintTo(story const& s, std::ostream* os) { *os << s.name << " (" << s.dir.string() << ")"; }

json load_json(std::filesystem::path const& path) {
  std::ifstream in{path};
  if (!in) {
    throw std::runtime_error(path.string() + ": cannot open");
  }
  try {
    return json::parse(in);
  } catch (json::exception const& e) {
    throw std::runtime_error(path.string() + ": " + e.what());
  }
}

std::vector<std::string> validate_expectations(json const& expected) {
  std::vector<std::string> problems;
  expect_keys(expected, {"description", "documents", "events", "distinct", "contradictions", "other_contradictions",
                         "absent", "silent_documents", "known_gaps"},
              "expected.json", problems);
  if (!problems.empty()) {
    return problems;
  }
  std::set<std::string> ids;
  if (!member(expected, "documents").is_array() || member(expected, "documents").empty()) {
    problems.push_back("documents: must list every article");
  }
  for (auto const& d : member(expected, "documents")) {
    std::string const where = "document '" + str(d, "id") + "'";
    expect_keys(d, {"id", "dct", "match", "contains"}, where, problems);
    if (str(d, "id").empty() || !ids.insert(str(d, "id")).second) {
      problems.push_back(where + ": ids must be present and unique");
    }
    expect_interval(member(d, "dct"), where + " dct", problems);
    expect_match(d, where, problems);
    if (d.contains("contains") && !valid_day(str(d, "contains"))) {
      problems.push_back(where + ": contains must be an ISO day");
    }
  }
  auto known_documents = [&](json const& list, std::string const& where) {
    for (auto const& id : strings(list)) {
      if (ids.count(id) == 0) {
        problems.push_back(where + ": unknown document '" + id + "'");
      }
    }
  };
  json const& events = member(expected, "events");
  for (std::size_t i = 0; i < events.size(); ++i) {
    json const& e = events[i];
    std::string const where = "event " + std::to_string(i) + " '" + str(e, "name") + "'";
    expect_keys(e, {"name", "participants", "trigger", "when", "match", "documents", "min_support"}, where, problems);
    if (strings(member(e, "trigger")).empty()) {
      problems.push_back(where + ": trigger must list at least one word prefix");
    }
    expect_interval(member(e, "when"), where + " when", problems);
    expect_match(e, where, problems);
    known_documents(member(e, "documents"), where);
  }
  for (auto const& pair : member(expected, "distinct")) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() || !pair[1].is_number_unsigned() ||
        pair[0].get<std::size_t>() >= events.size() || pair[1].get<std::size_t>() >= events.size() ||
        pair[0] == pair[1]) {
      problems.push_back("distinct: " + pair.dump() + " is not a pair of two event indices");
    }
  }
  if (!member(expected, "contradictions").is_array()) {
    problems.push_back("contradictions: must be present ([] when the engine must report none)");
  }
  for (auto const& c : member(expected, "contradictions")) {
    expect_keys(c, {"event", "documents", "values"}, "contradiction " + c.dump(), problems);
    known_documents(member(c, "documents"), "contradiction");
    if (c.contains("event") && (!c["event"].is_number_unsigned() || c["event"].get<std::size_t>() >= events.size())) {
      problems.push_back("contradiction: event must index \"events\"");
    }
  }
  known_documents(member(expected, "silent_documents"), "silent_documents");
  return problems;
}

std::vector<std::string> compare_story(json const& expected, json const& actual) {
  std::vector<std::string> failures;
  check_documents(expected, actual, failures);
  event_matches const m = check_events(expected, actual, failures);
  check_contradictions(expected, actual, m, failures);
  check_absent(expected, actual, m, failures);
  check_silent(expected, actual, m, failures);
  return failures;
}

std::string summarize_result(json const& actual) {
  std::ostringstream out;
  out << "engine result:\n  documents:";
  for (auto const& d : member(actual, "documents")) {
    json const& dct = member(d, "dct");
    out << "\n    " << str(d, "id") << ": " << show(member(dct, "value")) << " [" << show(member(dct, "earliest")) << ", "
        << show(member(dct, "latest")) << "] " << show(member(dct, "source"));
  }
  out << "\n  events:";
  json const& evs = member(actual, "events");
  for (std::size_t k = 0; k < evs.size(); ++k) {
    actual_event const a = read_event(evs[k], k);
    out << "\n    " << describe(a) << " class " << show(member(evs[k], "class")) << ", participants ["
        << join(strings(member(evs[k], "participants"))) << "]";
    for (auto const& mention : member(evs[k], "mentions")) {
      json const& timex = member(mention, "timex");
      out << "\n      " << str(mention, "document") << "#" << show(member(mention, "sentence")) << " "
          << show(member(mention, "trigger")) << " @ \"" << str(timex, "text") << "\" = " << show(member(timex, "value"));
    }
  }
  out << "\n  contradictions:";
  for (auto const& c : member(actual, "contradictions")) {
    out << "\n    " << describe_contradiction(c) << " -- " << str(c, "resolution");
  }
  return out.str();
}

}  // namespace timeline::testing
