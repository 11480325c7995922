// SPDX-License-Identifier: MIT
#include <timeline/io/read.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include <timeline/io/html.hpp>
#include <timeline/io/jsonl.hpp>
#include <timeline/io/plain_text.hpp>
#include <timeline/io/publication_date.hpp>
#include <timeline/io/utf8.hpp>

namespace timeline::io {
namespace fs = std::filesystem;
namespace {

enum class format : std::uint8_t { plain, jsonl, html, timeml, unknown };

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return s;
}

format format_of(fs::path const& path) {
  std::string const ext = lowered(path.extension().string());
  if (ext == ".txt" || ext == ".text" || ext == ".md") {
    return format::plain;
  }
  if (ext == ".jsonl" || ext == ".ndjson") {
    return format::jsonl;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
    return format::html;
  }
  if (ext == ".tml" || ext == ".te3input") {
    return format::timeml;
  }
  return format::unknown;
}

// The format of bytes that came without a telling extension.
format sniff(std::string_view bytes) {
  std::string_view const text = strip_bom(bytes);
  std::size_t const first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return format::plain;
  }
  std::string_view const head = text.substr(first, 4096);
  if (head.find("<TimeML") != std::string_view::npos || head.find("<TIMEX3") != std::string_view::npos ||
      head.find("<DOCID>") != std::string_view::npos) {
    return format::timeml;
  }
  if (looks_like_html(head)) {
    return format::html;
  }
  if (head.front() == '{') {
    return format::jsonl;
  }
  return format::plain;
}

struct text_problem {
  std::size_t byte;
  std::string message;
};

// Whether `bytes` are UTF-8 text: not empty, not binary, no NUL, valid UTF-8.
std::optional<text_problem> check_text(std::string_view bytes) {
  if (strip_bom(bytes).find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return text_problem{0, bytes.empty() ? "empty file" : "empty file (only white space)"};
  }
  // POLICY: a NUL or many control characters in the first 4 KiB mean a binary file (an image, a
  // PDF, a zip); a NUL further on is a text file with a NUL in it. Both are refused, with
  // different messages, because the fix differs.
  std::size_t const window = std::min<std::size_t>(bytes.size(), 4096);
  std::size_t controls = 0;
  std::optional<std::size_t> first_control;
  for (std::size_t i = 0; i < window; ++i) {
    auto const c = static_cast<unsigned char>(bytes[i]);
    if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F) {
      ++controls;
      if (!first_control) {
        first_control = i;
      }
    }
  }
  std::size_t const nul = bytes.find('\0');
  if ((nul != std::string_view::npos && nul < window) || controls * 10 > window) {
    return text_problem{first_control.value_or(0), "binary file, not text"};
  }
  if (nul != std::string_view::npos) {
    return text_problem{nul, "NUL byte in text"};
  }
  if (auto const bad = find_invalid_utf8(bytes)) {
    return text_problem{*bad, "invalid UTF-8"};
  }
  return std::nullopt;
}

std::string describe_size(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20U)) {
    return std::to_string(bytes >> 20U) + " MiB";
  }
  return std::to_string(bytes) + " bytes";
}

// Whether `text` starts with a visible ASCII byte, and so is not blank: the search for a byte
// that is not blank calls memchr on its set for each byte it looks at.
bool starts_visible(std::string_view text) {
  return !text.empty() && static_cast<unsigned char>(text.front()) > ' ' && static_cast<unsigned char>(text.front()) < 0x80;
}

// Lines of a stream, read in chunks so a line longer than `max` is skipped without being held. A
// line is given where it lies in the chunk when it lies in one (a copy of each line was an eighth of
// reading it), else joined from the chunks; either way jsonl_line_padding readable bytes follow it,
// for the JSON parser.
class line_reader {
 public:
  line_reader(std::istream& in, std::string_view prefix, std::size_t max)
      : in_(in),
        size_(std::max(prefix.size(), std::size_t{1} << 16U)),
        // Not zeroed: the reads overwrite it (zeroing 64 KiB cost a sixth of reading 150 lines).
        buffer_(std::make_unique_for_overwrite<char[]>(size_ + jsonl_line_padding)),
        filled_(prefix.size()),
        max_(max) {
    std::copy(prefix.begin(), prefix.end(), buffer_.get());
    pad();
  }

