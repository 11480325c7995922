// SPDX-License-Identifier: MIT
//
// `timeline tag`: the temporal expressions of each document, normalized against its publication
// date, as JSON Lines, TimeML or a table for people.
#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <timeline/grammar/detail/eight_bytes.hpp>

#include <timeline/engine/tagging.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/read.hpp>
#include <timeline/io/timeml.hpp>
#include <timeline/io/utf8.hpp>

#include "../command.hpp"

namespace timeline::cli {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

struct tag_options {
  std::vector<std::string> dct;
  std::string manifest;
  std::string format;  // empty: json, or timeml for TimeML input
  std::string out;
  std::vector<std::string> files;
  bool keep_boilerplate = false;
  bool trace = false;
};

std::string day_text(date::sys_days d) { return io::format_day(d); }

// One document's JSON line, written in place. Its bytes only grow, to the longest line written, and
// are reused for the next document: resizing a std::string for every expression zero-filled the
// room made for it, only for the writer to overwrite it.
class json_line {
 public:
  // Room for `n` more bytes after the written ones; write them, then give the end to commit().
  char* make_room(std::size_t n) {
    if (bytes_.size() - used_ < n) bytes_.resize(std::max(used_ + n, 2 * bytes_.size()));
    return bytes_.data() + used_;
  }
  void commit(char const* end) { used_ = static_cast<std::size_t>(end - bytes_.data()); }
  void append(std::string_view s) { commit(std::copy(s.begin(), s.end(), make_room(s.size()))); }
  void drop_last() { --used_; }
  void clear() { used_ = 0; }
  std::string_view written() const { return {bytes_.data(), used_}; }

 private:
  std::string bytes_;
  std::size_t used_ = 0;
};

// Writes JSON into room made for it in advance. An expression is some twenty pieces, and appending
// them to a std::string one at a time (a capacity check and a call each) cost more than the rest
// of writing the output. The caller makes `room` enough for what it writes: room_for() each
// string, and the rest counted.
class json_writer {
 public:
  json_writer(json_line& out, std::size_t room) : out_(out), at_(out.make_room(room)), end_(at_ + room) {}
  json_writer(json_writer const&) = delete;
  json_writer& operator=(json_writer const&) = delete;
  ~json_writer() {
    assert(at_ <= end_ && "the room made was too small");
    out_.commit(at_);
  }

  // The most string(s) writes: every byte escaped as \u00XX, and the quotes; and the eight bytes
  // it stores whole for the last few.
  static std::size_t room_for(std::string_view s) { return 6 * s.size() + 2 + 8; }
  static constexpr std::size_t number_room = std::numeric_limits<std::size_t>::digits10 + 1;

  [[gnu::always_inline]] void raw(std::string_view s) { at_ = copy(s, at_); }
  void number(std::size_t n) { at_ = std::to_chars(at_, at_ + number_room, n).ptr; }
  // A string that is plain by construction (an enum's name, a day): quoted, not scanned.
  [[gnu::always_inline]] void plain_string(std::string_view s) {
    *at_++ = '"';
    raw(s);
    *at_++ = '"';
  }
  // `key` (its comma, quotes and colon included) and `s`, or nothing when `s` is empty: the
  // optional fields of the output are left out rather than written empty.
  [[gnu::always_inline]] void string_if_set(std::string_view key, std::string_view s) {
    if (s.empty()) return;
    raw(key);
    string(s);
  }
  // A day as day_value() writes it, quoted: into the room, with no string made for it.
  void day(date::sys_days d) {
    *at_++ = '"';
    at_ = grammar::write_day_value(at_, d);
    *at_++ = '"';
  }
  static constexpr std::size_t day_room = grammar::day_value_room + 2;
  // Where the next byte goes, to repeat what was written from there with raw().
  char const* position() const { return at_; }

