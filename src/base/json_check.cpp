#include "base/json_check.hpp"

#include <simdjson.h>

#include <cstring>
#include <vector>

namespace zhunru {

bool is_json_text(std::string_view text) {
  constexpr std::size_t kMaxDepth = 1024;
  // Per thread: the parser, and the text copied with the room simdjson may
  // read past its end.
  thread_local simdjson::dom::parser parser;
  thread_local std::vector<char> padded;
  if (padded.size() < text.size() + simdjson::SIMDJSON_PADDING) padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  if (parser.capacity() < text.size() || parser.max_depth() != kMaxDepth) {
    if (parser.allocate(text.size(), kMaxDepth) != simdjson::SUCCESS) return false;
  }
  std::memcpy(padded.data(), text.data(), text.size());
  simdjson::dom::element root;
  return parser.parse(padded.data(), text.size(), false).get(root) == simdjson::SUCCESS;
}

}  // namespace zhunru
