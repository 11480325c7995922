// SPDX-License-Identifier: MIT
//
// The X3 vocabulary shared by the rule families: the expression being filled (reached through the
// parse context, not a rule attribute), word-bounded keywords, the symbol tables, and the small
// actions that record what was said. Only grammar/src/rules/*.cpp include this file.
//
// Why the expression travels in the context: a family tries each of its productions with a fresh
// expression and keeps the longest match (chrono's "all parsers, then refiners" rather than PEG's
// first match). Semantic actions write into `x3::get<expression_tag>(ctx)`, and `attempt[p]`
// restores the expression when an alternative fails half way, which X3 itself never does.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <array>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <utility>
#include <functional>
#include <string>
#include <vector>

#include "ast.hpp"
#include "rules/families.hpp"

namespace timeline::grammar::rules {

namespace x3 = boost::spirit::x3;

struct expression_tag;

template <typename Context>
ast::expression& expr(Context const& ctx) {
  return x3::get<expression_tag>(ctx).get();
}

// The bytes a parser can start with, white space skipped, for `attempt` and `guard` to turn a
// try away before it starts: the FIRST walk (first_set.hpp) fills it from the parser's FIRST set
// when the dispatch table is built, before any parse, in the very objects the productions parse
// with. Until then, and for a parser that may match nothing or start anywhere, it admits all.
struct first_byte_filter {
  using reads_first_bytes = void;  // the FIRST walk's mark
  // The zero byte at `last` (ascii_space_parser) stands for the end: admitted only while all are.
  mutable std::array<std::uint64_t, 4> admitted{~std::uint64_t{0}, ~std::uint64_t{0}, ~std::uint64_t{0}, ~std::uint64_t{0}};

  template <typename Iterator, typename Context>
  [[gnu::always_inline]] bool admits(Iterator first, Iterator const& last, Context const& context) const {
    x3::skip_over(first, last, context);
    auto const c = static_cast<unsigned char>(*first);
    return ((admitted[c / 64] >> (c % 64)) & 1U) != 0;
  }
};

// attempt[p]: on failure, puts the expression back as it was before p. The copy is a tenth of a
// production's try: a p that cannot start at the next byte fails before it is made.
template <typename Subject>
struct attempt_directive : x3::unary_parser<Subject, attempt_directive<Subject>>, first_byte_filter {
  using base_type = x3::unary_parser<Subject, attempt_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit attempt_directive(Subject const& wrapped) : base_type(wrapped) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute& attr) const {
    if (!admits(first, last, context)) return false;
    ast::expression saved = expr(context);
    Iterator const start = first;
    if (this->subject.parse(first, last, context, rcontext, attr)) return true;
    expr(context) = saved;
    first = start;
    return false;
  }
};

// `name[p]` for a directive template: wraps p, converted to a parser, in Directive.
template <template <typename> class Directive>
struct directive_gen {
  template <typename Subject>
  constexpr Directive<typename x3::extension::as_parser<Subject>::value_type> operator[](Subject const& subject) const {
    return Directive<typename x3::extension::as_parser<Subject>::value_type>{x3::as_parser(subject)};
  }
};
inline constexpr directive_gen<attempt_directive> attempt{};

// guard[p]: p, turned away at a byte it cannot start with (first_byte_filter) without a try. For
// an alternative of many branches led by words, which all fail one by one at a number. Turned
// away, it leaves the iterator where it was, where p may have failed after skipping white space:
// not before `mark`, which records where the iterator stood.
template <typename Subject>
struct guard_directive : x3::unary_parser<Subject, guard_directive<Subject>>, first_byte_filter {
  using base_type = x3::unary_parser<Subject, guard_directive<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr explicit guard_directive(Subject const& wrapped) : base_type(wrapped) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext, Attribute& attr) const {
    return admits(first, last, context) && this->subject.parse(first, last, context, rcontext, attr);
  }
};

inline constexpr directive_gen<guard_directive> guard{};