  // The next line without its '\n'; false at the end. The view holds until the next call.
  // `too_long` lines come back empty, with their length in `length`. `offset` is the byte offset
  // of the line's start.
  bool next(std::string_view& line, bool& too_long, std::size_t& length, std::size_t& offset) {
    joined_.clear();
    too_long = false;
    length = 0;
    offset = consumed_;
    bool any = false;
    for (;;) {
      if (pos_ == filled_ && !fill()) {
        break;
      }
      any = true;
      std::size_t const newline = std::string_view{buffer_.get(), filled_}.find('\n', pos_);
      std::size_t const end = newline == std::string::npos ? filled_ : newline;
      char const* const start = buffer_.get() + pos_;
      std::size_t const take = end - pos_;
      if (!too_long && length + take > max_) {
        too_long = true;
        std::string{}.swap(joined_);
      }
      length += take;
      consumed_ += take;
      pos_ = end;
      bool const ended = newline != std::string::npos;
      if (ended) {
        ++pos_;
        ++consumed_;
        if (length == take) {  // all of the line is in this chunk
          line = too_long ? std::string_view{} : std::string_view{start, take};
          return true;
        }
      }
      if (!too_long) {
        joined_.append(start, take);
      }
      if (ended) {
        break;
      }
    }
    if (!any) {
      return false;
    }
    std::size_t const size = joined_.size();
    joined_.append(jsonl_line_padding, ' ');
    line = std::string_view{joined_.data(), size};
    return true;
  }

 private:
  bool fill() {
    pos_ = 0;
    filled_ = 0;
    if (!in_) {
      return false;
    }
    in_.read(buffer_.get(), static_cast<std::streamsize>(size_));
    filled_ = static_cast<std::size_t>(in_.gcount());
    pad();
    return filled_ > 0;
  }

  // The bytes after the last one read are read as padding: they are given values.
  void pad() { std::fill_n(buffer_.get() + filled_, jsonl_line_padding, ' '); }

  std::istream& in_;
  std::size_t size_;  // of buffer_, without the padding
  std::unique_ptr<char[]> buffer_;
  std::size_t filled_;  // bytes of buffer_ read
  std::size_t pos_ = 0;
  std::size_t consumed_ = 0;
  std::size_t max_;
  std::string joined_;  // a line read across chunks
};

// The document ids seen so far, kept as 64-bit hashes: the reader renames a repeated id, and
// keeping the ids themselves cost about 110 bytes a document (half a million one-line records
// peaked at 60 MB). Two different ids share a hash with probability about n^2 / 2^65 (3 in 10^8
// for a million documents); such a collision costs a needless "#2" rename with its warning, never
// a lost document.
class seen_ids {
 public:
  // False when `id` was there already.
  bool insert(std::string_view id) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    if (!place(slots_, key(id))) return false;
    ++size_;
    return true;
  }
  bool contains(std::string_view id) const {
    std::uint64_t const k = key(id);
    return slots_[probe(slots_, k)] == k;
  }

 private:
  static std::uint64_t key(std::string_view id) {
    std::uint64_t const h = std::hash<std::string_view>{}(id);
    return h == 0 ? 1 : h;  // 0 marks an empty slot
  }
  // The slot holding k, or the empty one k would take.
  static std::size_t probe(std::vector<std::uint64_t> const& slots, std::uint64_t k) {
    std::size_t i = k & (slots.size() - 1);
    while (slots[i] != 0 && slots[i] != k) i = (i + 1) & (slots.size() - 1);
    return i;
  }
  static bool place(std::vector<std::uint64_t>& slots, std::uint64_t k) {
    std::uint64_t& slot = slots[probe(slots, k)];
    if (slot == k) return false;
    slot = k;
    return true;
  }
  void grow() {
    std::vector<std::uint64_t> bigger(slots_.size() * 2);
    for (std::uint64_t const k : slots_) {
      if (k != 0) place(bigger, k);
    }
    slots_ = std::move(bigger);
  }
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);
  std::size_t size_ = 0;
};

