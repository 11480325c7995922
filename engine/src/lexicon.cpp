// SPDX-License-Identifier: MIT
#include <timeline/engine/lexicon.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace timeline::engine {

namespace detail {
// The lexicon text, generated at configure time from grammar/data/events.lexicon into
// <build>/engine/generated/lexicon_data.cpp (engine/CMakeLists.txt).
std::string_view embedded_lexicon() noexcept;
}  // namespace detail

namespace {

std::string lower(std::string_view s) {
  std::string out{s};
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  while (true) {
    auto const p = s.find(sep);
    std::string_view const part = trim(s.substr(0, p));
    if (!part.empty()) parts.push_back(part);
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return parts;
}

// Longest phrases first, so that scanning tries "is set to" before "set to".
void sort_longest_first(std::vector<std::string>& phrases) {
  std::sort(phrases.begin(), phrases.end(), [](auto const& a, auto const& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
}

}  // namespace

std::string_view to_string(modality m) noexcept {
  switch (m) {
    case modality::reported: return "reported";
    case modality::planned: return "planned";
    case modality::speculative: return "speculative";
  }
  return "reported";
}

std::string_view to_string(event_relation r) noexcept {
  switch (r) {
    case event_relation::during: return "during";
    case event_relation::before: return "before";
    case event_relation::after: return "after";
    case event_relation::since: return "since";
    case event_relation::until: return "until";
  }
  return "during";
}

std::string_view lexicon::trigger_class(std::string_view lower_word) const {
  auto const it = triggers_.find(std::string{lower_word});
  return it == triggers_.end() ? std::string_view{} : std::string_view{it->second};
}

bool lexicon::compatible(std::string_view a, std::string_view b) const {
  if (a == b) return true;
  std::string key{a};
  key += '|';
  key += b;
  return compatible_.contains(key);
}

std::optional<modality> lexicon::modality_cue(std::string_view lower_phrase) const {
  auto const it = modality_.find(std::string{lower_phrase});
  if (it == modality_.end()) return std::nullopt;
  return it->second;
}

bool lexicon::speech_verb(std::string_view lower_word) const { return speech_.contains(std::string{lower_word}); }

std::optional<event_relation> lexicon::relation_cue(std::string_view lower_phrase) const {
  auto const it = relations_.find(std::string{lower_phrase});
  if (it == relations_.end()) return std::nullopt;
  return it->second;
}

bool lexicon::title(std::string_view lower_word) const { return titles_.contains(std::string{lower_word}); }
bool lexicon::not_a_name(std::string_view lower_word) const { return not_names_.contains(std::string{lower_word}); }

std::string_view lexicon::alias(std::string_view normalized) const {
  auto const it = aliases_.find(std::string{normalized});
  return it == aliases_.end() ? std::string_view{} : std::string_view{it->second};
}

std::vector<std::string> const& lexicon::people_named(std::string_view lower_word) const {
  static std::vector<std::string> const none;
  auto const it = people_by_word_.find(std::string{lower_word});
  return it == people_by_word_.end() ? none : it->second;
}

place_entry const* lexicon::place(std::string_view name) const {
  auto const it = places_.find(lower(name));
  return it == places_.end() ? nullptr : &it->second;
}

bool lexicon::within(std::string_view inner, std::string_view outer) const {
  // Containers form short chains (White House < Washington < United States); 8 steps bound a
  // cycle written by mistake in the data.
  std::string current{inner};
  for (int step = 0; step < 8 && !current.empty(); ++step) {
    if (lower(current) == lower(outer)) return true;
    place_entry const* p = place(current);
    if (p == nullptr) return false;
    current = p->container;
  }
  return false;
}

bool lexicon::place_preposition(std::string_view lower_word) const {
  return place_prepositions_.contains(std::string{lower_word});
}

bool lexicon::organisation_word(std::string_view lower_word) const {
  return organisation_words_.contains(std::string{lower_word});
}

lexicon parse_lexicon(std::string_view text, std::vector<std::string>* errors) {
  lexicon lex;
  std::string section;
  std::string argument;
  std::size_t line_number = 0;
  auto complain = [&](std::string const& why) {
    if (errors != nullptr) errors->push_back("line " + std::to_string(line_number) + ": " + why);
  };
  while (!text.empty()) {
    ++line_number;
    auto const eol = text.find('\n');
    std::string_view line = trim(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        complain("unclosed section header");
        section.clear();
        continue;
      }
      std::string_view inner = trim(line.substr(1, line.size() - 2));
      auto const space = inner.find(' ');
      section = std::string{inner.substr(0, space)};
      argument = space == std::string_view::npos ? std::string{} : std::string{trim(inner.substr(space + 1))};
      static constexpr std::string_view known[] = {"trigger", "compatible", "modality", "speech", "relation", "title",
                                                    "not-name", "alias", "place", "place-preposition",
                                                    "organisation"};
      if (std::find(std::begin(known), std::end(known), section) == std::end(known)) {
        complain("unknown section [" + section + "]");
        section.clear();
      }
      continue;
    }
    if (section.empty()) {
      complain("entry outside a known section");
      continue;
    }
    if (section == "trigger") {
      for (auto e : split(line, ',')) lex.triggers_[lower(e)] = argument;
    } else if (section == "compatible") {
      auto const pair = split(line, ' ');
      if (pair.size() != 2) {
        complain("[compatible] wants two classes");
        continue;
      }
      lex.compatible_.insert(std::string{pair[0]} + "|" + std::string{pair[1]});
      lex.compatible_.insert(std::string{pair[1]} + "|" + std::string{pair[0]});
    } else if (section == "modality") {
      if (argument != "planned" && argument != "speculative") {
        complain("[modality] is planned or speculative");
        continue;
      }
      for (auto e : split(line, ',')) {
        lex.modality_[lower(e)] = argument == "planned" ? modality::planned : modality::speculative;
        lex.modality_phrases_.push_back(lower(e));
      }
    } else if (section == "speech") {
      for (auto e : split(line, ',')) lex.speech_.insert(lower(e));
    } else if (section == "relation") {
      std::optional<event_relation> r;
      if (argument == "before") r = event_relation::before;
      else if (argument == "after") r = event_relation::after;
      else if (argument == "since") r = event_relation::since;
      else if (argument == "until") r = event_relation::until;
      if (!r) {
        complain("[relation] is before, after, since or until");
        continue;
      }
      for (auto e : split(line, ',')) {
        lex.relations_[lower(e)] = *r;
        lex.relation_phrases_.push_back(lower(e));
      }
    } else if (section == "title") {
      for (auto e : split(line, ',')) lex.titles_.insert(lower(e));
    } else if (section == "not-name") {
      for (auto e : split(line, ',')) lex.not_names_.insert(lower(e));
    } else if (section == "alias") {
      auto const colon = line.find(':');
      if (colon == std::string_view::npos) {
        complain("[alias] wants 'Canonical: variant, ...'");
        continue;
      }
      std::string const canonical{trim(line.substr(0, colon))};
      for (auto e : split(line.substr(colon + 1), ',')) lex.aliases_[lower(e)] = canonical;
      std::string const key = lower(canonical);
      std::size_t start = 0;
      while (start < key.size()) {
        auto const sp = key.find_first_of(" -", start);
        auto& people = lex.people_by_word_[key.substr(start, sp - start)];
        if (std::find(people.begin(), people.end(), canonical) == people.end()) people.push_back(canonical);
        if (sp == std::string::npos) break;
        start = sp + 1;
      }
    } else if (section == "place") {
      auto const lt = line.find('<');
      place_entry p;
      p.name = std::string{trim(line.substr(0, lt))};
      if (lt != std::string_view::npos) p.container = std::string{trim(line.substr(lt + 1))};
      lex.places_[lower(p.name)] = p;
    } else if (section == "place-preposition") {
      for (auto e : split(line, ',')) lex.place_prepositions_.insert(lower(e));
    } else if (section == "organisation") {
      for (auto e : split(line, ',')) lex.organisation_words_.insert(lower(e));
    }
  }
  sort_longest_first(lex.modality_phrases_);
  sort_longest_first(lex.relation_phrases_);
  return lex;
}

std::string_view default_lexicon_text() noexcept { return detail::embedded_lexicon(); }

lexicon const& default_lexicon() {
  // A function-local static: initialized once, thread-safe, and only when first needed.
  static lexicon const lex = parse_lexicon(detail::embedded_lexicon());
  return lex;
}

}  // namespace timeline::engine
