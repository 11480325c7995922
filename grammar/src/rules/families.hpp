// SPDX-License-Identifier: MIT
//
// The rule families. Each is one translation unit that defines its X3 productions and runs them
// itself, so no grammar definition is ever seen by two TUs and nothing needs
// BOOST_SPIRIT_INSTANTIATE to be kept in sync with a context type elsewhere (STYLE 2.3 asks for
// one TU per family for compile time; running the parse inside the family keeps the same firewall
// and lets scan.cpp stay free of Spirit). This header is Spirit-free.
#pragma once

#include <vector>

#include "../ast.hpp"

namespace timeline::grammar::rules {

// One production's match: what it said and where its span ends.
struct candidate {
  ast::expression said;
  char const* end = nullptr;
};

// Each appends every production of its family that matches at `first` (a word start).
void match_calendar(char const* first, char const* last, std::vector<candidate>& out);
void match_relative(char const* first, char const* last, std::vector<candidate>& out);
void match_amount(char const* first, char const* last, std::vector<candidate>& out);
void match_holiday(char const* first, char const* last, std::vector<candidate>& out);

}  // namespace timeline::grammar::rules