// The rules read a lower-cased copy of the text (extract.cpp), so keywords and symbol tables,
// all lower case, match any case without X3's no_case, which calls the C library's tolower and
// toupper for every character it compares. `lowered[p]` marks where the input is known to be
// lower case; it parses p unchanged.
struct lowered_gen {
  template <typename Subject>
  constexpr auto operator[](Subject const& subject) const {
    return x3::as_parser(subject);
  }
};
inline constexpr lowered_gen lowered{};

// The skipper: ASCII white space tested inline. X3's `space` asks the C library's isspace for
// every character it skips, a twelfth of the tagger's time in the profile.
struct ascii_space_parser : x3::parser<ascii_space_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& /*last*/, Context const&, RContext&, Attribute&) const {
    // No test for the end: the rules run over the lower-case view, followed by zero bytes
    // (extract.cpp, dispatch::table::padding), and the zero byte at `last` is no space.
    auto const c = static_cast<unsigned char>(*first);
    // Most calls find a letter or a digit, which the first test turns away.
    if (c > ' ' || (c != ' ' && (c < '\t' || c > '\r'))) return false;
    ++first;
    return true;
  }
};
inline constexpr ascii_space_parser ascii_space{};

// A whole word, any case: "may" matches "May" but not "Mayday" or "may-be". It reads as
// `lexeme[lit(word) >> !(alnum | '-' >> alpha)]` (the FIRST walk reads it so: first_set.hpp), in
// one parser: a production tries dozens of keywords that fail at their first letter, and X3's
// composition of a lexeme, a string and a predicate made each of those failures several calls
// (0.55 M of 28 M instructions on 150 TBAQ documents went when this replaced it).
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  char const* word;  // lower case, the grammar's own literal
  std::size_t size;

  constexpr explicit keyword_parser(char const* w) : word(w), size(std::char_traits<char>::length(w)) {}

  // Inlined: most keywords fail at their first letter, which then costs a few instructions
  // instead of a call.
  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  [[gnu::always_inline]] bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    x3::skip_over(first, last, context);
    return read(first, last);
  }

  // The word itself, white space already skipped.
  template <typename Iterator>
  [[gnu::always_inline]] bool read(Iterator& first, Iterator const& last) const {
    // The first letter alone first, as most keywords fail there; no test for the end: the zero
    // byte at `last` (ascii_space_parser) is none of a word's letters.
    if (*first != word[0]) return false;
    Iterator it = std::next(first);
    for (std::size_t k = 1; k < size; ++k, ++it) {
      if (*it != word[k]) return false;
    }
    // The rules read an ASCII view (extract.cpp): these are alnum and alpha there.
    auto const alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (it != last) {
      char const next = *it;
      if (alpha(next) || (next >= '0' && next <= '9')) return false;
      if (next == '-' && std::next(it) != last && alpha(*std::next(it))) return false;
    }
    first = it;
    return true;
  }
};
inline keyword_parser kw(char const* word) { return keyword_parser{word}; }

// Any of some whole words: what `kw("about") | kw("around") | kw("roughly")` builds (the operators
// below), so that the grammar keeps spelling out its words. X3's alternative skipped white space
// and compared a first letter again for each keyword, and most tries fail at every one of them;
// this skips once and turns away a word that starts none of them in one test. It matches what that
// alternative matched, and leaves the iterator where it left it: the first keyword, in the order
// written, that reads here; after the skipped white space when none does. The FIRST walk reads it
// as that alternative (first_set.hpp).
template <std::size_t N>
struct keyword_set : x3::parser<keyword_set<N>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  std::array<keyword_parser, N> keywords;
  std::bitset<256> first_bytes;

  explicit keyword_set(std::array<keyword_parser, N> const& words) : keywords(words) {
    for (keyword_parser const& keyword : keywords) first_bytes.set(static_cast<unsigned char>(keyword.word[0]));
  }

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    x3::skip_over(first, last, context);
    if (!first_bytes[static_cast<unsigned char>(*first)]) return false;  // `last` holds a zero byte
    for (keyword_parser const& keyword : keywords) {
      if (keyword.read(first, last)) return true;
    }
    return false;
  }
};

