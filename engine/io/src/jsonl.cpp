// SPDX-License-Identifier: MIT
#include <timeline/io/jsonl.hpp>

#include <charconv>
#include <optional>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <timeline/io/publication_date.hpp>

namespace timeline::io {
namespace {

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, "; the
// line is ours to give, the rest is worth keeping.
std::string clean_json_message(std::string message) {
  if (message.starts_with("[json.exception.")) {
    if (auto const close = message.find("] "); close != std::string::npos) {
      message.erase(0, close + 2);
    }
  }
  if (auto const at = message.find(" at line 1, "); at != std::string::npos) {
    message.replace(at, 12, " at ");
  }
  return message;
}

std::string string_field(nlohmann::json const& record, char const* name, std::string const& file,
                         std::string const& place) {
  auto const it = record.find(name);
  if (it == record.end() || it->is_null()) {
    return {};
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  if (it->is_number()) {
    return it->dump();
  }
  throw input_error{file, place, std::string{"\""} + name + "\" must be a string, not " + it->type_name()};
}

// The fields a record is read for, each already a string ("" when absent or null).
struct record_fields {
  std::string text, id, title, url, source, published;
  char const* published_key = "dct";  // the field the date was read from, for messages
};

// The fast reading: simdjson, for the common record whose fields are all strings (or null), each
// named once. It declines (nullopt) everything else: a syntax error, a number id, a repeated key,
// a line above the parser's capacity. Those take nlohmann's reading below, whose values and
// messages are the contract. On 150 TBAQ records, reading them took 23.4 million instructions
// with nlohmann alone, 1.6 million this way (callgrind), and it was a fifth of `timeline tag`.
std::optional<record_fields> read_fast(std::string_view line, bool padded, std::string& buffer) {
  static_assert(jsonl_line_padding >= simdjson::SIMDJSON_PADDING);
  // Lines above this take the nlohmann path: the parser keeps its buffers for the next line, and
  // they grow with the largest line it has read.
  constexpr std::size_t capacity = std::size_t{4} << 20;
  if (line.size() > capacity) return std::nullopt;
  thread_local simdjson::dom::parser parser{capacity};
  simdjson::dom::object record;
  if (parser.parse(line.data(), line.size(), !padded).get(record) != simdjson::SUCCESS) return std::nullopt;
  record_fields out;
  out.text = std::move(buffer);
  out.text.clear();
  std::string dct;
  unsigned seen = 0;  // one bit per field read: a repeated key goes to nlohmann (its last one wins)
  for (auto const field : record) {
    std::string_view const key = field.key;
    std::string* target = nullptr;
    unsigned bit = 0;
    if (key == "text") target = &out.text, bit = 1;
    else if (key == "id") target = &out.id, bit = 2;
    else if (key == "title") target = &out.title, bit = 4;
    else if (key == "url") target = &out.url, bit = 8;
    else if (key == "source") target = &out.source, bit = 16;
    else if (key == "published") target = &out.published, bit = 32;
    else if (key == "dct") target = &dct, bit = 64;
    if (bit == 0) continue;
    if ((seen & bit) != 0) return std::nullopt;
    seen |= bit;
    if (field.value.is_null() && bit != 1) continue;  // a null text is refused, with its message
    std::string_view value;
    if (field.value.get(value) != simdjson::SUCCESS) return std::nullopt;
    target->assign(value);
  }
  if ((seen & 1) == 0) return std::nullopt;
  if ((seen & 32) != 0) out.published_key = "published";
  else out.published = std::move(dct);
  return out;
}

// The reading whose values and messages are the contract (see read_fast).
record_fields read_with_messages(std::string_view line, std::string const& file_name, std::string const& place) {
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (nlohmann::json::exception const& e) {
    // parse_error, and out_of_range for a number no double holds ("1e99999"): both are the line's
    // fault, and the file goes on.
    throw input_error{file_name, place, "invalid JSON: " + clean_json_message(e.what())};
  }
  if (!record.is_object()) {
    throw input_error{file_name, place, std::string{"expected a JSON object, found "} + record.type_name()};
  }
  record_fields out;
  auto const text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    throw input_error{file_name, place,
                      text == record.end() ? "no \"text\" field" : "\"text\" must be a string"};
  }
  out.text = std::move(text->get_ref<std::string&>());  // the largest field: moved, not copied
  out.id = string_field(record, "id", file_name, place);
  out.title = string_field(record, "title", file_name, place);
  out.url = string_field(record, "url", file_name, place);
  out.source = string_field(record, "source", file_name, place);
  out.published_key = record.contains("published") ? "published" : "dct";
  out.published = string_field(record, out.published_key, file_name, place);
  return out;
}

}  // namespace

jsonl_record parse_jsonl_record(std::string_view line, std::string_view file, std::size_t line_number,
                                date::sys_days today, std::vector<input_error>& errors, bool padded,
                                std::string buffer) {
  jsonl_record out;
  char number[24];
  auto const digits = static_cast<std::size_t>(std::to_chars(number, number + sizeof number, line_number).ptr - number);
  std::string& place = out.fields.place;
  place.append("line ").append(number, digits);
  std::optional<record_fields> fields = read_fast(line, padded, buffer);
  if (!fields) fields = read_with_messages(line, std::string{file}, place);
  record_fields& read = *fields;
  out.text = std::move(read.text);
  out.fields.id = std::move(read.id);
  out.fields.title = std::move(read.title);
  out.fields.url = std::move(read.url);
  // "file:N", then " (source)" when given: made in one allocation, not four (every record has one,
  // and the pieces cost more than reading the record's fields).
  std::string& source = out.fields.source;
  source.reserve(file.size() + 1 + digits + (read.source.empty() ? 0 : read.source.size() + 3));
  source.append(file).append(1, ':').append(number, digits);
  std::size_t const file_line_size = source.size();
  if (!read.source.empty()) source.append(" (").append(read.source).append(1, ')');

  char const* const key = read.published_key;
  std::string& published = read.published;
  if (!published.empty()) {
    // The document's name in a message: the id may still be empty here.
    auto const id = [&] { return out.fields.id.empty() ? source.substr(0, file_line_size) : out.fields.id; };
    if (auto const reading = parse_date(published)) {
      if (std::string problem = date_problem(*reading, today); !problem.empty()) {
        errors.emplace_back(id(), place + ", \"" + key + "\"", problem);
      } else {
        out.fields.dct.day = date::sys_days{reading->ymd};
        out.fields.dct.time_of_day = reading->time_of_day;
        out.fields.dct.source = engine::dct_source::metadata;
        out.fields.dct.text = std::move(published);
        out.fields.dct.confidence = 0.95;
      }
    } else {
      errors.emplace_back(id(), place + ", \"" + key + "\"", "cannot read \"" + published + "\" as a date");
    }
  }
  return out;
}

}  // namespace timeline::io
