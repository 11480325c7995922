// SPDX-License-Identifier: MIT
#include <timeline/engine/participants.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace timeline::engine {

namespace {

bool ascii_alnum(unsigned char c) { return std::isalnum(c) != 0; }

// U+2000..U+206F (general punctuation: curly quotes, dashes, ellipsis) and U+00A0 are separators;
// every other non-ASCII code point counts as a letter (names such as "Zoë").
std::size_t separator_length(std::string_view t, std::size_t i) {
  auto const c = static_cast<unsigned char>(t[i]);
  if (c == 0xE2 && i + 2 < t.size()) {
    auto const c1 = static_cast<unsigned char>(t[i + 1]);
    if (c1 == 0x80 || c1 == 0x81) return 3;
  }
  if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) return 2;
  return 0;
}

bool word_byte(std::string_view t, std::size_t i) {
  auto const c = static_cast<unsigned char>(t[i]);
  if (c >= 0x80) return separator_length(t, i) == 0;
  return ascii_alnum(c);
}

bool right_single_quote(std::string_view t, std::size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
         static_cast<unsigned char>(t[i + 2]) == 0x99;
}

std::string lower(std::string_view s) {
  std::string out{s};
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> tokens_of(std::string const& normalized) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < normalized.size()) {
    auto const sp = normalized.find(' ', start);
    out.push_back(normalized.substr(start, sp - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return out;
}

// A headline set in title case ("Harlow Street Bridge Closes for Repairs"): at least four words
// and every word longer than three letters capitalized, and no final stop. Its capitals say nothing about names.
bool headline_style(std::string_view text, std::vector<word> const& ws) {
  if (ws.size() < 4) return false;
  // A sentence that ends like one is prose, however many names it holds.
  std::size_t last = text.find_last_not_of(" \t\r\n");
  if (last != std::string_view::npos && (text[last] == '.' || text[last] == '!' || text[last] == '?')) return false;
  std::size_t long_words = 0;
  for (auto const& w : ws) {
    if (w.lower.size() <= 3 || std::isdigit(static_cast<unsigned char>(w.lower.front())) != 0) continue;
    if (!w.capitalized) return false;
    ++long_words;
  }
  return long_words >= 3;
}

// The index of the word that ends at `end`, or ws.size().
std::size_t word_index_ending_at(std::vector<word> const& ws, std::size_t end) {
  for (std::size_t k = 0; k < ws.size(); ++k) {
    if (ws[k].span.end == end) return k;
  }
  return ws.size();
}

}  // namespace

std::vector<word> words(std::string_view text, text_span within) {
  std::vector<word> out;
  std::size_t i = within.begin;
  std::size_t const end = std::min(within.end, text.size());
  while (i < end) {
    if (!word_byte(text, i)) {
      std::size_t const sep = separator_length(text, i);
      i += sep > 0 ? sep : 1;
      continue;
    }
    std::size_t const begin = i;
    while (i < end) {
      if (word_byte(text, i)) {
        ++i;
        continue;
      }
      char const c = text[i];
      // Inner hyphens, apostrophes and periods join word parts ("Jong-un", "O'Brien", "U.S").
      if ((c == '-' || c == '\'' || c == '.') && i + 1 < end && word_byte(text, i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    word w;
    w.span = {begin, i};
    std::string_view written = text.substr(begin, i - begin);
    // A final period belongs to abbreviations: "U.S.", "Mr.", "Gen.".
    if (i < end && text[i] == '.') {
      bool const dotted = written.find('.') != std::string_view::npos;
      bool const short_title = written.size() <= 3 && std::isupper(static_cast<unsigned char>(written.front())) != 0 &&
                               (lower(written) == "mr" || lower(written) == "mrs" || lower(written) == "ms" ||
                                lower(written) == "dr" || lower(written) == "gen" || lower(written) == "st");
      if (dotted || short_title) {
        ++i;
        w.span.end = i;
        written = text.substr(begin, i - begin);
      }
    }
    if (written.size() > 2 && (written.ends_with("'s") || written.ends_with("'S"))) {
      w.possessive = true;
      w.span.end -= 2;
      written.remove_suffix(2);
    } else if (right_single_quote(text, i) && i + 3 < end + 1 && i + 3 <= text.size() &&
               (i + 3 < text.size() && (text[i + 3] == 's' || text[i + 3] == 'S')) &&
               (i + 4 >= text.size() || !word_byte(text, i + 4))) {
      w.possessive = true;
      i += 4;
    }
    w.lower = lower(written);
    w.capitalized = std::isupper(static_cast<unsigned char>(written.front())) != 0;
    out.push_back(std::move(w));
  }
  return out;
}

std::string normalize_name(std::string_view written) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < written.size(); ++i) {
    char const c = written[i];
    if (c == '-' || c == ' ' || c == '\t' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (out.ends_with("'s")) out.resize(out.size() - 2);
  return out;
}

bool participants_agree(std::vector<std::string> const& a, std::vector<std::string> const& b) {
  if (a.empty() || b.empty()) return false;
  std::size_t shared = 0;
  for (auto const& name : a) {
    if (std::binary_search(b.begin(), b.end(), name)) ++shared;
  }
  return shared >= std::min<std::size_t>(2, std::min(a.size(), b.size()));
}

name_index index_names(document const& doc, lexicon const& lex) {
  name_index index;
  struct candidate {
    text_span span;
    std::string written;
    std::vector<std::string> parts;  // lower case
    bool place = false;
  };
  std::vector<candidate> found;

  auto strip_word = [&](std::string const& w) {
    return lex.title(w) || lex.not_a_name(w) || !lex.trigger_class(w).empty() || lex.modality_cue(w).has_value();
  };

  // Determiners and possessives that open an organisation's name without belonging to it.
  auto determiner = [](std::string const& w) {
    return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "this" || w == "that";
  };

  for (sentence const& s : taggable_sentences(doc)) {
    std::vector<word> const ws = words(doc.text, s.span);
    // The name that the words [from, to) spell, with its normalised parts for matching.
    auto const name_of = [&](std::size_t from, std::size_t to) {
      candidate c;
      c.span = {ws[from].span.begin, ws[to - 1].span.end};
      c.written = doc.text.substr(c.span.begin, c.span.size());
      for (std::size_t m = from; m < to; ++m) {
        for (auto const& t : tokens_of(normalize_name(ws[m].lower))) c.parts.push_back(t);
      }
      return c;
    };
    if (headline_style(doc.slice(s.span), ws)) continue;
    std::size_t i = 0;
    while (i < ws.size()) {
      if (!ws[i].capitalized) {
        ++i;
        continue;
      }
      // A run of capitalized words separated only by single spaces.
      std::size_t j = i + 1;
      while (j < ws.size() && ws[j].capitalized && !ws[j - 1].possessive && ws[j].span.begin == ws[j - 1].span.end + 1 &&
             doc.text[ws[j - 1].span.end] == ' ') {
        ++j;
      }
      // Places first, longest match at each position ("Kursk region", "White House").
      std::size_t k = i;
      std::vector<std::pair<std::size_t, std::size_t>> person_parts;  // [from, to) word ranges
      std::size_t run_start = i;
      while (k < j) {
        std::size_t matched = 0;
        for (std::size_t len = std::min<std::size_t>(3, j - k); len >= 1; --len) {
          std::string_view const phrase{doc.text.data() + ws[k].span.begin, ws[k + len - 1].span.end - ws[k].span.begin};
          if (lex.place(phrase) != nullptr) {
            matched = len;
            break;
          }
        }
        if (matched == 0) {
          ++k;
          continue;
        }
        if (run_start < k) person_parts.emplace_back(run_start, k);
        std::string_view const phrase{doc.text.data() + ws[k].span.begin, ws[k + matched - 1].span.end - ws[k].span.begin};
        found.push_back({{ws[k].span.begin, ws[k + matched - 1].span.end}, lex.place(phrase)->name, {}, true});
        k += matched;
        run_start = k;
      }
      if (run_start < j) person_parts.emplace_back(run_start, j);
      for (auto [from, to] : person_parts) {
        // An organisation: a run ending in a head word such as "Council" or "Reserve" is a name as a
        // whole, even when its other words ("Federal", "Trade") are never part of a person's name.
        std::size_t org_from = from;
        while (org_from < to && determiner(ws[org_from].lower)) ++org_from;
        if (to - org_from >= 2 && to - org_from <= 6 && lex.organisation_word(ws[to - 1].lower)) {
          found.push_back(name_of(org_from, to));
          continue;
        }
        while (from < to && strip_word(ws[from].lower)) ++from;
        while (to > from && strip_word(ws[to - 1].lower)) --to;
        if (from == to) continue;
        bool clean = true;
        for (std::size_t m = from; m < to; ++m) clean = clean && !lex.not_a_name(ws[m].lower);
        if (!clean || to - from > 4) continue;
        // "Putin-Trump summit": two names joined, not a third person.
        if (to - from == 1) {
          std::string_view const w{doc.text.data() + ws[from].span.begin, ws[from].span.size()};
          auto const hyphen = w.find('-');
          if (hyphen != std::string_view::npos && hyphen + 1 < w.size() &&
              std::isupper(static_cast<unsigned char>(w[hyphen + 1])) != 0) {
            continue;
          }
        }
        found.push_back(name_of(from, to));
      }
      i = j;
    }
  }
  std::sort(found.begin(), found.end(), [](auto const& a, auto const& b) { return a.span.begin < b.span.begin; });

  // Full names of the document: canonical spelling by normalized key.
  std::map<std::string, std::string> full;  // normalized -> canonical
  for (auto const& c : found) {
    if (c.place || c.parts.size() < 2) continue;
    std::string const key = normalize_name(c.written);
    std::string_view const alias = lex.alias(key);
    full.emplace(key, alias.empty() ? c.written : std::string{alias});
  }
  auto resolve_single = [&](std::string const& part, bool& ambiguous) -> std::string {
    std::set<std::string> fits;
    for (auto const& [key, canonical] : full) {
      auto const toks = tokens_of(key);
      if (std::find(toks.begin(), toks.end(), part) != toks.end()) fits.insert(canonical);
    }
    if (fits.empty()) {
      // Not spelled out in this document: a lone name still means the one known person it fits.
      auto const& known = lex.people_named(part);
      if (known.size() == 1) return known.front();
      std::string_view const alias = lex.alias(part);
      if (!alias.empty()) return std::string{alias};
    }
    if (fits.size() == 1) return *fits.begin();
    if (fits.size() > 1) {
      ambiguous = true;
      std::string note = part + " ->";
      bool first = true;
      for (auto const& f : fits) {
        note += first ? " " : " | ";
        note += f;
        first = false;
      }
      if (std::find(index.ambiguities.begin(), index.ambiguities.end(), note) == index.ambiguities.end()) {
        index.ambiguities.push_back(note);
      }
    }
    return {};
  };

  for (auto const& c : found) {
    name_mention m;
    m.span = c.span;
    m.place = c.place;
    if (c.place) {
      m.canonical = c.written;
    } else if (c.parts.size() >= 2) {
      m.canonical = full.at(normalize_name(c.written));
    } else {
      m.canonical = resolve_single(c.parts.front(), m.ambiguous);
      if (m.canonical.empty() && !m.ambiguous) continue;  // a capitalized word, not a known person
    }
    index.mentions.push_back(std::move(m));
  }

  // Definite descriptions: "the bridge" after "the Harlow Street Bridge", "the mill" after "the
  // Halvorsen Paper mill", "the association" after "the Railway Drivers Association". A lower-case
  // noun names a multi-word name of the document when it is that name's last word or the word
  // written right after it, and only when it fits exactly one such name.
  std::map<std::string, std::set<std::string>> heads;  // noun -> canonical names
  for (sentence const& s : taggable_sentences(doc)) {
    std::vector<word> const ws = words(doc.text, s.span);
    for (auto const& m : index.mentions) {
      if (m.place || m.canonical.empty() || m.span.begin < s.span.begin || m.span.end > s.span.end) continue;
      std::size_t const last = word_index_ending_at(ws, m.span.end);
      if (last >= ws.size()) continue;
      if (ws[last].span.begin > m.span.begin) heads[ws[last].lower].insert(m.canonical);
      if (last + 1 < ws.size() && !ws[last + 1].capitalized && !ws[last].possessive &&
          ws[last + 1].span.begin == ws[last].span.end + 1 && !strip_word(ws[last + 1].lower) &&
          !lex.speech_verb(ws[last + 1].lower)) {
        heads[ws[last + 1].lower].insert(m.canonical);
      }
    }
  }
  std::vector<name_mention> described;
  for (sentence const& s : taggable_sentences(doc)) {
    std::vector<word> const ws = words(doc.text, s.span);
    for (std::size_t k = 0; k + 1 < ws.size(); ++k) {
      if (!determiner(ws[k].lower) || ws[k + 1].capitalized) continue;
      auto const it = heads.find(ws[k + 1].lower);
      if (it == heads.end() || it->second.size() != 1) continue;
      name_mention m;
      m.span = ws[k + 1].span;
      m.canonical = *it->second.begin();
      described.push_back(std::move(m));
    }
  }
  index.mentions.insert(index.mentions.end(), described.begin(), described.end());
  std::stable_sort(index.mentions.begin(), index.mentions.end(),
                   [](name_mention const& a, name_mention const& b) { return a.span.begin < b.span.begin; });
  return index;
}

}  // namespace timeline::engine
