// SPDX-License-Identifier: MIT
#include "support/corpus.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include <timeline/io/publication_date.hpp>

namespace timeline::testing {
namespace {

using nlohmann::json;

// Thrown inside this file only, turned into corpus_case::error by load_corpus.
struct malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr std::array<std::string_view, 4> types{"DATE", "TIME", "DURATION", "SET"};
constexpr std::array<std::string_view, 15> grains{
    "second", "minute", "hour",     "part_of_day", "day",  "week",   "weekend",     "month",
    "season", "quarter", "half_year", "year",      "decade", "century", "unspecified"};
constexpr std::array<std::string_view, 6> line_keys{"pub", "texts", "sentence", "span", "expect", "note"};
constexpr std::array<std::string_view, 10> expect_keys{"type",     "value",  "mod",   "quant", "freq",
                                                       "earliest", "latest", "grain", "anchor", "note"};

template <std::size_t N>
bool one_of(std::string_view s, std::array<std::string_view, N> const& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

template <std::size_t N>
void check_keys(json const& object, std::array<std::string_view, N> const& allowed, std::string_view where) {
  for (auto const& item : object.items()) {
    if (!one_of(item.key(), allowed)) {
      throw malformed{"unknown key \"" + item.key() + "\" in " + std::string{where}};
    }
  }
}

// The corpus writes days as YYYY-MM-DD and publication times as YYYY-MM-DDTHH:MM, nothing looser:
// the reader's parser reads them, the length check keeps the corpus to those two shapes.
std::optional<io::date_reading> strict_date(std::string const& s) {
  auto reading = io::parse_date(s);
  if (!reading || !reading->ymd.ok() || !(s.size() == 10 || (s.size() == 16 && s[10] == 'T'))) return std::nullopt;
  return reading;
}

date::sys_days parse_day(std::string const& s, std::string_view what) {
  auto const reading = strict_date(s);
  if (!reading || reading->time_of_day) throw malformed{std::string{what} + ": not a YYYY-MM-DD day: \"" + s + "\""};
  return date::sys_days{reading->ymd};
}

grammar::reference_time parse_pub(json const& line) {
  if (!line.contains("pub")) return {date::sys_days{date::year{2013} / 2 / 12}, std::nullopt};
  if (!line["pub"].is_string()) throw malformed{"pub: must be a string"};
  auto const s = line["pub"].get<std::string>();
  auto const reading = strict_date(s);
  if (!reading) throw malformed{"pub: not YYYY-MM-DD or YYYY-MM-DDTHH:MM: \"" + s + "\""};
  return {date::sys_days{reading->ymd}, reading->time_of_day};
}

std::string optional_string(json const& expect, char const* key) {
  if (!expect.contains(key)) return {};
  if (!expect[key].is_string()) throw malformed{std::string{"expect."} + key + ": must be a string"};
  return expect[key].get<std::string>();
}

expected_bound parse_bound(json const& expect, char const* key) {
  if (!expect.contains(key)) return {};
  auto const& v = expect[key];
  if (v.is_null()) return {true, std::nullopt};
  if (!v.is_string()) throw malformed{std::string{"expect."} + key + ": must be a day string or null"};
  return {true, parse_day(v.get<std::string>(), std::string{"expect."} + key)};
}

corpus_expectation parse_expect(json const& expect) {
  if (!expect.is_object()) throw malformed{"expect: must be an object or null"};
  check_keys(expect, expect_keys, "expect");
  corpus_expectation e;
  e.type = optional_string(expect, "type");
  if (!one_of(e.type, types)) throw malformed{"expect.type: must be DATE, TIME, DURATION or SET"};
  if (!expect.contains("value")) throw malformed{"expect.value: required"};
  e.value = optional_string(expect, "value");
  if (e.value.empty()) throw malformed{"expect.value: must not be empty"};
  e.mod = optional_string(expect, "mod");
  e.quant = optional_string(expect, "quant");
  e.freq = optional_string(expect, "freq");
  e.earliest = parse_bound(expect, "earliest");
  e.latest = parse_bound(expect, "latest");
  if (e.earliest.checked && e.latest.checked && e.earliest.day.has_value() != e.latest.day.has_value()) {
    throw malformed{"expect: earliest and latest must both be days or both be null"};
  }
  if (e.earliest.day && e.latest.day && *e.latest.day < *e.earliest.day) {
    throw malformed{"expect: latest is before earliest"};
  }
  if (expect.contains("grain")) {
    e.grain = optional_string(expect, "grain");
    if (!one_of(std::string_view{*e.grain}, grains)) throw malformed{"expect.grain: unknown grain \"" + *e.grain + "\""};
  }
  if (expect.contains("anchor")) e.anchor = optional_string(expect, "anchor");
  return e;
}

std::vector<std::string> string_list(json const& line, char const* key) {
  std::vector<std::string> out;
  if (!line.contains(key)) return out;
  auto const& v = line[key];
  if (v.is_string()) {
    out.push_back(v.get<std::string>());
  } else if (v.is_array() && !v.empty()) {
    for (auto const& item : v) {
      if (!item.is_string()) throw malformed{std::string{key} + ": every item must be a string"};
      out.push_back(item.get<std::string>());
    }
  } else {
    throw malformed{std::string{key} + ": must be a string or a non-empty array of strings"};
  }
  for (auto const& s : out) {
    if (s.empty()) throw malformed{std::string{key} + ": empty input"};
  }
  return out;
}

// All the cases of one non-comment line. Throws malformed.
std::vector<corpus_case> parse_line(std::string const& text, corpus_case const& base) {
  json line;
  try {
    line = json::parse(text);
  } catch (json::exception const& e) {
    throw malformed{std::string{"invalid JSON: "} + e.what()};
  }
  if (!line.is_object()) throw malformed{"a corpus line must be a JSON object"};
  check_keys(line, line_keys, "the line");
  if (!line.contains("expect")) throw malformed{"expect: required (null for negative examples)"};

  corpus_case proto = base;
  proto.pub = parse_pub(line);
  if (!line["expect"].is_null()) proto.expect = parse_expect(line["expect"]);

  auto const texts = string_list(line, "texts");
  auto const sentences = string_list(line, "sentence");
  if (texts.empty() && sentences.empty()) throw malformed{"the line has neither texts nor sentence"};
  std::optional<std::string> span;
  if (line.contains("span")) {
    if (!line["span"].is_string() || line["span"].get<std::string>().empty()) {
      throw malformed{"span: must be a non-empty string"};
    }
    span = line["span"].get<std::string>();
  }
  if (span && sentences.empty()) throw malformed{"span: only meaningful with sentence"};
  if (!sentences.empty() && proto.expect && !span) throw malformed{"sentence: a positive example needs a span"};

  std::vector<corpus_case> out;
  for (auto const& t : texts) {
    corpus_case c = proto;
    c.index = out.size();
    c.text = t;
    out.push_back(std::move(c));
  }
  for (auto const& s : sentences) {
    corpus_case c = proto;
    c.index = out.size();
    c.text = s;
    if (span) {
      auto const at = s.find(*span);
      if (at == std::string::npos) throw malformed{"span \"" + *span + "\" does not occur in \"" + s + "\""};
      c.span = span;
      c.span_begin = at;
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool blank_or_comment(std::string const& line) {
  auto const first = line.find_first_not_of(" \t\r");
  return first == std::string::npos || line[first] == '#';
}

}  // namespace

std::vector<corpus_case> load_corpus(std::filesystem::path const& path, corpus_load_options options) {
  corpus_case base;
  base.file = path.filename().string();
  base.allow_latent = options.allow_latent;

  std::vector<corpus_case> cases;
  std::ifstream in{path};
  if (!in) {
    base.text = "<missing file>";
    base.error = "cannot open " + path.string();
    cases.push_back(base);
    return cases;
  }
  std::string raw;
  while (std::getline(in, raw)) {
    ++base.line;
    if (blank_or_comment(raw)) continue;
    try {
      auto line_cases = parse_line(raw, base);
      std::move(line_cases.begin(), line_cases.end(), std::back_inserter(cases));
    } catch (malformed const& e) {
      corpus_case bad = base;
      bad.text = raw.substr(0, 60);
      bad.error = e.what();
      cases.push_back(std::move(bad));
    }
  }
  if (cases.empty()) {
    base.text = "<empty file>";
    base.error = path.string() + " holds no examples";
    cases.push_back(base);
  }
  return cases;
}

std::string corpus_case_name(corpus_case const& c) {
  std::string name = "L" + std::to_string(c.line) + "T" + std::to_string(c.index);
  if (!c.error.empty()) return name + "Malformed";
  // CamelCase of the words of the span (sentence mode) or of the text, alnum only, at most 40 chars.
  std::string_view const words = c.span ? std::string_view{*c.span} : std::string_view{c.text};
  if (c.span) name += "Span";
  std::string camel;
  bool word_start = true;
  for (char const ch : words) {
    auto const u = static_cast<unsigned char>(ch);
    if (u < 0x80 && std::isalnum(u) != 0) {
      camel += word_start ? static_cast<char>(std::toupper(u)) : ch;
      word_start = false;
    } else {
      word_start = true;
    }
    if (camel.size() >= 40) break;
  }
  // "L10T1N20250813": an N keeps the index and a camel that starts with a digit apart.
  if (!camel.empty() && std::isdigit(static_cast<unsigned char>(camel.front())) != 0) name += 'N';
  return name + camel;
}

void PrintTo(corpus_case const& c, std::ostream* os) {
  *os << '"' << c.text << '"';
  if (c.span) *os << " span \"" << *c.span << '"';
  *os << " @ " << c.file << ':' << c.line;
}

}  // namespace timeline::testing
