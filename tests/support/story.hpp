// SPDX-License-Identifier: MIT
//
// Stories are the end-to-end specification of `timeline build`: a folder of articles about one
// news story and an expected.json saying what reconciling them must give (the format is described
// in fixtures/stories/README.md). This file finds the stories and compares the engine's result, as
// the `timeline build` JSON, with a story's expectations on what matters (events and their dates,
// links across articles, contradictions, inferred publication windows, values that must not
// appear), never on ids, label wording or order.
//
// The comparison returns one plain message per failed expectation, each naming the expectation
// and what the engine produced instead, so a failing story reads as a list of specific findings.
//
// Example:
//   auto stories = discover_stories(TIMELINE_FIXTURES_DIR "/stories");
//   // stories[0]: {name "baltic-summit-ordering", dir ".../stories/baltic-summit-ordering"}
//   nlohmann::json expected = load_json(stories[0].dir / "expected.json");
//   std::vector<std::string> failures = compare_story(expected, engine_json);
//   // ["event 1 'draft agreed (ahead of the summit)': no engine event matches ...", ...]
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace timeline::testing {

struct story {
  std::string name;            // the folder name: "bridge-reopening"
  std::filesystem::path dir;   // the folder; articles/ and expected.json are inside
};

// Every subfolder of `root` holding an expected.json, sorted by name. A missing root gives none.
std::vector<story> discover_stories(std::filesystem::path const& root);

// A GoogleTest parameter name: "bridge-reopening" -> "BridgeReopening".
std::string story_test_name(std::string_view folder);

// "bridge-reopening (fixtures/stories/bridge-reopening)", so gtest does not print raw bytes.
void PrintTo(story const& s, std::ostream* os);

// Parses a JSON file. Throws std::runtime_error naming the file when it is missing or malformed.
nlohmann::json load_json(std::filesystem::path const& path);

// Problems with an expected.json on its own: unknown keys, days that are not valid ISO days,
// earliest after latest, indices out of range. Empty when it is well formed.
std::vector<std::string> validate_expectations(nlohmann::json const& expected);

// Compares an engine result in the `timeline build` JSON contract with a story's expectations.
// One message per failed expectation; empty when every expectation holds.
std::vector<std::string> compare_story(nlohmann::json const& expected, nlohmann::json const& actual);

// The engine result in a few lines per document, event and contradiction, for failure messages.
std::string summarize_result(nlohmann::json const& actual);

}  // namespace timeline::testing
