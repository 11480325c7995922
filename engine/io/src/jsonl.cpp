// SPDX-License-Identifier: MIT
#include <timeline/io/jsonl.hpp>

#include <nlohmann/json.hpp>

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

}  // namespace

jsonl_record parse_jsonl_record(std::string_view line, std::string_view file, std::size_t line_number,
                                date::sys_days today, std::vector<input_error>& errors) {
  std::string const file_name{file};
  std::string const place = "line " + std::to_string(line_number);
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (nlohmann::json::parse_error const& e) {
    throw input_error{file_name, place, "invalid JSON: " + clean_json_message(e.what())};
  }
  if (!record.is_object()) {
    throw input_error{file_name, place, std::string{"expected a JSON object, found "} + record.type_name()};
  }
  jsonl_record out;
  auto const text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    throw input_error{file_name, place,
                      text == record.end() ? "no \"text\" field" : "\"text\" must be a string"};
  }
  out.text = std::move(text->get_ref<std::string&>());  // the largest field: moved, not copied
  out.fields.id = string_field(record, "id", file_name, place);
  out.fields.title = string_field(record, "title", file_name, place);
  out.fields.url = string_field(record, "url", file_name, place);
  std::string const source = string_field(record, "source", file_name, place);
  out.fields.source = file_name + ":" + std::to_string(line_number) + (source.empty() ? "" : " (" + source + ")");
  out.fields.place = place;

  char const* const key = record.contains("published") ? "published" : "dct";
  std::string const published = string_field(record, key, file_name, place);
  if (!published.empty()) {
    std::string const id = out.fields.id.empty() ? file_name + ":" + std::to_string(line_number) : out.fields.id;
    if (auto const reading = parse_date(published)) {
      if (std::string problem = date_problem(*reading, today); !problem.empty()) {
        errors.emplace_back(id, place + ", \"" + key + "\"", problem);
      } else {
        out.fields.dct.day = date::sys_days{reading->ymd};
        out.fields.dct.time_of_day = reading->time_of_day;
        out.fields.dct.source = engine::dct_source::metadata;
        out.fields.dct.text = published;
        out.fields.dct.confidence = 0.95;
      }
    } else {
      errors.emplace_back(id, place + ", \"" + key + "\"", "cannot read \"" + published + "\" as a date");
    }
  }
  return out;
}

}  // namespace timeline::io
