// LSP's framing of JSON-RPC messages: `Content-Length: N` and other header
// lines, an empty line, then N bytes of JSON (the Language Server Protocol,
// "Base Protocol"). Bounded: a header line past 8 KiB or a body past the
// limit is refused, and a refused body is skipped, so the next message is
// still found.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace zhunru::lsp {

class MessageReader {
 public:
  enum class Status { message, end, bad_header, too_large };

  MessageReader(std::istream& in, std::size_t max_body) : in_(in), max_body_(max_body) {}

  /// The next message's body in `body`; `end` when the input ends.
  Status next(std::string& body);

 private:
  bool header_line(std::string& line);

  std::istream& in_;
  std::size_t max_body_;
};

/// Writes `json` (one serialised message) with its header, and flushes.
void write_message(std::ostream& out, const std::string& json);

}  // namespace zhunru::lsp
