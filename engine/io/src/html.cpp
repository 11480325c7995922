// SPDX-License-Identifier: MIT
#include <timeline/io/html.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <gumbo.h>
#include <nlohmann/json.hpp>

namespace timeline::io {
namespace {

// Deeper nesting than this is not a page anyone saved; past it children are ignored, which keeps
// the recursive walks below off the end of the stack whatever the input.
constexpr int max_depth = 400;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowered(std::string_view s) {
  std::string out{s};
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

char const* attribute(GumboNode const* node, char const* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return nullptr;
  }
  GumboAttribute const* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

bool is_element(GumboNode const* node) { return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE; }

GumboTag tag_of(GumboNode const* node) { return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN; }

GumboVector const* children_of(GumboNode const* node) {
  if (node->type == GUMBO_NODE_DOCUMENT) {
    return &node->v.document.children;
  }
  if (is_element(node)) {
    return &node->v.element.children;
  }
  return nullptr;
}

template <typename F>
void for_each_child(GumboNode const* node, F&& f) {
  if (GumboVector const* children = children_of(node)) {
    for (unsigned i = 0; i < children->length; ++i) {
      f(static_cast<GumboNode const*>(children->data[i]));
    }
  }
}

// Elements never part of an article's prose.
bool is_furniture_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

// Words of class and id attributes that mark furniture ("related-stories", "share-bar").
constexpr auto furniture_words = std::to_array<std::string_view>({
    "related", "share", "sharing", "social", "comment", "comments", "newsletter", "promo", "ad", "ads",
    "advert", "advertisement", "sponsor", "sponsored", "sidebar", "breadcrumb", "breadcrumbs", "recommended",
    "recommendations", "popular", "trending", "subscribe", "subscription", "signup", "cookie", "cookies",
    "footer", "nav", "navbar", "navigation", "menu", "masthead", "toolbar", "outbrain", "taboola", "teaser",
    "teasers", "widget", "banner", "paywall", "modal", "popup", "more-stories", "read-more", "readmore"});
constexpr auto furniture_roles = std::to_array<std::string_view>({
    "navigation", "complementary", "banner", "contentinfo", "search", "dialog", "menu", "menubar"});

bool has_furniture_word(char const* value) {
  if (value == nullptr) {
    return false;
  }
  std::string const v = lowered(value);
  std::size_t pos = 0;
  while (pos < v.size()) {
    // Words are separated by anything but letters; "related-stories" gives "related", "stories".
    std::size_t end = pos;
    while (end < v.size() && v[end] >= 'a' && v[end] <= 'z') {
      ++end;
    }
    if (end > pos) {
      std::string_view const word{v.data() + pos, end - pos};
      if (std::find(furniture_words.begin(), furniture_words.end(), word) != furniture_words.end()) {
        return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

bool is_furniture(GumboNode const* node, bool inside_article) {
  if (!is_element(node)) {
    return false;
  }
  GumboTag const tag = tag_of(node);
  if (is_furniture_tag(tag)) {
    return true;
  }
  // A page's <header> is the masthead; an article's own <header> holds its headline.
  if (tag == GUMBO_TAG_HEADER && !inside_article) {
    return true;
  }
  if (attribute(node, "hidden") != nullptr) {
    return true;
  }
  if (char const* hidden = attribute(node, "aria-hidden"); hidden != nullptr && lowered(hidden) == "true") {
    return true;
  }
  if (char const* style = attribute(node, "style")) {
    std::string s = lowered(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  if (char const* role = attribute(node, "role")) {
    std::string const r = lowered(role);
    if (std::find(furniture_roles.begin(), furniture_roles.end(), r) != furniture_roles.end()) {
      return true;
    }
  }
  // The body of an article is sometimes classed "article-body ad-free": only look at class and id
  // words on elements that are not the article itself.
  if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_BODY) {
    return false;
  }
  if (char const* itemprop = attribute(node, "itemprop"); itemprop != nullptr && lowered(itemprop) == "articlebody") {
    return false;
  }
  return has_furniture_word(attribute(node, "class")) || has_furniture_word(attribute(node, "id"));
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
      return true;
    default:
      return false;
  }
}

// Plain text with the block structure of the page: blocks become paragraphs separated by a blank
// line, <br> a line break, runs of white space one space (except in <pre>).
class text_builder {
 public:
  void text(std::string_view s, bool preformatted) {
    for (char const c : s) {
      bool const space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (space && !preformatted) {
        pending_space_ = true;
        continue;
      }
      if (c == '\n' && preformatted) {
        request_break(1);
        continue;
      }
      flush();
      out_.push_back(c);
    }
  }
  void request_break(int lines) {
    breaks_ = std::max(breaks_, lines);
    pending_space_ = false;
  }
  std::string finish() && { return std::move(out_); }

 private:
  void flush() {
    if (!out_.empty()) {
      if (breaks_ > 0) {
        out_.append(static_cast<std::size_t>(breaks_), '\n');
      } else if (pending_space_) {
        out_.push_back(' ');
      }
    }
    breaks_ = 0;
    pending_space_ = false;
  }
  std::string out_;
  int breaks_ = 0;
  bool pending_space_ = false;
};

void collect_text(GumboNode const* node, text_builder& out, bool inside_article, bool preformatted, int depth) {
  if (depth > max_depth) {
    return;
  }
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out.text(node->v.text.text, preformatted);
    return;
  }
  if (!is_element(node) || is_furniture(node, inside_article)) {
    return;
  }
  GumboTag const tag = tag_of(node);
  if (tag == GUMBO_TAG_BR) {
    out.request_break(1);
    return;
  }
  bool const block = is_block(tag);
  if (block) {
    out.request_break(2);
  }
  bool const in_article = inside_article || tag == GUMBO_TAG_ARTICLE;
  bool const pre = preformatted || tag == GUMBO_TAG_PRE;
  if (tag == GUMBO_TAG_LI) {
    out.text("\xE2\x80\xA2 ", false);  // "• ": the list mark the sentence splitter knows
  }
  for_each_child(node, [&](GumboNode const* child) { collect_text(child, out, in_article, pre, depth + 1); });
  if (block) {
    out.request_break(2);
  } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
    out.text(" ", false);
  }
}

std::string inner_text(GumboNode const* node) {
  text_builder out;
  // The children, not the node: <title> is furniture in a body, but its own text is what we want.
  for_each_child(node, [&](GumboNode const* child) { collect_text(child, out, true, false, 1); });
  std::string s = std::move(out).finish();
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// Every element, depth first, with whether it lies inside furniture or an <article>.
template <typename F>
void walk(GumboNode const* node, F&& f, bool furniture = false, bool inside_article = false, int depth = 0) {
  if (depth > max_depth || !(is_element(node) || node->type == GUMBO_NODE_DOCUMENT)) {
    return;
  }
  bool const here_furniture = furniture || is_furniture(node, inside_article);
  if (is_element(node)) {
    f(node, here_furniture);
  }
  bool const in_article = inside_article || tag_of(node) == GUMBO_TAG_ARTICLE;
  for_each_child(node, [&](GumboNode const* child) { walk(child, f, here_furniture, in_article, depth + 1); });
}

std::size_t paragraph_text_length(GumboNode const* node) {
  std::size_t total = 0;
  for_each_child(node, [&](GumboNode const* child) {
    if (tag_of(child) == GUMBO_TAG_P) {
      total += inner_text(child).size();
    }
  });
  return total;
}

// The element holding the article body.
GumboNode const* find_body(GumboNode const* root) {
  GumboNode const* body = nullptr;
  GumboNode const* article_body = nullptr;
  GumboNode const* best_article = nullptr;
  std::size_t best_article_text = 0;
  GumboNode const* best_parent = nullptr;
  std::size_t best_parent_text = 0;
  walk(root, [&](GumboNode const* node, bool furniture) {
    GumboTag const tag = tag_of(node);
    if (tag == GUMBO_TAG_BODY && body == nullptr) {
      body = node;
    }
    if (furniture) {
      return;
    }
    if (char const* itemprop = attribute(node, "itemprop");
        article_body == nullptr && itemprop != nullptr && lowered(itemprop) == "articlebody") {
      article_body = node;
    }
    if (tag == GUMBO_TAG_ARTICLE) {
      // Pages that wrap every teaser in <article> have one real one: the longest.
      std::size_t const length = inner_text(node).size();
      if (length > best_article_text) {
        best_article = node;
        best_article_text = length;
      }
    }
    std::size_t const paragraphs = paragraph_text_length(node);
    if (paragraphs > best_parent_text) {
      best_parent = node;
      best_parent_text = paragraphs;
    }
  });
  if (article_body != nullptr) {
    return article_body;
  }
  if (best_article != nullptr) {
    return best_article;
  }
  if (best_parent != nullptr && best_parent_text >= 200) {
    return best_parent;
  }
  return body != nullptr ? body : root;
}

struct date_candidate {
  std::string value;
  std::string from;
};

// Publication <meta> names, in order of trust.
constexpr auto published_meta = std::to_array<std::string_view>({
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date",
    "parsely-pub-date", "sailthru.date", "date", "citation_publication_date", "citation_date"});

void find_json_ld_date(nlohmann::json const& value, std::string& out, int depth) {
  if (!out.empty() || depth > 32) {
    return;
  }
  if (value.is_object()) {
    if (auto const it = value.find("datePublished"); it != value.end() && it->is_string()) {
      out = it->get<std::string>();
      return;
    }
    for (auto const& [key, child] : value.items()) {
      find_json_ld_date(child, out, depth + 1);
    }
  } else if (value.is_array()) {
    for (auto const& child : value) {
      find_json_ld_date(child, out, depth + 1);
    }
  }
}

std::string strip_site_name(std::string title) {
  // "Kim meets Putin | Example News" -> "Kim meets Putin"
  for (std::string_view const sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    if (auto const at = title.rfind(sep); at != std::string::npos && at > 0) {
      return title.substr(0, at);
    }
  }
  return title;
}

std::string trim_copy(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r')) {
    ++b;
  }
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r')) {
    --e;
  }
  return std::string{s.substr(b, e - b)};
}

}  // namespace

std::size_t html_nesting_depth(std::string_view html) noexcept {
  static constexpr std::array<std::string_view, 24> uncounted{
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype", "?xml"};
  std::size_t depth = 0;
  std::size_t deepest = 0;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    bool const closing = pos < html.size() && html[pos] == '/';
    if (closing) {
      ++pos;
    }
    std::size_t end = pos;
    while (end < html.size() && end - pos < 16 &&
           ((html[end] >= 'a' && html[end] <= 'z') || (html[end] >= 'A' && html[end] <= 'Z') ||
            (html[end] >= '0' && html[end] <= '9') || html[end] == '!' || html[end] == '?')) {
      ++end;
    }
    if (end == pos) {
      continue;
    }
    std::array<char, 16> buffer{};
    for (std::size_t i = pos; i < end; ++i) {
      buffer[i - pos] = lower(html[i]);
    }
    std::string_view const name{buffer.data(), end - pos};
    if (std::find(uncounted.begin(), uncounted.end(), name) != uncounted.end()) {
      continue;
    }
    std::size_t const close = html.find('>', end);
    if (!closing && close != std::string_view::npos && close > end && html[close - 1] == '/') {
      continue;  // <tag/>
    }
    if (closing) {
      depth = depth > 0 ? depth - 1 : 0;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

bool looks_like_html(std::string_view bytes) noexcept {
  std::size_t const limit = std::min<std::size_t>(bytes.size(), 2048);
  std::string head;
  head.reserve(limit);
  for (std::size_t i = 0; i < limit; ++i) {
    head.push_back(lower(bytes[i]));
  }
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
         head.find("<head") != std::string::npos || head.find("<body") != std::string::npos;
}

html_article extract_html(std::string_view html) {
  if (html_nesting_depth(html) > max_html_nesting) {
    return {};
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we do not report gumbo's repairs; do not keep them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output{
      gumbo_parse_with_options(&options, html.data(), html.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); }};
  html_article article;
  GumboNode const* root = output->document;

  std::vector<date_candidate> meta_dates;
  std::string og_title;
  std::string page_title;
  std::string json_ld_date;
  std::string itemprop_date;
  walk(root, [&](GumboNode const* node, bool /*furniture*/) {
    GumboTag const tag = tag_of(node);
    if (tag == GUMBO_TAG_META) {
      char const* key = attribute(node, "property");
      if (key == nullptr) {
        key = attribute(node, "name");
      }
      if (key == nullptr) {
        key = attribute(node, "itemprop");
      }
      char const* content = attribute(node, "content");
      if (key == nullptr || content == nullptr) {
        return;
      }
      std::string const k = lowered(key);
      if (k == "og:title" && og_title.empty()) {
        og_title = trim_copy(content);
      } else if ((k == "og:url") && article.url.empty()) {
        article.url = trim_copy(content);
      } else if (std::find(published_meta.begin(), published_meta.end(), k) != published_meta.end()) {
        meta_dates.push_back({trim_copy(content), "meta " + k});
      }
    } else if (tag == GUMBO_TAG_TITLE && page_title.empty()) {
      page_title = trim_copy(inner_text(node));
    } else if (tag == GUMBO_TAG_LINK) {
      char const* rel = attribute(node, "rel");
      char const* href = attribute(node, "href");
      if (rel != nullptr && href != nullptr && lowered(rel) == "canonical") {
        article.url = trim_copy(href);
      }
    } else if (tag == GUMBO_TAG_SCRIPT) {
      char const* type = attribute(node, "type");
      if (type != nullptr && lowered(type) == "application/ld+json" && json_ld_date.empty()) {
        std::string script;
        for_each_child(node, [&](GumboNode const* child) {
          if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
              child->type == GUMBO_NODE_CDATA) {
            script += child->v.text.text;
          }
        });
        auto const json = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
        if (!json.is_discarded()) {
          find_json_ld_date(json, json_ld_date, 0);
        }
      }
    } else if (tag != GUMBO_TAG_META && itemprop_date.empty()) {
      char const* itemprop = attribute(node, "itemprop");
      if (itemprop != nullptr && lowered(itemprop) == "datepublished") {
        char const* value = attribute(node, "datetime");
        if (value == nullptr) {
          value = attribute(node, "content");
        }
        itemprop_date = value != nullptr ? trim_copy(value) : trim_copy(inner_text(node));
      }
    }
  });

  GumboNode const* body = find_body(root);
  std::string time_date;
  walk(body, [&](GumboNode const* node, bool furniture) {
    if (!furniture && time_date.empty() && tag_of(node) == GUMBO_TAG_TIME) {
      if (char const* datetime = attribute(node, "datetime")) {
        time_date = trim_copy(datetime);
      }
    }
  });
  // The article's own <header> and its <time> may sit just outside a chosen itemprop body.
  if (time_date.empty()) {
    walk(root, [&](GumboNode const* node, bool furniture) {
      if (!furniture && time_date.empty() && tag_of(node) == GUMBO_TAG_TIME) {
        char const* datetime = attribute(node, "datetime");
        char const* pubdate = attribute(node, "pubdate");
        if (datetime != nullptr && pubdate != nullptr) {
          time_date = trim_copy(datetime);
        }
      }
    });
  }

  std::vector<date_candidate> candidates = meta_dates;
  if (!json_ld_date.empty()) {
    candidates.push_back({json_ld_date, "json-ld datePublished"});
  }
  if (!itemprop_date.empty()) {
    candidates.push_back({itemprop_date, "itemprop datePublished"});
  }
  if (!time_date.empty()) {
    candidates.push_back({time_date, "time datetime"});
  }
  // article:published_time first, then JSON-LD, then the rest of the metas in their listed order.
  std::stable_sort(candidates.begin(), candidates.end(), [](date_candidate const& a, date_candidate const& b) {
    auto const rank = [](date_candidate const& c) -> std::size_t {
      if (c.from == "json-ld datePublished") {
        return 1;
      }
      if (c.from == "itemprop datePublished") {
        return 2;
      }
      if (c.from == "time datetime") {
        return published_meta.size() + 10;
      }
      auto const name = std::string_view{c.from}.substr(5);
      auto const at = std::find(published_meta.begin(), published_meta.end(), name);
      auto const index = static_cast<std::size_t>(at - published_meta.begin());
      return index == 0 ? 0 : index + 3;
    };
    return rank(a) < rank(b);
  });
  if (!candidates.empty()) {
    article.published = candidates.front().value;
    article.published_from = candidates.front().from;
  }
  for (auto const& c : candidates) {
    article.dates.push_back({c.value, c.from});
  }

  std::string h1;
  walk(body, [&](GumboNode const* node, bool furniture) {
    if (!furniture && h1.empty() && tag_of(node) == GUMBO_TAG_H1) {
      h1 = trim_copy(inner_text(node));
    }
  });
  if (!og_title.empty()) {
    article.title = og_title;
  } else if (!h1.empty()) {
    article.title = h1;
  } else {
    article.title = strip_site_name(page_title);
  }

  text_builder out;
  collect_text(body, out, tag_of(body) == GUMBO_TAG_ARTICLE, false, 0);
  article.text = std::move(out).finish();
  return article;
}

}  // namespace timeline::io
