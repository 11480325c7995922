// SPDX-License-Identifier: MIT
#include <timeline/io/timeml.hpp>

#include <algorithm>
#include <stdexcept>

#include <pugixml.hpp>

#include <timeline/io/input_error.hpp>

namespace timeline::io {
namespace {

// "ABC19980108.1830.0711.tml" and "dir/ABC19980108.1830.0711.tml.TE3input" name the document
// "ABC19980108.1830.0711", as te3score pairs files; "doc.TE3input" names it "doc".
std::string document_id(std::string_view name) {
  std::size_t const slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  std::size_t cut = base.find(".tml");
  if (cut == std::string_view::npos) cut = base.rfind('.');
  if (cut == 0) cut = std::string_view::npos;  // ".hidden" is a name, not an extension
  return std::string(base.substr(0, cut));
}

std::string line_of(std::string_view contents, std::ptrdiff_t offset) {
  auto const end = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(contents.size())));
  return "line " + std::to_string(1 + std::count(contents.begin(), contents.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

pugi::xml_node find_element(pugi::xml_node root, char const* name) {
  return root.find_node([name](pugi::xml_node n) { return n.type() == pugi::node_element && std::string_view(n.name()) == name; });
}

// Appends the character data under `node` to `doc.text`, recording each TIMEX3 with the span
// its characters take. Other elements (EVENT, SIGNAL) contribute their characters only.
void collect_text(pugi::xml_node node, timeml_document& doc) {
  for (pugi::xml_node child : node.children()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        doc.text += child.value();
        break;
      case pugi::node_element:
        if (std::string_view(child.name()) == "TIMEX3") {
          // Pushed before the content so that the list stays in the order of the start tags.
          std::size_t const index = doc.timexes.size();
          doc.timexes.push_back({doc.text.size(), 0, child.attribute("tid").value(), child.attribute("type").value(),
                                 child.attribute("value").value(), child.attribute("mod").value()});
          collect_text(child, doc);
          doc.timexes[index].end = doc.text.size();
        } else {
          collect_text(child, doc);
        }
        break;
      default:
        break;  // comments, processing instructions
    }
  }
}

// The end of the start tag that begins at contents[lt] == '<': the index of its '>', skipping
// quoted attribute values, which may hold '>'.
std::size_t start_tag_end(std::string_view contents, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt; i < contents.size(); ++i) {
    char const c = contents[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

void escape_into(std::string& out, std::string_view s, bool attribute) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default: out += c;
    }
  }
}

}  // namespace

std::optional<grammar::reference_time> parse_timex_day(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  std::string_view const y = value.substr(0, 4), m = value.substr(5, 2), d = value.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  date::year_month_day const ymd{date::year{to_int(y)}, date::month{static_cast<unsigned>(to_int(m))},
                                 date::day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) return std::nullopt;
  grammar::reference_time result{date::sys_days{ymd}, std::nullopt};
  // "THH:MM", optionally followed by seconds or a zone, which a day-grain engine does not use.
  if (value.size() >= 16 && value[10] == 'T' && value[13] == ':') {
    std::string_view const hh = value.substr(11, 2), mm = value.substr(14, 2);
    if (all_digits(hh) && all_digits(mm) && to_int(hh) < 24 && to_int(mm) < 60) {
      result.time_of_day = std::chrono::hours{to_int(hh)} + std::chrono::minutes{to_int(mm)};
    }
  }
  return result;
}

