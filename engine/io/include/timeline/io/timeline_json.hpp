// SPDX-License-Identifier: MIT
//
// The JSON form of a timeline: the contract of `timeline build --format json`.
//
//   {"documents": [{"id", "dct": {"value", "earliest", "latest", "source"}}],
//    "events": [{"id", "label", "participants": [...], "when": {"value", "earliest", "latest", "grain"},
//                "support": N, "mentions": [{"document", "sentence", "text", "timex": {"text", "value"}}]}],
//    "contradictions": [{"event", "claims": [{"document", "text", "value"}], "explanation", "resolution"}]}
//
// Dates are ISO: earliest/latest YYYY-MM-DD, value at its grain ("2023-07"); unknown ones are null.
// Fields beyond the contract are additions, never renamings: documents carry "evidence" for
// inferred dates, events "class", "place", "modality" and "links" (every link decision and its
// reason), mentions "trigger", "modality", "relation", "said_at", "relaxed", and claims
// "sentence", "expression", "kind", "relaxed".
//
// Example:
//   nlohmann::ordered_json j = timeline::io::to_json(reconcile(docs));
//   j["events"][0]["when"]  // {"value": "2023-07", "earliest": "2023-07-01", "latest": "2023-07-31", "grain": "month"}
#pragma once

#include <nlohmann/json.hpp>

#include <timeline/engine/timeline.hpp>

namespace timeline::io {

nlohmann::ordered_json to_json(engine::timeline const& tl);

}  // namespace timeline::io