inline keyword_set<2> operator|(keyword_parser const& left, keyword_parser const& right) {
  return keyword_set<2>{{left, right}};
}
template <std::size_t N>
keyword_set<N + 1> operator|(keyword_set<N> const& left, keyword_parser const& right) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return keyword_set<N + 1>{{left.keywords[I]..., right}};
  }(std::make_index_sequence<N>{});
}

// Word-bounded lookups in a symbol table.
template <typename Symbols>
auto word(Symbols const& table) {
  return x3::lexeme[lowered[table] >> !x3::alnum];
}

// ---- actions -------------------------------------------------------------------------------------

// Stores the parsed attribute into a member.
template <typename Member>
auto store(Member member) {
  return [member](auto& ctx) { expr(ctx).*member = static_cast<std::remove_reference_t<decltype(expr(ctx).*member)>>(x3::_attr(ctx)); };
}
// Stores a constant into a member.
template <typename Member, typename Value>
auto put(Member member, Value value) {
  return [member, value](auto& ctx) { expr(ctx).*member = value; };
}
inline auto rule_name(char const* name) {
  return [name](auto& ctx) { expr(ctx).rule = name; };
}
// Names the production that matched. It is an eps so that no composite parser ever carries an
// action: an action on a sequence makes X3 synthesize the sequence's attribute and hand its parts
// to the inner actions as fusion ranges instead of values.
inline auto named(char const* name) { return x3::eps[rule_name(name)]; }
// Marks where the TIMEX3 span begins: after any leading preposition.
inline auto const mark = x3::eps[([](auto& ctx) { expr(ctx).span_begin = x3::_where(ctx).begin(); })];

// ---- symbol tables (roman.cpp shape: const objects filled by their constructors) -----------------

// The lookup behind the rules' symbol tables: X3's ternary search tree, behind a set of the bytes
// its keys begin with. Most lookups in running text fail at the first byte ("the" in a table of
// months), which the set answers for one test, where the tree walked a chain of nodes. (A table
// of each first byte's keys, compared in turn, was slower still: the number words share their
// first letters by the dozen.) Case-sensitive, as the rules' tables are (they read lower case).
template <typename Char, typename T>
class first_byte_lookup {
 public:
  template <typename Iterator, typename Compare>
  T* find(Iterator& first, Iterator last, Compare compare) const {
    // No test for the end: the zero byte at `last` (ascii_space_parser) begins no key.
    if (!first_bytes_.test(static_cast<unsigned char>(*first))) return nullptr;
    return tree_.find(first, last, compare);
  }
  template <typename Iterator>
  T* add(Iterator first, Iterator last, typename boost::call_traits<T>::param_type value) {
    if (first != last) first_bytes_.set(static_cast<unsigned char>(*first));
    return tree_.add(first, last, value);
  }
  template <typename Iterator>
  void remove(Iterator first, Iterator last) {
    tree_.remove(first, last);  // its first byte stays in the set, which only filters
  }
  void clear() {
    tree_.clear();
    first_bytes_.reset();
  }
  template <typename F>
  void for_each(F f) const {
    tree_.for_each(f);
  }

 private:
  x3::tst<Char, T> tree_;
  std::bitset<256> first_bytes_;
};

template <typename T>
using symbols = x3::symbols_parser<boost::spirit::char_encoding::standard, T, first_byte_lookup<char, T>>;

struct month_names : symbols<unsigned> {
  month_names() {
    static char const* const full[] = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
    static char const* const short_names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (unsigned m = 0; m < 12; ++m) {
      add(full[m], m + 1);
      add(short_names[m], m + 1);
      // The period belongs to abbreviations only: "March." ends a sentence, "Mar." is a month.
      add(std::string(short_names[m]) + ".", m + 1);
    }
    add("sept", 9)("sept.", 9);
  }
};
inline month_names const months;