  // `s` as a JSON string, escaped as nlohmann::json's dump() does (the output is the same byte for
  // byte): building a json tree per expression cost a tenth of the tagger's time. `s` is valid
  // UTF-8 (a span of a checked text, or ASCII). Almost no string has a byte to escape, so each is
  // stored whole, eight bytes at a time (the last eight overlapping the eight before), and tested
  // for such bytes on the way; only a string that has one is written again, byte by byte. A string
  // under eight bytes (half of them) is gathered into one word with loads that stay inside it.
  // The end is kept in a local: written through `at_`, it was stored and loaded again for every
  // byte.
  [[gnu::always_inline]] void string(std::string_view s) {
    using timeline::detail::load_eight;
    char* const out = at_ + 1;
    *at_ = '"';
    char const* const from = s.data();
    std::size_t const n = s.size();
    std::uint64_t marks = 0;
    if (n >= 8) {
      std::size_t i = 0;
      for (; i + 8 < n; i += 8) {
        std::uint64_t const eight = load_eight(from + i);
        std::memcpy(out + i, &eight, sizeof eight);
        marks |= escaped_bytes(eight);
      }
      std::uint64_t const last = load_eight(from + n - 8);
      std::memcpy(out + n - 8, &last, sizeof last);
      marks |= escaped_bytes(last);
    } else if (n > 0) {
      std::uint64_t const gathered = gather(from, n);
      std::memcpy(out, &gathered, sizeof gathered);  // the room has eight bytes to spare
      marks = escaped_bytes(gathered) & ((std::uint64_t{1} << (8 * n)) - 1);
    }
    char* end = out + n;
    if (marks != 0) {
      end = out;
      for (char const c : s) {
        if (escapes[static_cast<unsigned char>(c)]) {
          end = escape(end, c);
        } else {
          *end++ = c;
        }
      }
    }
    *end++ = '"';
    at_ = end;
  }

 private:
  // Most of what is copied is under seventeen bytes (a key, an enum's name): copied with loads and
  // stores that overlap, not a call to memmove each (one at a time, those calls cost more than
  // the copying).
  [[gnu::always_inline]] static char* copy(std::string_view s, char* out) {
    char const* const from = s.data();
    std::size_t const n = s.size();
    if (n >= 8 && n <= 16) {
      std::uint64_t const head = timeline::detail::load_eight(from);
      std::uint64_t const tail = timeline::detail::load_eight(from + n - 8);
      std::memcpy(out, &head, sizeof head);
      std::memcpy(out + n - 8, &tail, sizeof tail);
    } else if (n >= 4 && n < 8) {
      std::uint32_t head;
      std::uint32_t tail;
      std::memcpy(&head, from, sizeof head);
      std::memcpy(&tail, from + n - 4, sizeof tail);
      std::memcpy(out, &head, sizeof head);
      std::memcpy(out + n - 4, &tail, sizeof tail);
    } else if (n > 0 && n < 4) {
      out[0] = from[0];
      out[n / 2] = from[n / 2];
      out[n - 1] = from[n - 1];
    } else if (n > 16) {
      std::memcpy(out, from, n);
    }
    return out + n;
  }

