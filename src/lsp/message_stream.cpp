#include "lsp/message_stream.hpp"

#include <cctype>
#include <charconv>
#include <optional>
#include <string_view>

namespace zhunru::lsp {
namespace {

constexpr std::size_t kMaxHeaderLine = 8 << 10;

bool starts_with_nocase(const std::string& s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

// One header line without its CR LF; false at the end of input or past the
// line limit (the rest of that line is then read and dropped).
bool MessageReader::header_line(std::string& line) {
  line.clear();
  bool too_long = false;
  for (int c = in_.get(); c != std::char_traits<char>::eof(); c = in_.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return !too_long;
    }
    if (line.size() < kMaxHeaderLine) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
  return false;
}

MessageReader::Status MessageReader::next(std::string& body) {
  std::string line;
  std::optional<std::size_t> length;
  bool bad = false;
  bool any = false;
  for (;;) {
    if (!header_line(line)) {
      if (in_.eof()) return Status::end;
      bad = true;  // a line past the limit: keep reading headers to the empty line
      continue;
    }
    if (line.empty()) {
      if (!any) continue;  // blank lines between messages
      break;
    }
    any = true;
    if (!starts_with_nocase(line, "content-length:")) continue;  // Content-Type and others
    std::size_t value = 0;
    std::size_t at = std::string_view("content-length:").size();
    while (at < line.size() && line[at] == ' ') ++at;
    const auto [end, ec] = std::from_chars(line.data() + at, line.data() + line.size(), value);
    if (ec != std::errc() || end != line.data() + line.size()) {
      bad = true;
    } else {
      length = value;
    }
  }
  if (bad || !length) return Status::bad_header;
  if (*length > max_body_) {
    in_.ignore(static_cast<std::streamsize>(*length));
    return Status::too_large;
  }
  body.assign(*length, '\0');
  in_.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in_.gcount()) != *length) return Status::end;
  return Status::message;
}

void write_message(std::ostream& out, const std::string& json) {
  out << "Content-Length: " << json.size() << "\r\n\r\n" << json;
  out.flush();
}

}  // namespace zhunru::lsp