struct weekday_names : symbols<unsigned> {
  weekday_names() {
    add("monday", 1)("tuesday", 2)("wednesday", 3)("thursday", 4)("friday", 5)("saturday", 6)("sunday", 7);
    for (auto const& [name, day] : {std::pair{"mon", 1U}, {"tue", 2U}, {"tues", 2U}, {"wed", 3U}, {"thu", 4U}, {"thur", 4U},
                                    {"thurs", 4U}, {"fri", 5U}, {"sat", 6U}, {"sun", 7U}}) {
      add(name, day);
      add(std::string(name) + ".", day);
    }
  }
};
inline weekday_names const weekdays;

// Cardinal number words 1-99 ("twenty-four", "twenty four"), written out once here.
struct number_words : symbols<double> {
  number_words() {
    static char const* const ones[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static char const* const teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static char const* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 9; ++i) add(ones[i], i + 1);
    for (int i = 0; i < 10; ++i) add(teens[i], i + 10);
    for (int t = 0; t < 8; ++t) {
      add(tens[t], (t + 2) * 10);
      for (int i = 0; i < 9; ++i) {
        add(std::string(tens[t]) + "-" + ones[i], (t + 2) * 10 + i + 1);
        add(std::string(tens[t]) + " " + ones[i], (t + 2) * 10 + i + 1);
      }
    }
    add("a hundred", 100)("one hundred", 100)("a dozen", 12)("dozen", 12)("a couple of", 2)("a couple", 2)("couple of", 2)
       ("a half", 0.5)("half a", 0.5)("half an", 0.5)("one and a half", 1.5)("two and a half", 2.5);
  }
};
inline number_words const numbers;

