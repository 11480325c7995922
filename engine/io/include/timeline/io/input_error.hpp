// SPDX-License-Identifier: MIT
//
// input_error is what the I/O boundary throws when a document cannot be read: a missing file,
// invalid UTF-8, a broken JSON line, malformed TimeML. It names the document and the place, so the
// command line can print one clear message and go on with the next document.
//
// Example:
//   throw input_error{"news.jsonl", "line 7", "invalid JSON: unexpected end of input"};
//   // what(): "news.jsonl: line 7: invalid JSON: unexpected end of input"
#pragma once

#include <stdexcept>
#include <string>

namespace timeline::io {

class input_error : public std::runtime_error {
 public:
  input_error(std::string document, std::string place, std::string message)
      : std::runtime_error(compose(document, place, message)),
        document_(std::move(document)),
        place_(std::move(place)),
        message_(std::move(message)) {}

  std::string const& document() const noexcept { return document_; }
  std::string const& place() const noexcept { return place_; }  // "line 7", "byte 1043", may be empty
  std::string const& message() const noexcept { return message_; }

 private:
  static std::string compose(std::string const& document, std::string const& place, std::string const& message) {
    return place.empty() ? document + ": " + message : document + ": " + place + ": " + message;
  }
  std::string document_;
  std::string place_;
  std::string message_;
};

}  // namespace timeline::io
