// SPDX-License-Identifier: MIT
//
// News pages as saved from a browser, parsed with gumbo (which, like a browser, accepts any
// markup). Out of a page come its title, its publication date and the article body as plain text;
// navigation, scripts, styles, forms, asides, footers and lists of related stories are left out.
//
// The publication date is looked for, most trusted first, in
//   <meta property="article:published_time">, other publication <meta>s (og:, DC., parsely, ...),
//   JSON-LD "datePublished" (including inside "@graph"), itemprop="datePublished",
//   and the first <time datetime> of the article that is not inside furniture.
// The body is the <article> element when there is one, else the element holding the most
// paragraph text (the readability heuristic, much reduced), else <body>.
//
// Example:
//   auto page = extract_html(R"(<html><head><meta property="article:published_time"
//       content="2025-08-13T22:35:00+09:00"><title>Kim | News</title></head>
//       <body><nav>Home</nav><article><h1>Kim</h1><p>Kim met Putin.</p></article></body></html>)");
//   // page.title == "Kim", page.published == "2025-08-13T22:35:00+09:00",
//   // page.published_from == "meta article:published_time", page.text == "Kim\n\nKim met Putin."
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace timeline::io {

// A publication date as a page states it.
struct html_date {
  std::string value;  // as written: "2025-08-13T22:35:00+09:00"
  std::string from;   // "meta article:published_time", "json-ld datePublished", "time datetime", ...
};

struct html_article {
  std::string title;           // og:title, the article's <h1>, or <title>; may be empty
  std::string url;             // <link rel="canonical"> or og:url; may be empty
  std::string published;       // the date as the page wrote it; empty when none
  std::string published_from;  // where it was found: "meta article:published_time", "json-ld", ...
  std::vector<html_date> dates;  // every publication date found, most trusted first (published first)
  std::string text;            // the article body: blocks separated by blank lines
};

// Extracts the article from a page. Never throws for markup: gumbo repairs any tag soup. The
// result's text is empty when the page has no readable body, or nests deeper than
// max_html_nesting; the caller reports that.
html_article extract_html(std::string_view html);

// How deep the page's elements nest, counted from the tags as written (void elements and those
// HTML lets one leave open, such as <p> and <li>, are not counted).
std::size_t html_nesting_depth(std::string_view html) noexcept;

// POLICY: gumbo's tree construction is quadratic in nesting depth (20,000 nested <div>s take
// seconds, 200,000 minutes), and no saved news page comes near this. Deeper pages are refused.
inline constexpr std::size_t max_html_nesting = 5000;

// Whether the bytes look like an HTML page ("<!DOCTYPE html", "<html", "<head", "<body").
bool looks_like_html(std::string_view bytes) noexcept;

}  // namespace timeline::io