class reader {
 public:
  reader(read_options const& options, std::function<void(source_document&&)> const& on_document,
         std::function<void(read_failure const&)> const& on_error)
      : options_(options),
        today_(options.today.value_or(today_utc())),
        on_document_(on_document),
        on_error_(on_error) {}

  std::size_t failures() const { return failures_; }

  void read_path(std::string const& path) {
    if (path == "-") {
      read_stdin();
      return;
    }
    std::error_code ec;
    fs::file_status const status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      fail(id_from_path(path), path, "", ec && ec != std::errc::no_such_file_or_directory
                                             ? "cannot read: " + ec.message()
                                             : "no such file or directory");
      return;
    }
    if (fs::is_directory(status)) {
      read_directory(path);
      return;
    }
    read_file(path, format_of(path));
  }

 private:
  void fail(std::string id, std::string document, std::string place, std::string message) {
    ++failures_;
    on_error_(read_failure{std::move(id), std::move(document), std::move(place), std::move(message)});
  }

  void read_directory(std::string const& path) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it{path, fs::directory_options::skip_permission_denied, ec};
    for (; !ec && it != fs::recursive_directory_iterator{}; it.increment(ec)) {
      std::string const name = it->path().filename().string();
      if (name.starts_with('.')) {
        if (it->is_directory(ec)) {
          it.disable_recursion_pending();  // .git and the like
        }
        continue;
      }
      if (it->is_regular_file(ec) && format_of(it->path()) != format::unknown) {
        files.push_back(it->path());
      }
    }
    if (ec) {
      fail(id_from_path(path), path, "", "cannot list directory: " + ec.message());
    }
    std::sort(files.begin(), files.end());
    if (files.empty() && !ec) {
      fail(id_from_path(path), path, "", "no supported files (*.txt, *.jsonl, *.html, *.tml, *.TE3input)");
    }
    for (auto const& file : files) {
      read_file(file.string(), format_of(file));
    }
  }

  void read_file(std::string const& path, format fmt) {
    std::string const id = id_from_path(path);
    std::ifstream in{path, std::ios::binary};
    if (!in) {
      std::error_code const ec{errno, std::generic_category()};
      fail(id, path, "", "cannot open: " + ec.message());
      return;
    }
    if (fmt == format::jsonl) {
      read_jsonl(in, path, {});
      return;
    }
    std::error_code ec;
    auto const size = fs::file_size(path, ec);
    if (!ec && size > options_.max_document_bytes) {
      fail(id, path, "", "file is " + describe_size(size) + ", more than the " +
                             describe_size(options_.max_document_bytes) + " a document may have");
      return;
    }
    std::string bytes;
    if (!read_capped(in, bytes)) {
      fail(id, path, "", "more than the " + describe_size(options_.max_document_bytes) + " a document may have");
      return;
    }
    if (in.bad()) {
      fail(id, path, "", "read error");
      return;
    }
    if (fmt == format::unknown) {
      fmt = sniff(bytes);
      if (fmt == format::jsonl) {
        std::istringstream stream{std::move(bytes)};
        read_jsonl(stream, path, {});
        return;
      }
    }
    read_bytes(std::move(bytes), fmt, path, id);
  }

  void read_stdin() {
    std::string const shown = "-";
    std::string head(4096, '\0');
    std::cin.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::cin.gcount()));
    format const fmt = sniff(head);
    if (fmt == format::jsonl) {
      read_jsonl(std::cin, shown, head);
      return;
    }
    std::string bytes = std::move(head);
    std::string rest;
    if (!read_capped(std::cin, rest) || bytes.size() + rest.size() > options_.max_document_bytes) {
      fail("stdin", shown, "", "more than the " + describe_size(options_.max_document_bytes) + " a document may have");
      return;
    }
    bytes += rest;
    read_bytes(std::move(bytes), fmt, shown, "stdin");
  }

  // Reads the rest of `in` into `out`; false when it is over the size limit.
  bool read_capped(std::istream& in, std::string& out) const {
    std::string chunk(std::size_t{1} << 16U, '\0');
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      out.append(chunk, 0, static_cast<std::size_t>(in.gcount()));
      if (out.size() > options_.max_document_bytes) {
        std::string{}.swap(out);
        return false;
      }
    }
    return true;
  }

  void read_bytes(std::string bytes, format fmt, std::string const& path, std::string const& id) {
    if (auto const problem = check_text(bytes)) {
      fail(id, path, problem->message.starts_with("empty") ? "" : "byte " + std::to_string(problem->byte),
           problem->message);
      return;
    }
    source_document out;
    article_fields fields;
    fields.id = id;
    fields.source = path;
    std::string text;
    switch (fmt) {
      case format::timeml: {
        std::shared_ptr<timeml_document> tml;
        try {
          tml = std::make_shared<timeml_document>(parse_timeml(bytes, fs::path{path}.filename().string()));
        } catch (input_error const& e) {
          fail(id, path, e.place(), e.message());
          return;
        }
        if (tml->dct) {
          fields.dct.day = tml->dct->day;
          fields.dct.time_of_day = tml->dct->time_of_day;
          fields.dct.source = engine::dct_source::metadata;
          fields.dct.text = tml->dct_value;
          fields.dct.confidence = 0.95;
          if (std::string problem = date_problem({date::year_month_day{tml->dct->day}, std::nullopt, 0, 0}, today_);
              !problem.empty()) {
            out.errors.emplace_back(id, "DCT", problem);
            fields.dct = {};
          }
        } else if (!tml->dct_value.empty()) {
          out.errors.emplace_back(id, "DCT", "cannot read the creation time \"" + tml->dct_value + "\" as a day");
        }
        text = tml->text;
        out.timeml = std::move(tml);
        break;
      }
      case format::html: {
        if (std::size_t const depth = html_nesting_depth(bytes); depth > max_html_nesting) {
          fail(id, path, "", "HTML nested " + std::to_string(depth) + " elements deep, more than the " +
                                 std::to_string(max_html_nesting) + " a page may have");
          return;
        }
        html_article page = extract_html(bytes);
        if (strip_bom(page.text).find_first_not_of(" \t\r\n") == std::string::npos) {
          fail(id, path, "", "no article text in the HTML page");
          return;
        }
        fields.title = std::move(page.title);
        fields.url = std::move(page.url);
        std::optional<input_error> first_problem;
        for (auto const& candidate : page.dates) {
          auto const reading = parse_date(candidate.value);
          std::string problem = reading ? date_problem(*reading, today_)
                                        : "cannot read \"" + candidate.value + "\" as a date";
          if (problem.empty()) {
            fields.dct.day = date::sys_days{reading->ymd};
            fields.dct.time_of_day = reading->time_of_day;
            fields.dct.source = engine::dct_source::metadata;
            fields.dct.text = candidate.value;
            fields.dct.confidence = candidate.from == "time datetime" ? 0.8 : 0.95;
            break;
          }
          if (!first_problem) {
            first_problem.emplace(id, candidate.from, problem);
          }
        }
        if (fields.dct.source == engine::dct_source::none && first_problem) {
          out.errors.push_back(*first_problem);
        }
        text = std::move(page.text);
        break;
      }
      case format::plain:
      case format::jsonl:
      case format::unknown:
        text = std::move(bytes);
        break;
    }
    std::vector<input_error> errors;
    out.document = make_document(std::move(fields), std::move(text), today_, errors, options_.segment);
    for (auto& e : errors) {
      out.errors.push_back(std::move(e));
    }
    deliver(std::move(out));
  }

  void read_jsonl(std::istream& in, std::string const& path, std::string_view prefix) {
    std::string const stem = id_from_path(path);
    line_reader lines{in, prefix, options_.max_document_bytes};
    std::string_view line;
    bool too_long = false;
    std::size_t length = 0;
    std::size_t offset = 0;
    std::size_t number = 0;
    bool any = false;
    std::string spare_text;
    while (lines.next(line, too_long, length, offset)) {
      ++number;
      // Made only for a line that needs them: most lines have an id and no problem.
      auto const line_id = [&] { return stem + ":" + std::to_string(number); };
      auto const place = [&] { return "line " + std::to_string(number); };
      if (too_long) {
        fail(line_id(), path, place(), "line is " + describe_size(length) + ", more than the " +
                                       describe_size(options_.max_document_bytes) + " a document may have");
        any = true;
        continue;
      }
      std::string_view view = line;
      if (number == 1) {
        view = strip_bom(view);
      }
      if (!view.empty() && view.back() == '\r') {
        view.remove_suffix(1);
      }
      if (!starts_visible(view) && view.find_first_not_of(" \t") == std::string_view::npos) {
        continue;
      }
      any = true;
      if (std::size_t const nul = view.find('\0'); nul != std::string_view::npos) {
        fail(line_id(), path, place() + ", byte " + std::to_string(offset + nul + (line.size() - view.size() > 0 && number == 1 ? 3 : 0)),
             "NUL byte in text");
        continue;
      }
      std::vector<input_error> errors;
      std::optional<jsonl_record> read;
      try {
        read.emplace(parse_jsonl_record(view, path, number, today_, errors, true, std::move(spare_text)));
      } catch (input_error const& e) {
        // Both JSON readers refuse a line that is not UTF-8, so the line is checked only when
        // refused: checked before every reading, it was checked twice, and the check was a
        // quarter of the cost of reading a line outside simdjson.
        if (auto const bad = find_invalid_utf8(view)) {
          std::size_t const bom = number == 1 && line.size() >= 3 && line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
          fail(line_id(), path, place() + ", byte " + std::to_string(offset + bom + *bad), "invalid UTF-8");
        } else {
          fail(line_id(), path, e.place(), e.message());
        }
        continue;
      }
      jsonl_record& record = *read;
      if (!starts_visible(record.text) && record.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        fail(record.fields.id.empty() ? line_id() : record.fields.id, path, place(), "empty \"text\"");
        continue;
      }
      if (record.fields.id.empty()) {
        record.fields.id = line_id();
      }
      std::vector<input_error> document_errors;  // the record's, then the text's
      for (auto const& e : errors) {
        document_errors.emplace_back(record.fields.id, e.place(), e.message());
      }
      // The document is made in its place: made and then moved there, its dozen members were
      // moved for every record.
      source_document out{
          make_document(std::move(record.fields), std::move(record.text), today_, document_errors, options_.segment),
          nullptr, std::move(document_errors), {}};
      deliver(std::move(out));
      // The next record's text goes where this one's was, when the callback left it: a text is
      // most of a line, and allocating and freeing it for each record cost more than copying it.
      spare_text = std::move(out.document.text);
    }
    if (in.bad()) {
      fail(stem, path, "line " + std::to_string(number + 1), "read error");
    } else if (!any) {
      fail(stem, path, "", "empty file: no JSON lines");
    }
  }

  void deliver(source_document&& out) {
    engine::document& doc = out.document;
    std::optional<std::string> original;  // the id the document came with, when it is renamed
    if (!ids_.insert(doc.id)) {
      original = doc.id;
      std::size_t n = 2;
      while (ids_.contains(*original + "#" + std::to_string(n))) {
        ++n;
      }
      doc.id = *original + "#" + std::to_string(n);
      ids_.insert(doc.id);
      out.warnings.emplace_back(doc.id, doc.source, "duplicate id \"" + *original + "\": renamed to \"" + doc.id + "\"");
    }
    auto given = options_.dct_by_id.find(doc.id);
    if (given == options_.dct_by_id.end() && original) {
      given = options_.dct_by_id.find(*original);
    }
    if (given != options_.dct_by_id.end()) {
      doc.dct = {given->second, std::nullopt, engine::dct_source::option, format_day(given->second), 1.0};
    } else if (doc.dct.source == engine::dct_source::none && options_.default_dct) {
      doc.dct = {options_.default_dct->day, options_.default_dct->time_of_day, engine::dct_source::option,
                 format_day(options_.default_dct->day), 1.0};
    }
    doc.keep_boilerplate = options_.keep_boilerplate;
    if (!out.errors.empty()) {
      ++failures_;
    }
    on_document_(std::move(out));
  }

  read_options const& options_;
  date::sys_days today_;
  std::function<void(source_document&&)> const& on_document_;
  std::function<void(read_failure const&)> const& on_error_;
  seen_ids ids_;
  std::size_t failures_ = 0;
};

}  // namespace