  // The `n` bytes at `from` (1 to 7) in the low bytes of a word, zero above, read without a byte
  // past them: two four-byte loads that overlap, or the first, middle and last bytes.
  [[gnu::always_inline]] static std::uint64_t gather(char const* from, std::size_t n) {
    if (n >= 4) {
      std::uint32_t head;
      std::uint32_t tail;
      std::memcpy(&head, from, sizeof head);
      std::memcpy(&tail, from + n - 4, sizeof tail);
      return head | static_cast<std::uint64_t>(tail) << (8 * (n - 4));
    }
    auto const byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(from[i])) << (8 * i); };
    return byte(0) | byte(n / 2) | byte(n - 1);
  }

  // The bytes dump() escapes: the quote, the backslash and the control characters (not 0x7F, and
  // nothing above it without ensure_ascii).
  static constexpr std::array<bool, 256> escapes = [] {
    std::array<bool, 256> escape{};
    for (std::size_t c = 0; c < 0x20; ++c) escape[c] = true;
    escape['"'] = escape['\\'] = true;
    return escape;
  }();
  // Not zero when one of the eight bytes is one that `escapes` holds: the string is then written
  // again byte by byte, so only whether there is one must be exact, not which (a byte after the
  // first found may be marked too, by the borrow of the subtraction). Each test is the classic
  // "has a zero byte" (Mycroft's), with fewer operations than a per-byte exact mark.
  static std::uint64_t escaped_bytes(std::uint64_t eight) {
    using timeline::detail::every_byte;
    using timeline::detail::high_bits;
    auto const zero_byte = [](std::uint64_t x) { return (x - every_byte(1)) & ~x; };
    std::uint64_t const control = (eight - every_byte(0x20)) & ~eight;  // a byte under 0x20, when none before it is
    return (control | zero_byte(eight ^ every_byte('"')) | zero_byte(eight ^ every_byte('\\'))) & high_bits;
  }

  static char* escape(char* out, char c) {
    switch (c) {
      case '"': return copy("\\\""sv, out);
      case '\\': return copy("\\\\"sv, out);
      case '\b': return copy("\\b"sv, out);
      case '\f': return copy("\\f"sv, out);
      case '\n': return copy("\\n"sv, out);
      case '\r': return copy("\\r"sv, out);
      case '\t': return copy("\\t"sv, out);
      default: {  // the other control characters, as dump() writes them
        constexpr std::string_view hex = "0123456789abcdef";
        out = copy("\\u00"sv, out);
        *out++ = hex[static_cast<unsigned char>(c) >> 4U];
        *out++ = hex[static_cast<unsigned char>(c) & 0xFU];
        return out;
      }
    }
  }

  json_line& out_;
  char* at_;
  char const* end_;  // of the room made
};

// The names of a set of calendar fields ("year,month"), made once for each set: an expression
// has two sets, and there are few different ones. Found by the set's bits in a table of views,
// where hashing them into a map cost more than the rest of writing the sets; a set with a field
// beyond the table's is looked up in a map.
std::string_view field_names(grammar::field_set fields) {
  constexpr std::size_t sets_in_table = std::size_t{static_cast<std::uint16_t>(grammar::field::half)} << 1U;
  static std::array<std::string_view, sets_in_table> table;  // empty until made
  static std::deque<std::string> made;                        // what `table` views: a deque does not move them
  static std::unordered_map<std::uint16_t, std::string> beyond_table;
  std::uint16_t const bits = fields.bits();
  if (bits >= table.size()) {
    auto const [at, added] = beyond_table.try_emplace(bits);
    if (added) at->second = to_string(fields);
    return at->second;
  }
  std::string_view& names = table[bits];
  if (names.empty()) names = made.emplace_back(to_string(fields));
  return names;
}

