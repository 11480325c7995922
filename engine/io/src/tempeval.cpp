// SPDX-License-Identifier: MIT
//
// A C++ transcription of /work/shared/tools/te3score.py. Each step names the Python it copies;
// where the script relies on a library behaviour (the UTF-8 decoder, text-mode newlines,
// html.unescape, str.isspace, round), the behaviour is reproduced here on UTF-32 strings, so
// that every offset is a Python str index.
#include <timeline/io/tempeval.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include <timeline/io/input_error.hpp>

namespace timeline::io {
namespace {

constexpr char32_t replacement_character = 0xFFFD;

// ---------------------------------------------------------------------------------------------
// Reading a file: open(encoding="utf-8", errors="replace") in text mode.

// CPython's UTF-8 decoder with errors="replace": each maximal subpart of an ill-formed sequence
// (Unicode 15, section 3.9, "U+FFFD Substitution of Maximal Subparts") becomes one U+FFFD.
std::u32string decode_utf8_replacing(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  auto const at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t i = 0;
  while (i < bytes.size()) {
    unsigned const lead = at(i);
    if (lead < 0x80U) {
      out.push_back(lead);
      ++i;
      continue;
    }
    std::size_t length = 0;              // [2, 4] for a valid lead byte
    unsigned low = 0x80U, high = 0xBFU;  // the range allowed for the second byte
    char32_t cp = 0;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      length = 2, cp = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      length = 3, cp = lead & 0x0FU;
      if (lead == 0xE0U) low = 0xA0U;
      if (lead == 0xEDU) high = 0x9FU;  // no surrogates
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      length = 4, cp = lead & 0x07U;
      if (lead == 0xF0U) low = 0x90U;
      if (lead == 0xF4U) high = 0x8FU;  // nothing above U+10FFFF
    } else {
      out.push_back(replacement_character);
      ++i;
      continue;
    }
    std::size_t k = 1;  // bytes of the sequence accepted so far
    for (; k < length && i + k < bytes.size(); ++k) {
      unsigned const b = at(i + k);
      if (b < (k == 1 ? low : 0x80U) || b > (k == 1 ? high : 0xBFU)) break;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    out.push_back(k == length ? cp : replacement_character);
    i += k;
  }
  return out;
}

// Text mode with newline=None: "\r\n" and a lone "\r" are read as "\n".
std::u32string translate_newlines(std::u32string const& s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == U'\r') {
      out.push_back(U'\n');
      if (i + 1 < s.size() && s[i + 1] == U'\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  auto const put = [&](unsigned v) { out.push_back(static_cast<char>(v)); };
  if (cp < 0x80U) {
    put(cp);
  } else if (cp < 0x800U) {
    put(0xC0U | (cp >> 6U)), put(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000U) {
    put(0xE0U | (cp >> 12U)), put(0x80U | ((cp >> 6U) & 0x3FU)), put(0x80U | (cp & 0x3FU));
  } else {
    put(0xF0U | (cp >> 18U)), put(0x80U | ((cp >> 12U) & 0x3FU)), put(0x80U | ((cp >> 6U) & 0x3FU)),
        put(0x80U | (cp & 0x3FU));
  }
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

// str.isspace(), which is also what `\s` and str.strip() use for str patterns: Unicode White_Space
// minus a few, plus the information separators U+001C..U+001F.
bool is_python_space(char32_t c) noexcept {
  return (c >= 0x09U && c <= 0x0DU) || (c >= 0x1CU && c <= 0x20U) || c == 0x85U || c == 0xA0U ||
         c == 0x1680U || (c >= 0x2000U && c <= 0x200AU) || c == 0x2028U || c == 0x2029U || c == 0x202FU ||
         c == 0x205FU || c == 0x3000U;
}

bool is_ascii_alpha(char32_t c) noexcept { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
bool is_ascii_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
bool is_ascii_hex(char32_t c) noexcept {
  return is_ascii_digit(c) || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F');
}

// ---------------------------------------------------------------------------------------------
// html.unescape()

struct named_reference {
  std::string_view name;  // without the ';'
  char32_t code_point;
  bool legacy;  // also recognized without the ';' ("&amp" is "&"), as HTML5 lists it
};

// POLICY: the named references are HTML 4.01's 252, plus &apos; and the upper-case legacy forms
// (&AMP; &COPY; &GT; &LT; &QUOT; &REG;), with the code points of Python's html.entities.html5
// (which differ from HTML 4 for &lang; and &rang;). html.unescape() also knows ~1900 names that
// only HTML5 defines (&NewLine;, &nbump; ...); those are left as written here. None can occur in
// well-formed TimeML (XML has no such entities without a DTD that declares them), and the TBAQ
// corpus uses only &amp;, so the cost of the full 2231-name table is not worth paying.
// Sorted by name (byte order) for binary search.
constexpr named_reference named_references[] = {
    {"AElig", 0x00C6, true}, {"AMP", 0x0026, true}, {"Aacute", 0x00C1, true}, {"Acirc", 0x00C2, true},
    {"Agrave", 0x00C0, true}, {"Alpha", 0x0391, false}, {"Aring", 0x00C5, true}, {"Atilde", 0x00C3, true},
    {"Auml", 0x00C4, true}, {"Beta", 0x0392, false}, {"COPY", 0x00A9, true}, {"Ccedil", 0x00C7, true},
    {"Chi", 0x03A7, false}, {"Dagger", 0x2021, false}, {"Delta", 0x0394, false}, {"ETH", 0x00D0, true},
    {"Eacute", 0x00C9, true}, {"Ecirc", 0x00CA, true}, {"Egrave", 0x00C8, true}, {"Epsilon", 0x0395, false},
    {"Eta", 0x0397, false}, {"Euml", 0x00CB, true}, {"GT", 0x003E, true}, {"Gamma", 0x0393, false},
    {"Iacute", 0x00CD, true}, {"Icirc", 0x00CE, true}, {"Igrave", 0x00CC, true}, {"Iota", 0x0399, false},
    {"Iuml", 0x00CF, true}, {"Kappa", 0x039A, false}, {"LT", 0x003C, true}, {"Lambda", 0x039B, false},
    {"Mu", 0x039C, false}, {"Ntilde", 0x00D1, true}, {"Nu", 0x039D, false}, {"OElig", 0x0152, false},
    {"Oacute", 0x00D3, true}, {"Ocirc", 0x00D4, true}, {"Ograve", 0x00D2, true}, {"Omega", 0x03A9, false},
    {"Omicron", 0x039F, false}, {"Oslash", 0x00D8, true}, {"Otilde", 0x00D5, true}, {"Ouml", 0x00D6, true},
    {"Phi", 0x03A6, false}, {"Pi", 0x03A0, false}, {"Prime", 0x2033, false}, {"Psi", 0x03A8, false},
    {"QUOT", 0x0022, true}, {"REG", 0x00AE, true}, {"Rho", 0x03A1, false}, {"Scaron", 0x0160, false},
    {"Sigma", 0x03A3, false}, {"THORN", 0x00DE, true}, {"Tau", 0x03A4, false}, {"Theta", 0x0398, false},
    {"Uacute", 0x00DA, true}, {"Ucirc", 0x00DB, true}, {"Ugrave", 0x00D9, true}, {"Upsilon", 0x03A5, false},
    {"Uuml", 0x00DC, true}, {"Xi", 0x039E, false}, {"Yacute", 0x00DD, true}, {"Yuml", 0x0178, false},
    {"Zeta", 0x0396, false}, {"aacute", 0x00E1, true}, {"acirc", 0x00E2, true}, {"acute", 0x00B4, true},
    {"aelig", 0x00E6, true}, {"agrave", 0x00E0, true}, {"alefsym", 0x2135, false}, {"alpha", 0x03B1, false},
    {"amp", 0x0026, true}, {"and", 0x2227, false}, {"ang", 0x2220, false}, {"apos", 0x0027, false},
    {"aring", 0x00E5, true}, {"asymp", 0x2248, false}, {"atilde", 0x00E3, true}, {"auml", 0x00E4, true},
    {"bdquo", 0x201E, false}, {"beta", 0x03B2, false}, {"brvbar", 0x00A6, true}, {"bull", 0x2022, false},
    {"cap", 0x2229, false}, {"ccedil", 0x00E7, true}, {"cedil", 0x00B8, true}, {"cent", 0x00A2, true},
    {"chi", 0x03C7, false}, {"circ", 0x02C6, false}, {"clubs", 0x2663, false}, {"cong", 0x2245, false},
    {"copy", 0x00A9, true}, {"crarr", 0x21B5, false}, {"cup", 0x222A, false}, {"curren", 0x00A4, true},
    {"dArr", 0x21D3, false}, {"dagger", 0x2020, false}, {"darr", 0x2193, false}, {"deg", 0x00B0, true},
    {"delta", 0x03B4, false}, {"diams", 0x2666, false}, {"divide", 0x00F7, true}, {"eacute", 0x00E9, true},
    {"ecirc", 0x00EA, true}, {"egrave", 0x00E8, true}, {"empty", 0x2205, false}, {"emsp", 0x2003, false},
    {"ensp", 0x2002, false}, {"epsilon", 0x03B5, false}, {"equiv", 0x2261, false}, {"eta", 0x03B7, false},
    {"eth", 0x00F0, true}, {"euml", 0x00EB, true}, {"euro", 0x20AC, false}, {"exist", 0x2203, false},
    {"fnof", 0x0192, false}, {"forall", 0x2200, false}, {"frac12", 0x00BD, true}, {"frac14", 0x00BC, true},
    {"frac34", 0x00BE, true}, {"frasl", 0x2044, false}, {"gamma", 0x03B3, false}, {"ge", 0x2265, false},
    {"gt", 0x003E, true}, {"hArr", 0x21D4, false}, {"harr", 0x2194, false}, {"hearts", 0x2665, false},
    {"hellip", 0x2026, false}, {"iacute", 0x00ED, true}, {"icirc", 0x00EE, true}, {"iexcl", 0x00A1, true},
    {"igrave", 0x00EC, true}, {"image", 0x2111, false}, {"infin", 0x221E, false}, {"int", 0x222B, false},
    {"iota", 0x03B9, false}, {"iquest", 0x00BF, true}, {"isin", 0x2208, false}, {"iuml", 0x00EF, true},
    {"kappa", 0x03BA, false}, {"lArr", 0x21D0, false}, {"lambda", 0x03BB, false}, {"lang", 0x27E8, false},
    {"laquo", 0x00AB, true}, {"larr", 0x2190, false}, {"lceil", 0x2308, false}, {"ldquo", 0x201C, false},
    {"le", 0x2264, false}, {"lfloor", 0x230A, false}, {"lowast", 0x2217, false}, {"loz", 0x25CA, false},
    {"lrm", 0x200E, false}, {"lsaquo", 0x2039, false}, {"lsquo", 0x2018, false}, {"lt", 0x003C, true},
    {"macr", 0x00AF, true}, {"mdash", 0x2014, false}, {"micro", 0x00B5, true}, {"middot", 0x00B7, true},
    {"minus", 0x2212, false}, {"mu", 0x03BC, false}, {"nabla", 0x2207, false}, {"nbsp", 0x00A0, true},
    {"ndash", 0x2013, false}, {"ne", 0x2260, false}, {"ni", 0x220B, false}, {"not", 0x00AC, true},
    {"notin", 0x2209, false}, {"nsub", 0x2284, false}, {"ntilde", 0x00F1, true}, {"nu", 0x03BD, false},
    {"oacute", 0x00F3, true}, {"ocirc", 0x00F4, true}, {"oelig", 0x0153, false}, {"ograve", 0x00F2, true},
    {"oline", 0x203E, false}, {"omega", 0x03C9, false}, {"omicron", 0x03BF, false}, {"oplus", 0x2295, false},
    {"or", 0x2228, false}, {"ordf", 0x00AA, true}, {"ordm", 0x00BA, true}, {"oslash", 0x00F8, true},
    {"otilde", 0x00F5, true}, {"otimes", 0x2297, false}, {"ouml", 0x00F6, true}, {"para", 0x00B6, true},
    {"part", 0x2202, false}, {"permil", 0x2030, false}, {"perp", 0x22A5, false}, {"phi", 0x03C6, false},
    {"pi", 0x03C0, false}, {"piv", 0x03D6, false}, {"plusmn", 0x00B1, true}, {"pound", 0x00A3, true},
    {"prime", 0x2032, false}, {"prod", 0x220F, false}, {"prop", 0x221D, false}, {"psi", 0x03C8, false},
    {"quot", 0x0022, true}, {"rArr", 0x21D2, false}, {"radic", 0x221A, false}, {"rang", 0x27E9, false},
    {"raquo", 0x00BB, true}, {"rarr", 0x2192, false}, {"rceil", 0x2309, false}, {"rdquo", 0x201D, false},
    {"real", 0x211C, false}, {"reg", 0x00AE, true}, {"rfloor", 0x230B, false}, {"rho", 0x03C1, false},
    {"rlm", 0x200F, false}, {"rsaquo", 0x203A, false}, {"rsquo", 0x2019, false}, {"sbquo", 0x201A, false},
    {"scaron", 0x0161, false}, {"sdot", 0x22C5, false}, {"sect", 0x00A7, true}, {"shy", 0x00AD, true},
    {"sigma", 0x03C3, false}, {"sigmaf", 0x03C2, false}, {"sim", 0x223C, false}, {"spades", 0x2660, false},
    {"sub", 0x2282, false}, {"sube", 0x2286, false}, {"sum", 0x2211, false}, {"sup", 0x2283, false},
    {"sup1", 0x00B9, true}, {"sup2", 0x00B2, true}, {"sup3", 0x00B3, true}, {"supe", 0x2287, false},
    {"szlig", 0x00DF, true}, {"tau", 0x03C4, false}, {"there4", 0x2234, false}, {"theta", 0x03B8, false},
    {"thetasym", 0x03D1, false}, {"thinsp", 0x2009, false}, {"thorn", 0x00FE, true}, {"tilde", 0x02DC, false},
    {"times", 0x00D7, true}, {"trade", 0x2122, false}, {"uArr", 0x21D1, false}, {"uacute", 0x00FA, true},
    {"uarr", 0x2191, false}, {"ucirc", 0x00FB, true}, {"ugrave", 0x00F9, true}, {"uml", 0x00A8, true},
    {"upsih", 0x03D2, false}, {"upsilon", 0x03C5, false}, {"uuml", 0x00FC, true}, {"weierp", 0x2118, false},
    {"xi", 0x03BE, false}, {"yacute", 0x00FD, true}, {"yen", 0x00A5, true}, {"yuml", 0x00FF, true},
    {"zeta", 0x03B6, false}, {"zwj", 0x200D, false}, {"zwnj", 0x200C, false},
};

std::optional<named_reference> find_named(std::u32string_view name) {
  std::string ascii;
  for (char32_t c : name) {
    if (c >= 0x80U) return std::nullopt;
    ascii.push_back(static_cast<char>(c));
  }
  auto const* const first = std::begin(named_references);
  auto const* const last = std::end(named_references);
  auto const* const it =
      std::lower_bound(first, last, ascii, [](named_reference const& r, std::string const& n) { return r.name < n; });
  if (it == last || it->name != ascii) return std::nullopt;
  return *it;
}

// html._replace_charref for a numeric reference, given the number (saturated above U+10FFFF).
std::u32string numeric_reference(std::uint64_t num) {
  // html._invalid_charrefs: Windows-1252 for 0x80..0x9F, as browsers read them.
  static constexpr std::array<char32_t, 32> windows_1252 = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  if (num == 0) return {replacement_character};
  if (num == 0x0D) return U"\r";
  if (num >= 0x80 && num <= 0x9F) return {windows_1252[num - 0x80]};
  if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) return {replacement_character};
  // html._invalid_codepoints are dropped.
  bool const invalid = (num >= 0x01 && num <= 0x08) || num == 0x0B || (num >= 0x0E && num <= 0x1F) ||
                       (num >= 0x7F && num <= 0x9F) || (num >= 0xFDD0 && num <= 0xFDEF) ||
                       (num & 0xFFFEU) == 0xFFFEU;
  if (invalid) return {};
  return {static_cast<char32_t>(num)};
}

// html.unescape(s): re.sub over
//   &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)
// with html._replace_charref, scanning left to right without overlaps.
std::u32string html_unescape(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != U'&') {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == U'#') {
      bool const hex = j + 1 < s.size() && (s[j + 1] == U'x' || s[j + 1] == U'X');
      std::size_t const digits_begin = hex ? j + 2 : j + 1;
      std::size_t k = digits_begin;
      std::uint64_t num = 0;
      while (k < s.size() && (hex ? is_ascii_hex(s[k]) : is_ascii_digit(s[k]))) {
        char32_t const c = s[k];
        unsigned const digit = is_ascii_digit(c) ? c - U'0' : (c | 0x20U) - U'a' + 10U;
        num = std::min<std::uint64_t>(num * (hex ? 16U : 10U) + digit, 0x110000U);  // saturate: > U+10FFFF
        ++k;
      }
      if (k == digits_begin) {  // "&#" or "&#x" without digits: no alternative matches ('#' is excluded)
        out.push_back(s[i++]);
        continue;
      }
      if (k < s.size() && s[k] == U';') ++k;
      out += numeric_reference(num);
      i = k;
      continue;
    }
    auto const excluded = [](char32_t c) {
      return c == U'\t' || c == U'\n' || c == U'\f' || c == U' ' || c == U'<' || c == U'&' || c == U'#' || c == U';';
    };
    std::size_t k = j;
    while (k < s.size() && k - j < 32 && !excluded(s[k])) ++k;
    if (k == j) {
      out.push_back(s[i++]);
      continue;
    }
    bool const semicolon = k < s.size() && s[k] == U';';
    std::u32string_view const name = s.substr(j, k - j);
    i = semicolon ? k + 1 : k;
    if (auto const r = find_named(name); r && (semicolon || r->legacy)) {
      out.push_back(r->code_point);
      continue;
    }
    // The longest prefix (at least two characters, never the whole match) that is a name
    // recognized without ';' ("&notit;" is "¬it;").
    bool replaced = false;
    std::size_t const whole = name.size() + (semicolon ? 1 : 0);
    for (std::size_t x = whole - 1; x >= 2 && !replaced; --x) {
      if (x > name.size()) continue;  // the prefix would end with ';': never a name
      if (auto const r = find_named(name.substr(0, x)); r && r->legacy) {
        out.push_back(r->code_point);
        out += s.substr(j + x, whole - x);
        replaced = true;
      }
    }
    if (!replaced) {
      out.push_back(U'&');
      out += s.substr(j, whole);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// parse(path)

// ATTR.findall(attrs) folded into a dict: ([A-Za-z_]+)\s*=\s*"([^"]*)", later names win.
std::map<std::u32string, std::u32string> parse_attributes(std::u32string_view attrs) {
  std::map<std::u32string, std::u32string> result;
  auto const is_name_char = [](char32_t c) { return is_ascii_alpha(c) || c == U'_'; };
  std::size_t i = 0;
  while (i < attrs.size()) {
    if (!is_name_char(attrs[i])) {
      ++i;
      continue;
    }
    std::size_t k = i;
    while (k < attrs.size() && is_name_char(attrs[k])) ++k;
    std::size_t p = k;
    while (p < attrs.size() && is_python_space(attrs[p])) ++p;
    bool matched = false;
    if (p < attrs.size() && attrs[p] == U'=') {
      ++p;
      while (p < attrs.size() && is_python_space(attrs[p])) ++p;
      if (p < attrs.size() && attrs[p] == U'"') {
        std::size_t const close = attrs.find(U'"', p + 1);
        if (close != std::u32string_view::npos) {
          result[std::u32string(attrs.substr(i, k - i))] = std::u32string(attrs.substr(p + 1, close - p - 1));
          i = close + 1;
          matched = true;
        }
      }
    }
    // A failed match at i fails at every later start inside the same name, which ends at k too.
    if (!matched) i = k;
  }
  return result;
}

struct tag_match {
  std::size_t begin = 0;  // of '<'
  std::size_t end = 0;    // after '>'
  bool closing = false;
  bool self_closing = false;
  std::u32string_view name;
  std::u32string_view attrs;
};

// TAG = <(/?)([A-Za-z0-9_]+)([^>]*?)(/?)> tried at s[i] == '<'. The name takes the longest run
// (a shorter one only moves characters into the lazy group, which ends at the same '>'), and the
// group ends at the first "/>" or ">" after the name.
std::optional<tag_match> match_tag(std::u32string_view s, std::size_t i) {
  auto const is_name_char = [](char32_t c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == U'_'; };
  tag_match m;
  m.begin = i;
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == U'/') m.closing = true, ++j;
  std::size_t k = j;
  while (k < s.size() && is_name_char(s[k])) ++k;
  if (k == j) return std::nullopt;  // with or without the '/', the name cannot start here
  std::size_t const gt = s.find(U'>', k);
  if (gt == std::u32string_view::npos) return std::nullopt;
  m.name = s.substr(j, k - j);
  m.self_closing = gt > k && s[gt - 1] == U'/';
  m.attrs = s.substr(k, (m.self_closing ? gt - 1 : gt) - k);
  m.end = gt + 1;
  return m;
}

std::string attribute(std::map<std::u32string, std::u32string> const& attrs, std::u32string const& key) {
  auto const it = attrs.find(key);
  return it == attrs.end() ? std::string{} : to_utf8(it->second);
}

// ---------------------------------------------------------------------------------------------
// score(gold_dir, sys_dir)

// fold(s): re.sub(r"\s+", " ", s).strip()
std::u32string fold(std::u32string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    if (is_python_space(s[i])) {
      while (i < s.size() && is_python_space(s[i])) ++i;
      out.push_back(U' ');
    } else {
      out.push_back(s[i++]);
    }
  }
  std::size_t const first = out.find_first_not_of(U' ');
  if (first == std::u32string::npos) return {};
  return out.substr(first, out.find_last_not_of(U' ') - first + 1);
}

// folded_index(t): for every offset of t (and one past the end), the offset in t with white-space
// runs folded to one character. Unlike fold(), it does not strip: te3score maps offsets this way.
std::vector<std::size_t> folded_index(std::u32string_view t) {
  std::vector<std::size_t> idx;
  idx.reserve(t.size() + 1);
  std::size_t out_chars = 0;
  bool prev_space = false;
  for (char32_t ch : t) {
    bool const sp = is_python_space(ch);
    if (sp && prev_space) {
      idx.push_back(out_chars - 1);
      continue;
    }
    idx.push_back(out_chars);
    ++out_chars;
    prev_space = sp;
  }
  idx.push_back(out_chars);
  return idx;
}

void remap(std::vector<tempeval_timex>& timexes, std::vector<std::size_t> const& index) {
  for (auto& x : timexes) x.begin = index.at(x.begin), x.end = index.at(x.end);
}

std::string read_file(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (in) buffer << in.rdbuf();
  if (!in || in.bad()) throw input_error{path.string(), "", "cannot read the file"};
  return std::move(buffer).str();
}

// p.name.split(".tml")[0]
std::string document_key(std::string const& file_name) { return file_name.substr(0, file_name.find(".tml")); }

void require_directory(std::filesystem::path const& dir, char const* role) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw input_error{dir.string(), "", std::string(role) + " folder does not exist or is not a folder"};
  }
}

// round(x, 2): Python rounds the exact binary value correctly (ties to even), as printf does.
double round2(double x) {
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.2f", x);
  return std::strtod(buffer.data(), nullptr);
}

tempeval_side side_of(tempeval_document const& doc, tempeval_timex const& x) {
  std::u32string_view const covered =
      x.begin <= x.end && x.end <= doc.text.size() ? std::u32string_view(doc.text).substr(x.begin, x.end - x.begin)
                                                   : std::u32string_view{};
  return {to_utf8(fold(covered)), x.type, x.value};
}

tempeval_prf figures(std::size_t matches, std::size_t sys, std::size_t gold) {
  double const p = sys != 0 ? static_cast<double>(matches) / static_cast<double>(sys) : 0.0;
  double const r = gold != 0 ? static_cast<double>(matches) / static_cast<double>(gold) : 0.0;
  return {round2(100 * p), round2(100 * r), p + r != 0 ? round2(200 * p * r / (p + r)) : 0.0};
}

}  // namespace

tempeval_document read_tempeval_document(std::string_view bytes, std::string_view name) {
  std::u32string const raw = translate_newlines(decode_utf8_replacing(bytes));
  // re.search(r"<TEXT>(.*)</TEXT>", raw, re.S): the first <TEXT> up to the last </TEXT>.
  std::u32string_view body;
  std::size_t const open = raw.find(U"<TEXT>");
  std::size_t const close = raw.rfind(U"</TEXT>");
  if (open != std::u32string::npos && close != std::u32string::npos && close >= open + 6) {
    body = std::u32string_view(raw).substr(open + 6, close - open - 6);
  }

  tempeval_document doc;
  std::vector<std::pair<std::map<std::u32string, std::u32string>, std::size_t>> stack;
  std::size_t pos = 0;
  for (std::size_t i = body.find(U'<'); i != std::u32string_view::npos; i = body.find(U'<', i)) {
    auto const tag = match_tag(body, i);
    if (!tag) {
      ++i;
      continue;
    }
    doc.text += html_unescape(body.substr(pos, tag->begin - pos));
    pos = i = tag->end;
    std::size_t const offset = doc.text.size();
    if (tag->name != U"TIMEX3") continue;
    if (tag->closing) {
      if (stack.empty()) throw input_error{std::string(name), "", "</TIMEX3> closes no open TIMEX3"};
      auto [attrs, begin] = std::move(stack.back());
      stack.pop_back();
      doc.timexes.push_back({begin, offset, attribute(attrs, U"type"), attribute(attrs, U"value")});
    } else if (!tag->self_closing) {
      stack.emplace_back(parse_attributes(tag->attrs), offset);
    }
  }
  doc.text += html_unescape(body.substr(pos));
  return doc;
}

tempeval_result score_tempeval(std::filesystem::path const& gold_dir, std::filesystem::path const& system_dir) {
  require_directory(gold_dir, "gold");
  require_directory(system_dir, "system");
  namespace fs = std::filesystem;

  // sorted(Path(gold_dir).glob("*.tml"))
  std::vector<fs::path> gold_files;
  for (auto const& entry : fs::directory_iterator(gold_dir)) {
    std::string const file_name = entry.path().filename().string();
    if (entry.is_regular_file() && file_name.size() >= 4 && file_name.ends_with(".tml")) {
      gold_files.push_back(entry.path());
    }
  }
  std::sort(gold_files.begin(), gold_files.end(),
            [](fs::path const& a, fs::path const& b) { return a.filename().string() < b.filename().string(); });

  // {p.name.split(".tml")[0]: p for p in Path(sys_dir).glob("*.tml*")}
  // POLICY: when several system files share a document name ("a.tml" and "a.tml.TE3output"),
  // te3score keeps whichever the directory listing gives last, which is not reproducible. Here
  // the file named exactly NAME.tml wins, and otherwise the first in byte order.
  std::map<std::string, fs::path> system_files;
  for (auto const& entry : fs::directory_iterator(system_dir)) {
    std::string const file_name = entry.path().filename().string();
    if (!entry.is_regular_file() || file_name.find(".tml") == std::string::npos) continue;
    std::string const key = document_key(file_name);
    auto const [it, inserted] = system_files.emplace(key, entry.path());
    if (inserted) continue;
    std::string const kept = it->second.filename().string();
    bool const exact = file_name == key + ".tml";
    if (exact || (kept != key + ".tml" && file_name < kept)) it->second = entry.path();
  }

  tempeval_result result;
  auto& c = result.counts;
  for (auto const& g : gold_files) {
    std::string const gold_name = g.filename().string();
    auto gold = read_tempeval_document(read_file(g), g.string());
    c.gold += gold.timexes.size();
    std::string const key = document_key(gold_name);
    std::size_t const first_disagreement = result.disagreements.size();
    auto const missed_all = [&] {
      for (auto const& y : gold.timexes) {
        result.disagreements.push_back({tempeval_disagreement_kind::missed, key, y.begin, side_of(gold, y), {}});
      }
    };
    auto const s = system_files.find(key);
    if (s == system_files.end()) {
      result.problems.push_back(gold_name + ": no system file");
      missed_all();
      continue;
    }
    auto out = read_tempeval_document(read_file(s->second), s->second.string());
    // The offsets as read, for the disagreements: remap() folds the scored copies.
    std::vector<tempeval_timex> const gold_as_read = gold.timexes;
    std::vector<tempeval_timex> const out_as_read = out.timexes;
    if (gold.text != out.text) {
      if (fold(gold.text) != fold(out.text)) {
        result.problems.push_back(gold_name + ": system text differs from gold text; file not scored");
        missed_all();
        continue;
      }
      remap(gold.timexes, folded_index(gold.text));
      remap(out.timexes, folded_index(out.text));
    }
    c.sys += out.timexes.size();
    std::vector<bool> used(gold.timexes.size(), false);
    for (std::size_t i = 0; i < out.timexes.size(); ++i) {
      auto const& x = out.timexes[i];
      bool const strict = std::any_of(gold.timexes.begin(), gold.timexes.end(),
                                      [&](auto const& y) { return x.begin == y.begin && x.end == y.end; });
      c.strict += strict ? 1 : 0;
      bool matched = false;
      for (std::size_t j = 0; j < gold.timexes.size() && !matched; ++j) {
        auto const& y = gold.timexes[j];
        if (!used[j] && x.begin < y.end && y.begin < x.end) {
          used[j] = matched = true;
          ++c.relaxed;
          c.type += x.type == y.type ? 1 : 0;
          c.value += x.value == y.value ? 1 : 0;
          auto const add = [&](tempeval_disagreement_kind kind) {
            result.disagreements.push_back(
                {kind, key, gold_as_read[j].begin, side_of(gold, gold_as_read[j]), side_of(out, out_as_read[i])});
          };
          if (x.value != y.value) add(tempeval_disagreement_kind::wrong_value);
          if (x.type != y.type) add(tempeval_disagreement_kind::wrong_type);
          if (x.begin != y.begin || x.end != y.end) add(tempeval_disagreement_kind::span);
        }
      }
      if (!matched) {
        result.disagreements.push_back(
            {tempeval_disagreement_kind::spurious, key, out_as_read[i].begin, {}, side_of(out, out_as_read[i])});
      }
    }
    for (std::size_t j = 0; j < gold.timexes.size(); ++j) {
      if (!used[j]) {
        result.disagreements.push_back(
            {tempeval_disagreement_kind::missed, key, gold_as_read[j].begin, side_of(gold, gold_as_read[j]), {}});
      }
    }
    std::stable_sort(result.disagreements.begin() + static_cast<std::ptrdiff_t>(first_disagreement),
                     result.disagreements.end(),
                     [](auto const& a, auto const& b) { return a.offset < b.offset; });
  }
  result.strict = figures(c.strict, c.sys, c.gold);
  result.relaxed = figures(c.relaxed, c.sys, c.gold);
  result.type = figures(c.type, c.sys, c.gold);
  result.value = figures(c.value, c.sys, c.gold);
  return result;
}

void to_json(nlohmann::ordered_json& j, tempeval_result const& result) {
  auto const prf = [](tempeval_prf const& f) {
    return nlohmann::ordered_json{{"P", f.precision}, {"R", f.recall}, {"F1", f.f1}};
  };
  auto const& c = result.counts;
  j = nlohmann::ordered_json{
      {"counts",
       {{"gold", c.gold}, {"sys", c.sys}, {"strict", c.strict}, {"relaxed", c.relaxed}, {"type", c.type}, {"value", c.value}}},
      {"strict", prf(result.strict)},
      {"relaxed", prf(result.relaxed)},
      {"type", prf(result.type)},
      {"value", prf(result.value)},
      {"problems", result.problems}};
}

std::string format_tempeval_report(tempeval_result const& result) {
  std::string out;
  for (auto const& p : result.problems) out += "note: " + p + "\n";
  std::pair<char const*, tempeval_prf const*> const rows[] = {
      {"strict", &result.strict}, {"relaxed", &result.relaxed}, {"type", &result.type}, {"value", &result.value}};
  for (auto const& [label, f] : rows) {
    std::array<char, 128> line{};
    std::snprintf(line.data(), line.size(), "%-8s P %6.2f  R %6.2f  F1 %6.2f\n", label, f->precision, f->recall, f->f1);
    out += line.data();
  }
  out += "gold " + std::to_string(result.counts.gold) + "  system " + std::to_string(result.counts.sys) + "\n";
  return out;
}

std::string_view to_string(tempeval_disagreement_kind kind) noexcept {
  switch (kind) {
    case tempeval_disagreement_kind::wrong_value: return "wrong-value";
    case tempeval_disagreement_kind::wrong_type: return "wrong-type";
    case tempeval_disagreement_kind::span: return "span";
    case tempeval_disagreement_kind::spurious: return "spurious";
    case tempeval_disagreement_kind::missed: return "missed";
  }
  return "?";
}

std::string format_tempeval_disagreements(tempeval_result const& result) {
  std::string out;
  auto const side = [&](std::optional<tempeval_side> const& x) {
    if (!x) {
      out += "\t-\t-\t-";
    } else {
      out += "\t\"" + x->text + "\"\t" + x->type + "\t" + x->value;
    }
  };
  for (auto const& d : result.disagreements) {
    out += to_string(d.kind);
    out += "\t" + d.document + "\t" + std::to_string(d.offset);
    side(d.gold);
    side(d.system);
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json disagreements_json(tempeval_result const& result) {
  auto const side = [](std::optional<tempeval_side> const& x) {
    return x ? nlohmann::ordered_json{{"text", x->text}, {"type", x->type}, {"value", x->value}}
             : nlohmann::ordered_json(nullptr);
  };
  auto j = nlohmann::ordered_json::array();
  for (auto const& d : result.disagreements) {
    j.push_back({{"kind", to_string(d.kind)},
                 {"document", d.document},
                 {"offset", d.offset},
                 {"gold", side(d.gold)},
                 {"system", side(d.system)}});
  }
  return j;
}

}  // namespace timeline::io
