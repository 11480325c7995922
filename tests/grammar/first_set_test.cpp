// SPDX-License-Identifier: MIT
//
// The FIRST-set walk (grammar/src/rules/first_set.hpp) on small parsers of the shapes the grammar's
// numbers take. The scanner's property test (scanner_gate_test.cpp) holds the gate to giving what
// trying every production gives, which a walk that answers "anything" always passes; these hold the
// walk to its precision where numbers and look-aheads are concerned: a run of digits that two
// parsers read glued is one token to the scanner, with exact tokens after it; a number read alone
// is tried only at runs of the lengths its parsers read; a match that `&p` ends is followed by p.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "rules/first_set.hpp"

namespace timeline::grammar::rules {
namespace {

namespace x3 = boost::spirit::x3;

auto const uint4 = x3::uint_parser<unsigned, 10, 4, 4>{};
auto const uint3 = x3::uint_parser<unsigned, 10, 3, 3>{};
auto const uint2 = x3::uint_parser<unsigned, 10, 2, 2>{};
auto const uint1_2 = x3::uint_parser<unsigned, 10, 1, 2>{};

// "1990s": three digits and a literal zero read as one run, then an "s" glued to it.
auto const decade_shape = x3::lexeme[uint3 >> x3::lit('0') >> x3::lit('s') >> !x3::alnum];
// "20250813": three number parsers glued into one run of eight digits.
auto const compact_date_shape = x3::lexeme[uint4 >> uint2 >> uint2 >> !x3::alnum];
// "1990", and not "19901" or "1990s": the run must end after four digits.
auto const year_shape = x3::lexeme[uint4 >> !(x3::alnum | x3::lit('%'))];
// "2025-08": the hyphen is a token of its own.
auto const year_month_shape = x3::lexeme[uint4 >> x3::lit('-') >> uint2];
// One or two digits with nothing after them that ends the run: "19" of "1990" is a match too.
auto const open_number_shape = uint1_2;
// "[three days] later": the match is two tokens, and the word after it must be "later".
auto const looks_ahead_shape = x3::lit("three") >> x3::lit("days") >> &x3::lit("later");

std::uint16_t lengths(std::initializer_list<unsigned> digits) {
  std::uint16_t bits = 0;
  for (unsigned const d : digits) bits = static_cast<std::uint16_t>(bits | (1U << d));
  return bits;
}

bool holds_word(second_set const& set, std::string const& word) {
  return std::find(set.words.begin(), set.words.end(), word) != set.words.end();
}

TEST(FirstSet, GluedDigitsAreOneTokenWithExactTokensAfterIt) {
  production const decade = analysed<decade_shape>();
  EXPECT_TRUE(decade.starts.digit);
  EXPECT_FALSE(decade.seconds.any);
  EXPECT_TRUE(holds_word(decade.seconds, "s")) << "\"1990\" + \"s\": the word after the run is its second token";
  EXPECT_FALSE(decade.alone.digit) << "a decade is never the run of digits alone";
}

TEST(FirstSet, TokensAfterARunOfSeparateParsersStayExact) {
  production const year_month = analysed<year_month_shape>();
  EXPECT_FALSE(year_month.seconds.any);
  EXPECT_TRUE(year_month.seconds.characters['-']);
  EXPECT_FALSE(year_month.seconds.characters['/']);
  EXPECT_TRUE(year_month.seconds.words.empty());
}

TEST(FirstSet, ANumberAloneIsTriedOnlyAtItsRunLengths) {
  production const compact = analysed<compact_date_shape>();
  ASSERT_TRUE(compact.alone.digit);
  EXPECT_EQ(compact.alone.digit_lengths, lengths({8})) << "4 + 2 + 2 digits glued, and the run ends there";

  production const year = analysed<year_shape>();
  ASSERT_TRUE(year.alone.digit);
  EXPECT_EQ(year.alone.digit_lengths, lengths({4}));
}

TEST(FirstSet, ANumberThatMayEndInsideItsRunIsTriedAtLongerRuns) {
  production const open = analysed<open_number_shape>();
  ASSERT_TRUE(open.alone.digit);
  for (unsigned digits = 1; digits < 16; ++digits) {
    EXPECT_NE(open.alone.digit_lengths & (1U << digits), 0U) << digits << " digits";
  }
}

TEST(FirstSet, AMatchFollowedByALookAheadIsNotFollowedByAnything) {
  production const later = analysed<looks_ahead_shape>();
  EXPECT_TRUE(holds_word(later.thirds, "later")) << "the look ahead is the third token";
  EXPECT_FALSE(later.pair_seconds.any);
  EXPECT_FALSE(holds_word(later.pair_seconds, "days")) << "\"three days\" is no match followed by anything";
}

}  // namespace
}  // namespace timeline::grammar::rules