// The contract's keys first, in this order: text, begin, end (code points, end exclusive), type,
// value, mod (only when set), earliest, latest, grain, rule. Then extensions that pipelines use
// (the contract may be extended, never renamed): quant and freq of sets, which calendar fields
// were stated and which implied (the solver's hard and soft constraints), and what the
// expression counts from (anchor: none, dct or previous, with the anchoring value).
void append_timex_json(json_line& out, grammar::temporal_mention const& m, std::string_view text, io::offset_converter const& offsets) {
  std::string_view const span = text.substr(m.begin, m.end - m.begin);
  std::string_view const type = to_string(m.type);
  std::string_view const grain = to_string(m.granularity);
  std::string_view const anchor = to_string(m.anchor);
  std::string_view const stated = m.stated.empty() ? std::string_view{} : field_names(m.stated);
  std::string_view const implied = m.implied.empty() ? std::string_view{} : field_names(m.implied);
  using w = json_writer;
  // The keys and punctuation are under 200 bytes.
  std::size_t const room = 200 + 2 * w::number_room + w::room_for(span) + w::room_for(type) + w::room_for(m.value) +
                           w::room_for(m.mod) + 2 * w::day_room + w::room_for(grain) +
                           w::room_for(m.rule) + w::room_for(m.quant) + w::room_for(m.freq) + w::room_for(stated) +
                           w::room_for(implied) + w::room_for(anchor) + w::room_for(m.anchor_value);
  json_writer json{out, room};
  json.raw("{\"text\":"sv);
  json.string(span);
  json.raw(",\"begin\":"sv);
  json.number(offsets.to_code_points(m.begin));
  json.raw(",\"end\":"sv);
  json.number(offsets.to_code_points(m.end));
  json.raw(",\"type\":"sv);
  json.plain_string(type);
  json.raw(",\"value\":"sv);
  json.string(m.value);
  json.string_if_set(",\"mod\":"sv, m.mod);
  if (m.when) {
    json.raw(",\"earliest\":"sv);
    char const* const earliest = json.position();
    json.day(m.when->earliest);
    std::string_view const earliest_written{earliest, static_cast<std::size_t>(json.position() - earliest)};
    json.raw(",\"latest\":"sv);
    // Most expressions are one day long.
    if (m.when->latest == m.when->earliest) {
      json.raw(earliest_written);
    } else {
      json.day(m.when->latest);
    }
  } else {
    json.raw(",\"earliest\":null,\"latest\":null"sv);
  }
  json.raw(",\"grain\":"sv);
  json.plain_string(grain);
  json.raw(",\"rule\":"sv);
  json.string(m.rule);
  json.string_if_set(",\"quant\":"sv, m.quant);
  json.string_if_set(",\"freq\":"sv, m.freq);
  json.string_if_set(",\"stated\":"sv, stated);
  json.string_if_set(",\"implied\":"sv, implied);
  json.raw(",\"anchor\":"sv);
  json.plain_string(anchor);
  json.string_if_set(",\"anchor_value\":"sv, m.anchor_value);
  json.raw("}"sv);
}

// The document's fields, before its expressions: `{"document":...,"dct":...[,"status":"error","error":...]`.
void append_head_json(json_line& out, std::string_view id, std::string_view dct, std::optional<std::string_view> error) {
  using w = json_writer;
  // The keys and punctuation are under 64 bytes.
  json_writer json{out, 64 + w::room_for(id) + w::room_for(dct) + (error ? w::room_for(*error) : 0)};
  json.raw("{\"document\":"sv);
  json.string(id);
  json.raw(",\"dct\":"sv);
  json.plain_string(dct);
  if (error) {
    json.raw(",\"status\":\"error\",\"error\":"sv);
    json.string(*error);
  }
}

// A TimeML document around plain text, for `--format timeml` on input that was not TimeML.
io::timeml_document wrap_as_timeml(engine::document const& doc, grammar::reference_time const& dct) {
  io::timeml_document t;
  t.id = doc.id;
  t.text = doc.text;
  std::string const day = day_text(dct.day);
  std::string escaped_id;
  for (char c : doc.id) {
    if (c == '&') escaped_id += "&amp;";
    else if (c == '<') escaped_id += "&lt;";
    else escaped_id += c;
  }
  t.before_text = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" + escaped_id + "</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + day +
                  "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + day + "</TIMEX3></DCT>\n<TEXT>";
  t.after_text = "</TEXT>\n</TimeML>\n";
  t.dct_tid = "t0";
  return t;
}

void print_table(std::ostream& out, engine::document const& doc, std::string_view dct,
                 std::vector<grammar::temporal_mention> const& mentions) {
  out << doc.id << "  (DCT " << dct << ", " << mentions.size() << " expression" << (mentions.size() == 1 ? "" : "s") << ")\n";
  if (mentions.empty()) return;
  io::offset_converter const offsets{doc.text};
  for (auto const& m : mentions) {
    std::string span{std::string_view{doc.text}.substr(m.begin, m.end - m.begin)};
    for (char& c : span) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    std::string interval = m.when ? day_text(m.when->earliest) + (m.when->latest == m.when->earliest ? "" : ".." + day_text(m.when->latest)) : "-";
    out << "  " << std::setw(6) << offsets.to_code_points(m.begin) << "  " << std::left << std::setw(30) << ("\"" + span + "\"") << " "
        << std::setw(9) << to_string(m.type) << std::setw(14) << m.value << std::setw(24) << interval << std::setw(12)
        << to_string(m.granularity) << m.rule << (m.mod.empty() ? "" : " mod=" + m.mod) << std::right << "\n";
  }
}

