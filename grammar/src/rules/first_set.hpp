// SPDX-License-Identifier: MIT
//
// The FIRST set of an X3 production, read off its type: which words, numbers or apostrophes it
// can start with. `first_set(kw("last") >> period)` is {"last"}; `first_set(-the >> count >>
// unit_word)` is {"the", "several", "a", "one", ..., a number}. The scanner uses it to try at a
// word only the productions that can start there, instead of keeping a hand-written list of first
// words next to the grammar (which drifted: "for" and "over" were on it and start nothing).
//
// The usual FIRST computation over sequence, alternative and optional, with X3's leaves read as:
// a keyword or symbol table gives the first word of each of its strings; a number parser, a digit
// class or a digit literal gives `digit`; a predicate (!p, &p) or eps reads nothing. Whatever this
// file does not know (a character class of letters, a literal comma) makes the set `any`, which
// costs speed and never a match. An unknown parser type does not compile.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <string>
#include <type_traits>

#include "../common.hpp"
#include "families.hpp"

namespace timeline::grammar::rules {
namespace first_detail {

struct result {
  start_set set;
  bool nullable = false;  // can match without reading anything
};

inline void add_string(start_set& set, std::string_view s) {
  if (s.empty()) return;
  auto const c = static_cast<unsigned char>(s.front());
  if (c >= '0' && c <= '9') set.digit = true;
  else if (c == '\'') set.apostrophe = true;
  // The rules read the ASCII view of the text (extract.cpp): a string that starts with a byte
  // above 127 ("’") never matches there.
  else if (c >= 0x80) return;
  else if (auto const w = first_word(s); !w.empty()) set.words.emplace_back(w);
  else set.any = true;
}

inline void merge(start_set& into, start_set const& from) {
  into.any = into.any || from.any;
  into.digit = into.digit || from.digit;
  into.apostrophe = into.apostrophe || from.apostrophe;
  into.words.insert(into.words.end(), from.words.begin(), from.words.end());
}

template <typename T>
inline constexpr bool always_false = false;

template <typename T>
struct is_uint_parser : std::false_type {};
template <typename T, unsigned Radix, unsigned MinDigits, int MaxDigits>
struct is_uint_parser<x3::uint_parser<T, Radix, MinDigits, MaxDigits>> : std::true_type {};

template <typename T>
struct is_predicate : std::false_type {};
template <typename S>
struct is_predicate<x3::not_predicate<S>> : std::true_type {};
template <typename S>
struct is_predicate<x3::and_predicate<S>> : std::true_type {};

template <typename T>
struct is_optional : std::false_type {};
template <typename S>
struct is_optional<x3::optional<S>> : std::true_type {};

// Declared first, so that each can call the others whatever the nesting.
template <typename L, typename R>
result first(x3::sequence<L, R> const& p);
template <typename L, typename R>
result first(x3::alternative<L, R> const& p);
template <typename P>
result first(P const& p);

template <typename L, typename R>
result first(x3::sequence<L, R> const& p) {
  result r = first(p.left);
  if (!r.nullable) return r;
  result const right = first(p.right);
  merge(r.set, right.set);
  r.nullable = right.nullable;
  return r;
}

template <typename L, typename R>
result first(x3::alternative<L, R> const& p) {
  result r = first(p.left);
  result const right = first(p.right);
  merge(r.set, right.set);
  r.nullable = r.nullable || right.nullable;
  return r;
}

template <typename P>
result first(P const& p) {
  if constexpr (std::is_same_v<P, x3::eps_parser> || is_predicate<P>::value) {
    return {{}, true};  // reads nothing
  } else if constexpr (is_optional<P>::value) {
    result r = first(p.subject);
    r.nullable = true;
    return r;
  } else if constexpr (requires { typename P::subject_type; }) {
    return first(p.subject);  // action, lexeme, attempt: start where the subject does
  } else if constexpr (requires { p.str; }) {  // literal_string
    result r;
    add_string(r.set, std::string_view{p.str});
    return r;
  } else if constexpr (requires { p.ch; }) {  // literal_char
    result r;
    char const c = static_cast<char>(p.ch);
    if (c >= 'a' && c <= 'z') r.set.words.emplace_back(1, c);  // "q" of "q3": the word is the letter
    else add_string(r.set, std::string_view{&c, 1});
    return r;
  } else if constexpr (requires { p.lookup; }) {  // symbols
    result r;
    p.for_each([&r](auto const& key, auto const&) { add_string(r.set, std::string_view{key}); });
    return r;
  } else if constexpr (requires { p.chset; }) {  // char_set
    result r;
    r.set.digit = true;
    for (int c = 0; c < 128; ++c) {
      if (p.chset.test(static_cast<char>(c)) && !(c >= '0' && c <= '9')) r.set.any = true;
    }
    return r;
  } else if constexpr (is_uint_parser<P>::value || std::is_same_v<P, x3::char_class<boost::spirit::char_encoding::standard, x3::digit_tag>>) {
    result r;
    r.set.digit = true;
    return r;
  } else if constexpr (std::is_same_v<P, ascii_space_parser> || std::is_base_of_v<x3::char_parser<P>, P>) {
    result r;  // any other character class
    r.set.any = true;
    return r;
  } else {
    static_assert(always_false<P>, "first_set.hpp does not know this X3 parser: add it");
  }
}

}  // namespace first_detail

template <typename Production>
start_set first_set(Production const& p) {
  return first_detail::first(p).set;
}

// The table of a family: its productions in tie-breaking order, each with its FIRST set and a
// function that runs it alone.
template <auto const& Production>
void try_production(char const* first, char const* last, std::vector<candidate>& out) {
  ast::expression said;
  char const* end = nullptr;
  if (run(Production, first, last, said, end)) out.push_back({said, end});
}

template <auto const&... Productions>
std::vector<production> production_table() {
  return {production{first_set(Productions), &try_production<Productions>}...};
}

}  // namespace timeline::grammar::rules