timeml_document parse_timeml(std::string_view contents, std::string_view name) {
  std::string const file(name);
  // POLICY: line ends are kept as written (no parse_eol), so that TEXT's "\r\n" survives
  // write_timeml() byte for byte; te3score reads "\r\n" as "\n" in gold and system alike.
  // Whitespace-only character data is kept (parse_ws_pcdata): the space between two adjacent
  // tags is part of the text.
  unsigned const options = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_eol;
  pugi::xml_document xml;
  pugi::xml_parse_result const parsed = xml.load_buffer(contents.data(), contents.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    throw input_error{file, line_of(contents, parsed.offset), std::string("malformed XML: ") + parsed.description()};
  }
  pugi::xml_node const text = find_element(xml, "TEXT");
  if (!text) throw input_error{file, "", "no <TEXT> element"};

  timeml_document doc;
  doc.id = document_id(name);
  pugi::xml_node const dct = xml.find_node([](pugi::xml_node n) {
    return n.type() == pugi::node_element && std::string_view(n.name()) == "TIMEX3" &&
           std::string_view(n.attribute("functionInDocument").value()) == "CREATION_TIME";
  });
  if (dct) {
    doc.dct_value = dct.attribute("value").value();
    doc.dct_tid = dct.attribute("tid").value();
    doc.dct = parse_timex_day(doc.dct_value);
  }
  collect_text(text, doc);

  // The raw bytes around TEXT's content. offset_debug() points at the element's name.
  auto const name_at = static_cast<std::size_t>(text.offset_debug());
  std::size_t const lt = contents.rfind('<', name_at);
  std::size_t const gt = lt == std::string_view::npos ? lt : start_tag_end(contents, lt);
  if (gt == std::string_view::npos) throw input_error{file, line_of(contents, text.offset_debug()), "cannot locate <TEXT>"};
  if (contents[gt - 1] == '/') {  // <TEXT/>: written back as <TEXT></TEXT>
    doc.before_text = std::string(contents.substr(0, gt - 1)) + ">";
    doc.after_text = "</TEXT>" + std::string(contents.substr(gt + 1));
  } else {
    std::size_t const close = contents.find("</TEXT", gt);
    if (close == std::string_view::npos) throw input_error{file, line_of(contents, text.offset_debug()), "no </TEXT>"};
    doc.before_text = std::string(contents.substr(0, gt + 1));
    doc.after_text = std::string(contents.substr(close));
  }
  return doc;
}

std::string write_timeml(timeml_document const& doc, std::vector<grammar::temporal_mention> const& mentions) {
  std::vector<grammar::temporal_mention const*> ordered;
  ordered.reserve(mentions.size());
  for (auto const& m : mentions) ordered.push_back(&m);
  std::stable_sort(ordered.begin(), ordered.end(), [](auto const* a, auto const* b) { return a->begin < b->begin; });

  std::string out = doc.before_text;
  out.reserve(doc.before_text.size() + doc.text.size() + 80 * mentions.size() + doc.after_text.size());
  std::string_view const text = doc.text;
  std::size_t pos = 0;
  std::size_t next_tid = 1;
  for (auto const* m : ordered) {
    if (m->begin > m->end || m->end > text.size()) {
      throw std::invalid_argument("write_timeml: mention [" + std::to_string(m->begin) + ", " + std::to_string(m->end) +
                                  ") lies outside the text of " + doc.id);
    }
    if (m->begin < pos) {
      throw std::invalid_argument("write_timeml: mention at " + std::to_string(m->begin) + " overlaps the one before in " +
                                  doc.id);
    }
    escape_into(out, text.substr(pos, m->begin - pos), false);
    // Built by appending: g++ 12 at -O3 warns falsely (-Wstringop-overflow) on "t" + std::string.
    auto const make_tid = [&next_tid] {
      std::string id{"t"};
      id += std::to_string(next_tid++);
      return id;
    };
    std::string tid = make_tid();
    if (tid == doc.dct_tid) tid = make_tid();
    out += "<TIMEX3 tid=\"" + tid + "\" type=\"";
    out += grammar::to_string(m->type);
    out += "\" value=\"";
    escape_into(out, m->value, true);
    out += '"';
    for (auto const& [key, v] : {std::pair{"mod", &m->mod}, std::pair{"quant", &m->quant}, std::pair{"freq", &m->freq}}) {
      if (v->empty()) continue;
      out += std::string(" ") + key + "=\"";
      escape_into(out, *v, true);
      out += '"';
    }
    out += '>';
    escape_into(out, text.substr(m->begin, m->end - m->begin), false);
    out += "</TIMEX3>";
    pos = m->end;
  }
  escape_into(out, text.substr(pos), false);
  out += doc.after_text;
  return out;
}

}  // namespace timeline::io