std::string output_name(engine::document const& doc, std::string const& source_path) {
  // X.tml.TE3input -> X.tml; other inputs are named after the document id.
  if (!source_path.empty()) {
    std::string base = fs::path{source_path}.filename().string();
    if (auto const p = base.find(".tml"); p != std::string::npos) return base.substr(0, p) + ".tml";
  }
  std::string name = doc.id;
  for (char& c : name) {
    if (c == '/' || c == '\\' || c == ':') c = '_';
  }
  return name + ".tml";
}

int run_tag(tag_options const& options) {
  io::read_options read;
  for (auto const& d : options.dct) {
    try {
      io::add_dct_option(read, d);
    } catch (io::input_error const& e) {
      throw usage_error{e.what()};  // a flag the user typed, not a document that failed
    }
  }
  if (!options.out.empty() && options.format != "" && options.format != "timeml") {
    throw usage_error{"--out writes TimeML files; use it with --format timeml (or leave --format out)"};
  }
  if (!options.manifest.empty()) io::add_manifest(read, options.manifest);
  read.keep_boilerplate = options.keep_boilerplate;
  read.segment = false;  // tagging reads the text, not its sentences
  // `--dct DATE` overrides even a TimeML creation time (a single date given alone applies to every
  // document without an ID): the tagger's contract.
  std::optional<grammar::reference_time> const forced_dct = read.default_dct;

  if (!options.out.empty()) {
    std::error_code ec;
    fs::create_directories(options.out, ec);
    if (ec) throw io::input_error{options.out, "", "cannot create output folder: " + ec.message()};
  }
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");

  grammar::extract_options extract;
  std::string trace_lines;
  if (options.trace) extract.trace = [](std::string_view line) { std::cerr << "  trace: " << line << "\n"; };

  std::size_t failed = 0;
  std::set<fs::path> written;  // --out files of this run
  std::size_t undated = 0;
  json_line line;  // one document's JSON, reused so that its buffer is allocated once
  auto const on_document = [&](io::source_document&& source) {
    engine::document const& doc = source.document;
    for (auto const& w : source.warnings) std::cerr << "timeline: warning: " << w.what() << "\n";
    for (auto const& e : source.errors) std::cerr << "timeline: " << e.what() << "\n";
    std::optional<grammar::reference_time> dct = (source.timeml && forced_dct) ? forced_dct : doc.dct.reference();
    if (!dct) {
      ++undated;
      std::cerr << "timeline: " << doc.id << ": no publication date found in the document; give one with --dct " << doc.id
                << "=YYYY-MM-DD or --dct YYYY-MM-DD\n";
      if (options.format.empty() || options.format == "json") {
        nlohmann::ordered_json j;
        j["document"] = doc.id;
        j["dct"] = nullptr;
        j["status"] = "error";
        j["error"] = "no publication date";
        j["timexes"] = nlohmann::ordered_json::array();
        std::cout << j.dump() << "\n";
      }
      return;
    }
    // Whatever goes wrong with one document (a file that cannot be written, a bug that throws) is
    // reported under its name, and the run goes on with the next one.
    try {
      auto const mentions = engine::tag(doc, *dct, extract);
      char dct_day[grammar::day_value_room];  // day_text(), without a string
      std::string_view const dct_text{dct_day, static_cast<std::size_t>(grammar::write_day_value(dct_day, dct->day) - dct_day)};
      // --out means one TimeML file per input, whatever the input format.
      std::string_view const format = !options.format.empty()                   ? std::string_view{options.format}
                                      : (source.timeml || !options.out.empty()) ? "timeml"sv
                                                                                : "json"sv;
      if (format == "json") {
        io::offset_converter const offsets{doc.text};
        std::string_view const error = source.errors.empty() ? std::string_view{} : source.errors.front().message();
        line.clear();
        if (io::find_invalid_utf8(doc.id) || io::find_invalid_utf8(error)) {
          // nlohmann::json refuses a string that is not UTF-8 (an id from a file name may not be),
          // and its exception is the message such a document fails with.
          nlohmann::ordered_json head;
          head["document"] = doc.id;
          head["dct"] = dct_text;
          if (!source.errors.empty()) {
            head["status"] = "error";
            head["error"] = error;
          }
          line.append(head.dump());
          line.drop_last();  // the closing brace: the expressions come before it
        } else {
          append_head_json(line, doc.id, dct_text, source.errors.empty() ? std::nullopt : std::optional{error});
        }
        line.append(",\"timexes\":["sv);
        for (std::size_t i = 0; i < mentions.size(); ++i) {
          if (i > 0) line.append(","sv);
          append_timex_json(line, mentions[i], doc.text, offsets);
        }
        line.append("]}\n"sv);
        std::string_view const json = line.written();
        std::cout.write(json.data(), static_cast<std::streamsize>(json.size()));
      } else if (format == "timeml") {
        io::timeml_document const wrapped = source.timeml ? io::timeml_document{} : wrap_as_timeml(doc, *dct);
        io::timeml_document const& t = source.timeml ? *source.timeml : wrapped;
        std::string const xml = io::write_timeml(t, mentions);
        if (options.out.empty()) {
          std::cout << xml;
        } else {
          std::string const path_hint = source.timeml ? doc.source : std::string{};
          fs::path target = fs::path{options.out} / output_name(doc, path_hint);
          if (written.contains(target)) {
            // Two inputs with one base name (a/X.tml, b/X.tml): the second is named after its id
            // ("X#2", made unique by the reader) rather than overwriting the first.
            fs::path const renamed = fs::path{options.out} / output_name(doc, {});
            std::cerr << "timeline: warning: " << doc.source << ": " << target.string()
                      << " was already written for another input; writing " << renamed.string() << "\n";
            target = renamed;
          }
          written.insert(target);
          std::ofstream file{target, std::ios::binary};
          file << xml;
          if (!file) throw io::input_error{target.string(), "", "cannot write"};
        }
      } else {
        print_table(std::cout, doc, dct_text, mentions);
      }
    } catch (std::exception const& e) {
      ++failed;
      std::cerr << "timeline: " << doc.id << ": " << e.what() << "\n";
      return;
    }
    if (!source.errors.empty()) ++failed;
  };
  auto const on_error = [&](io::read_failure const& e) {
    ++failed;
    std::cerr << "timeline: " << e.what() << "\n";
  };
  io::read_documents(files, read, on_document, on_error);
  std::cout.flush();
  if (undated > 0) std::cerr << "timeline: " << undated << " document" << (undated == 1 ? "" : "s") << " not tagged: no publication date\n";
  return failed + undated > 0 ? exit_input_failed : exit_ok;
}

registration const tag_command{
    "tag", "Find and normalize the temporal expressions of documents", [](CLI::App& sub) -> std::function<int()> {
      auto options = std::make_shared<tag_options>();
      sub.add_option("--dct", options->dct,
                     "Publication date: YYYY-MM-DD[THH:MM] for every document (overrides TimeML), or ID=DATE for one; repeatable")
          ->allow_extra_args(false);  // one value per --dct, so `--dct DATE FILE` leaves FILE a file
      sub.add_option("--manifest", options->manifest, "JSON file mapping document ids to publication dates");
      sub.add_option("--format", options->format, "json (default), timeml (default for TimeML input) or text")
          ->check(CLI::IsMember({"json", "timeml", "text"}));
      sub.add_option("--out", options->out, "Write one TimeML file per input into this folder (with --format timeml)");
      sub.add_flag("--keep-boilerplate", options->keep_boilerplate, "Also tag page furniture (related stories, prompts)");
      sub.add_flag("--trace", options->trace, "Print the grammar's decisions on standard error");
      sub.add_option("files", options->files, "Files or folders; - or none reads standard input");
      return [options] { return run_tag(*options); };
    }};

}  // namespace
}  // namespace timeline::cli
