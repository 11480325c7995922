// SPDX-License-Identifier: MIT
#include <timeline/io/timeline_json.hpp>

#include <timeline/io/publication_date.hpp>

namespace timeline::io {

namespace {

using json = nlohmann::ordered_json;

json day_or_null(std::optional<date::sys_days> const& d) { return d ? json(format_day(*d)) : json(nullptr); }

json interval_or_null(std::optional<grammar::day_interval> const& i) {
  if (!i) return nullptr;
  return json{{"earliest", format_day(i->earliest)}, {"latest", format_day(i->latest)}};
}

}  // namespace

nlohmann::ordered_json to_json(engine::timeline const& tl) {
  json out;
  json& documents = out["documents"] = json::array();
  for (auto const& d : tl.documents) {
    json j;
    j["id"] = d.id;
    j["dct"] = {{"value", day_or_null(d.value)},
                {"earliest", day_or_null(d.earliest)},
                {"latest", day_or_null(d.latest)},
                {"source", d.source}};
    if (d.origin != engine::dct_origin::given) {
      j["dct"]["origin"] = std::string{to_string(d.origin)};
      j["evidence"] = d.evidence;
    }
    documents.push_back(std::move(j));
  }
  json& events = out["events"] = json::array();
  for (auto const& e : tl.events) {
    json j;
    j["id"] = e.id;
    j["label"] = e.label;
    j["participants"] = e.participants;
    j["when"] = {{"value", e.value.empty() ? json(nullptr) : json(e.value)},
                 {"earliest", day_or_null(e.earliest)},
                 {"latest", day_or_null(e.latest)},
                 {"grain", e.value.empty() ? json(nullptr) : json(std::string{to_string(e.value_grain)})}};
    j["support"] = e.support;
    j["class"] = e.trigger_class;
    j["place"] = e.place.empty() ? json(nullptr) : json(e.place);
    j["modality"] = std::string{to_string(e.mod)};
    json& mentions = j["mentions"] = json::array();
    for (auto const& m : e.mentions) {
      json mj;
      mj["document"] = m.document;
      mj["sentence"] = m.sentence;
      mj["text"] = m.sentence_text;
      mj["timex"] = m.timex_text.empty() ? json(nullptr) : json{{"text", m.timex_text}, {"value", m.timex_value}};
      if (m.resolved) mj["resolved"] = interval_or_null(m.resolved);
      mj["trigger"] = m.trigger;
      mj["modality"] = std::string{to_string(m.mod)};
      mj["relation"] = std::string{to_string(m.relation)};
      if (!m.said_at.empty()) mj["said_at"] = m.said_at;
      if (m.relaxed) mj["relaxed"] = true;
      mentions.push_back(std::move(mj));
    }
    json& links = j["links"] = json::array();
    for (auto const& l : e.links) {
      json lj{{"document", l.document}, {"sentence", l.sentence}, {"verdict", l.verdict}, {"reason", l.reason}};
      if (l.other_event) lj["other_event"] = *l.other_event;
      links.push_back(std::move(lj));
    }
    events.push_back(std::move(j));
  }
  json& contradictions = out["contradictions"] = json::array();
  for (auto const& c : tl.contradictions) {
    json j;
    j["event"] = c.event ? json(*c.event) : json(nullptr);
    json& claims = j["claims"] = json::array();
    for (auto const& q : c.claims) {
      json qj{{"document", q.document}, {"text", q.text}, {"value", q.value}};
      qj["sentence"] = q.sentence;
      qj["expression"] = q.expression;
      qj["kind"] = q.kind;
      if (q.resolved) qj["resolved"] = interval_or_null(q.resolved);
      qj["relaxed"] = q.relaxed;
      claims.push_back(std::move(qj));
    }
    j["explanation"] = c.explanation;
    j["resolution"] = c.resolution;
    j["excess_days"] = c.excess.count();
    contradictions.push_back(std::move(j));
  }
  return out;
}

}  // namespace timeline::io
