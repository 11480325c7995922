// SPDX-License-Identifier: MIT
#include <string>

#include <gtest/gtest.h>

#include <timeline/io/utf8.hpp>

namespace {

namespace io = timeline::io;

TEST(FindInvalidUtf8, AcceptsWellFormedText) {
  EXPECT_FALSE(io::find_invalid_utf8("").has_value());
  EXPECT_FALSE(io::find_invalid_utf8("Zo\xC3\xAB \xE2\x80\x94 \xF0\x9F\x98\x80").has_value());
}

TEST(FindInvalidUtf8, GivesTheByteOffsetOfTheFirstBadByte) {
  EXPECT_EQ(io::find_invalid_utf8("caf\xE9 au lait"), 3U);           // Latin-1
  EXPECT_EQ(io::find_invalid_utf8("ab\xC0\xAF"), 2U);                // overlong '/'
  EXPECT_EQ(io::find_invalid_utf8("ab\xED\xA0\x80"), 2U);            // surrogate
  EXPECT_EQ(io::find_invalid_utf8("ab\xF4\x90\x80\x80"), 2U);        // above U+10FFFF
  EXPECT_EQ(io::find_invalid_utf8("ok \xE2\x80"), 3U);               // truncated at the end
  EXPECT_EQ(io::find_invalid_utf8("\x80"), 0U);                      // stray continuation byte
}

TEST(OffsetConverter, CountsCodePoints) {
  std::string const text = "Zo\xC3\xAB met Kim \xE2\x80\x94 twice";
  io::offset_converter const conv{text};
  EXPECT_EQ(conv.to_code_points(0), 0U);
  EXPECT_EQ(conv.to_code_points(4), 3U);   // after "Zoë"
  EXPECT_EQ(conv.to_code_points(text.size()), io::count_code_points(text));
  EXPECT_EQ(conv.to_code_points(3), 2U);   // inside "ë": the code point that contains it
}

TEST(OffsetConverter, AgreesWithCountingAcrossCheckpoints) {
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += i % 3 == 0 ? "\xE2\x80\x9C" : "a";
  }
  io::offset_converter const conv{text};
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    if (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0U) == 0x80U) {
      continue;
    }
    ASSERT_EQ(conv.to_code_points(byte), io::count_code_points(std::string_view{text}.substr(0, byte))) << byte;
  }
}

TEST(StripBom, RemovesOnlyALeadingMark) {
  std::size_t removed = 9;
  EXPECT_EQ(io::strip_bom("\xEF\xBB\xBFText", &removed), "Text");
  EXPECT_EQ(removed, 3U);
  EXPECT_EQ(io::strip_bom("Text\xEF\xBB\xBF", &removed), "Text\xEF\xBB\xBF");
  EXPECT_EQ(removed, 0U);
}

}  // namespace
