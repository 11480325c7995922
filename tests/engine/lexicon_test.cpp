// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <timeline/engine/lexicon.hpp>

namespace {

using timeline::engine::default_lexicon;
using timeline::engine::lexicon;
using timeline::engine::modality;
using timeline::engine::parse_lexicon;

TEST(Lexicon, EmbeddedLexiconLoadsWithoutErrors) {
  std::vector<std::string> errors;
  auto const lex = parse_lexicon(timeline::engine::default_lexicon_text(), &errors);
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_EQ(lex.trigger_class("visited"), "visit");
}

TEST(Lexicon, TriggerClassesGroupSynonyms) {
  auto const& lex = default_lexicon();
  EXPECT_EQ(lex.trigger_class("trip"), "visit");
  EXPECT_EQ(lex.trigger_class("travelled"), "visit");
  EXPECT_EQ(lex.trigger_class("summit"), "meet");
  EXPECT_EQ(lex.trigger_class("talks"), "meet");
  EXPECT_EQ(lex.trigger_class("summer"), "");
  EXPECT_TRUE(lex.compatible("visit", "meet"));
  EXPECT_FALSE(lex.compatible("call", "meet"));
}

TEST(Lexicon, CuesTitlesAndPlaces) {
  auto const& lex = default_lexicon();
  EXPECT_EQ(lex.modality_cue("expected to"), modality::planned);
  EXPECT_EQ(lex.modality_cue("may"), modality::speculative);
  EXPECT_TRUE(lex.speech_verb("said"));
  EXPECT_TRUE(lex.title("president"));
  ASSERT_NE(lex.place("vladivostok"), nullptr);
  EXPECT_TRUE(lex.within("Vladivostok", "Russia"));
  EXPECT_FALSE(lex.within("Alaska", "Russia"));
  EXPECT_EQ(lex.alias("kim jong-un"), "Kim Jong Un");
}

TEST(Lexicon, MalformedLinesAreReportedAndSkipped) {
  std::vector<std::string> errors;
  auto const lex = parse_lexicon("[trigger visit]\nvisit, trip\n[bogus]\nx\n[compatible]\nvisit\n", &errors);
  EXPECT_EQ(lex.trigger_class("trip"), "visit");
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0], "line 3: unknown section [bogus]");
}


TEST(Lexicon, EventVocabularyBeyondDiplomacy) {
  lexicon const& lex = default_lexicon();
  EXPECT_EQ(lex.trigger_class("reopened"), "reopening");
  EXPECT_EQ(lex.trigger_class("closure"), "closure");
  EXPECT_EQ(lex.trigger_class("walked out"), "strike");
  EXPECT_EQ(lex.trigger_class("made landfall"), "landfall");
  EXPECT_EQ(lex.trigger_class("warned"), "warning");
  EXPECT_EQ(lex.trigger_class("sworn in"), "inauguration");
  // A second round is its own happening: never joined with the first.
  EXPECT_EQ(lex.trigger_class("runoff"), "runoff");
  EXPECT_FALSE(lex.compatible("runoff", "election"));
}

TEST(Lexicon, OrganisationWords) {
  lexicon const& lex = default_lexicon();
  EXPECT_TRUE(lex.organisation_word("council"));
  EXPECT_TRUE(lex.organisation_word("reserve"));
  EXPECT_FALSE(lex.organisation_word("bridge"));
  std::vector<std::string> errors;
  lexicon const small = parse_lexicon("[organisation]\nguild, Syndicate\n", &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(small.organisation_word("syndicate"));
  EXPECT_FALSE(small.organisation_word("council"));
}

}  // namespace