// Ordinal words for days, quarters, centuries: "first" .. "thirty-first".
struct ordinal_words : symbols<unsigned> {
  ordinal_words() {
    static char const* const names[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                                        "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    for (unsigned i = 0; i < 20; ++i) add(names[i], i + 1);
    for (unsigned i = 0; i < 9; ++i) {
      add(std::string("twenty-") + names[i], 21 + i);
      add(std::string("twenty ") + names[i], 21 + i);
    }
    add("thirtieth", 30)("thirty-first", 31)("thirty first", 31)("twenty-first", 21);
  }
};
inline ordinal_words const ordinals;

// Calendar units in singular and plural.
struct unit_names : symbols<ast::unit> {
  unit_names() {
    using ast::unit;
    add("second", unit::second)("seconds", unit::second)("sec", unit::second)("secs", unit::second)
       ("minute", unit::minute)("minutes", unit::minute)("min", unit::minute)("mins", unit::minute)
       ("hour", unit::hour)("hours", unit::hour)("hr", unit::hour)("hrs", unit::hour)
       ("day", unit::day)("days", unit::day)("week", unit::week)("weeks", unit::week)
       ("fortnight", unit::fortnight)("fortnights", unit::fortnight)
       ("month", unit::month)("months", unit::month)("quarter", unit::quarter)("quarters", unit::quarter)
       ("year", unit::year)("years", unit::year)("yr", unit::year)("yrs", unit::year)
       ("decade", unit::decade)("decades", unit::decade)("century", unit::century)("centuries", unit::century);
  }
};
inline unit_names const units;

// Units that name a calendar period in "last week", "this month", "next quarter".
struct period_names : symbols<ast::unit> {
  period_names() {
    using ast::unit;
    add("week", unit::week)("weekend", unit::weekend)("month", unit::month)("quarter", unit::quarter)("year", unit::year)
       ("decade", unit::decade)("century", unit::century)("day", unit::day);
  }
};
inline period_names const periods;

struct season_names : symbols<unsigned> {
  season_names() { add("spring", 1)("summer", 2)("fall", 3)("autumn", 3)("winter", 4); }
};
inline season_names const seasons;

struct part_of_day_names : symbols<unsigned> {
  part_of_day_names() {
    add("morning", 1)("afternoon", 2)("evening", 3)("night", 4)("overnight", 4);
    // The middle of a part is still that part in TimeML ("mid-afternoon yesterday" = TAF).
    for (char const* mid : {"mid-", "mid ", "mid"}) {
      add(std::string(mid) + "morning", 1);
      add(std::string(mid) + "afternoon", 2);
    }
  }
};
inline part_of_day_names const parts_of_day;

// ---- shared little parsers ---------------------------------------------------------------------

// Digits with a word boundary after them (no "2025-residents" issue: '-' followed by digits is
// handled by the numeric date rules before this is tried).
inline x3::uint_parser<unsigned, 10, 1, 2> const uint1_2{};
inline x3::uint_parser<unsigned, 10, 4, 4> const uint4{};
inline x3::uint_parser<unsigned, 10, 2, 2> const uint2{};

inline auto const ordinal_suffix = lowered[x3::lit("st") | "nd" | "rd" | "th"];
// A day of month: 1-31, optionally ordinal ("13th"), or an ordinal word.
inline auto const day_number = x3::lexeme[uint1_2 >> -ordinal_suffix >> !x3::alnum];
inline auto const month_word = x3::lexeme[lowered[months] >> !x3::alnum];
inline auto const weekday_word = x3::lexeme[lowered[weekdays] >> !x3::alnum];
inline auto const year_number = x3::lexeme[uint4 >> !(x3::alnum | x3::lit('%'))];

// Counts: "3", "1.5", "three", "twenty-four", "a", "a couple of"; "several"/"a few" are unknown.
inline auto const set_count = [](auto& ctx) { expr(ctx).count = static_cast<double>(x3::_attr(ctx)); };
inline auto const set_fraction = [](auto& ctx) {
  double const digits = static_cast<double>(x3::_attr(ctx));
  double scale = 1;
  while (scale <= digits) scale *= 10;
  expr(ctx).count += digits / scale;
};
inline auto const count_digits = x3::lexeme[x3::uint_[set_count] >> -(x3::lit('.') >> x3::uint_[set_fraction]) >> !x3::alpha];
inline auto const count_unknown =
    (kw("several") | kw("a few") | kw("few") | kw("many") | kw("some") | kw("a number of") | kw("a couple of") >> &kw("dozen"))
        [put(&ast::expression::count_unknown, true)];
inline auto const count_word = x3::lexeme[lowered[numbers] >> !x3::alnum][set_count] |
                               (kw("a") | kw("an") | kw("one"))[put(&ast::expression::count, 1.0)];
inline auto const count = count_digits | count_unknown | count_word;

// Checks run inside actions: reject a match without consuming the rest of the text.
inline auto const set_day = [](auto& ctx) {
  unsigned const d = x3::_attr(ctx);
  if (d < 1 || d > 31) x3::_pass(ctx) = false;
  else expr(ctx).day = d;
};
inline auto const set_year = [](auto& ctx) {
  unsigned const y = x3::_attr(ctx);
  if (y < 1000 || y > 2999) x3::_pass(ctx) = false;
  else expr(ctx).year = static_cast<int>(y);
};

// Runs one production over [first, last), filling `out`, which must be a fresh expression (the
// caller's, zeroed once where it lives); on success returns the end.
template <typename Parser>
bool run(Parser const& production, char const* first, char const* last, ast::expression& out, char const*& end) {
  char const* it = first;
  // The context phrase_parse would build under x3::with, built here: x3::with copies the whole
  // production, symbol tables and their names included, at every try, which was a third of the
  // time a try took. No post-skip: the span ends at the last character of the last word.
  auto expression = std::ref(out);
  auto const skipping = x3::make_context<x3::skipper_tag>(ascii_space);
  auto const context = x3::make_context<expression_tag>(expression, skipping);
  if (production.parse(it, last, context, x3::unused, x3::unused)) {
    if (out.span_begin == nullptr) out.span_begin = first;
    // A failed optional part can leave the iterator after its pre-skip: the span ends at the last
    // non-space character.
    while (it > out.span_begin && std::isspace(static_cast<unsigned char>(it[-1])) != 0) --it;
    end = it;
    return true;
  }
  return false;
}

}  // namespace timeline::grammar::rules