std::size_t read_documents(std::vector<std::string> const& paths, read_options const& options,
                           std::function<void(source_document&&)> const& on_document,
                           std::function<void(read_failure const&)> const& on_error) {
  reader r{options, on_document, on_error};
  for (auto const& path : paths) {
    r.read_path(path);
  }
  return r.failures();
}

void add_dct_option(read_options& options, std::string_view value) {
  std::size_t const eq = value.find('=');
  std::string_view const date_text = eq == std::string_view::npos ? value : value.substr(eq + 1);
  auto const reading = parse_date(date_text);
  if (!reading) {
    throw input_error{"--dct", "", "cannot read \"" + std::string{date_text} + "\" as a date"};
  }
  if (!reading->ymd.ok()) {
    throw input_error{"--dct", "", "\"" + std::string{date_text} + "\" is not a real date"};
  }
  date::sys_days const day{reading->ymd};
  if (eq == std::string_view::npos) {
    options.default_dct = grammar::reference_time{day, reading->time_of_day};
  } else {
    if (eq == 0) {
      throw input_error{"--dct", "", "missing document id before '=' in \"" + std::string{value} + "\""};
    }
    options.dct_by_id[std::string{value.substr(0, eq)}] = day;
  }
}

void add_manifest(read_options& options, std::string const& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    throw input_error{path, "", "cannot open manifest"};
  }
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(in);
  } catch (nlohmann::json::parse_error const& e) {
    throw input_error{path, "byte " + std::to_string(e.byte), "invalid JSON in manifest"};
  } catch (nlohmann::json::exception const& e) {  // out_of_range: a number no double holds
    std::string message = e.what();
    if (auto const close = message.find("] "); message.starts_with("[json.exception.") && close != std::string::npos) message.erase(0, close + 2);
    throw input_error{path, "", "invalid JSON in manifest: " + message};
  }
  if (!manifest.is_object()) {
    throw input_error{path, "", "a manifest is a JSON object mapping document ids to dates"};
  }
  for (auto const& [id, value] : manifest.items()) {
    if (!value.is_string()) {
      throw input_error{path, "\"" + id + "\"", "the date must be a string"};
    }
    auto const reading = parse_date(value.get<std::string>());
    if (!reading || !reading->ymd.ok()) {
      throw input_error{path, "\"" + id + "\"", "cannot read \"" + value.get<std::string>() + "\" as a date"};
    }
    options.dct_by_id[id] = date::sys_days{reading->ymd};
  }
}

std::string id_from_path(std::string_view path) {
  if (path == "-") {
    return "stdin";
  }
  fs::path const p{path};
  std::string name = p.filename().string();
  if (name.empty()) {
    name = p.parent_path().filename().string();  // "dir/" names the directory
  }
  std::size_t const dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) {
    name.erase(dot);
  }
  return name;
}

}  // namespace timeline::io
