// Bytes from an editor → `zhunru lsp` (src/lsp/server.cpp), as the server
// reads stdin: framing, JSON-RPC, every method. It must answer (or stay
// silent for notifications) without crashing, and every message it writes
// must be framed and parse as JSON. Documents opened by a seed live in
// memory or under fuzz/corpus (nothing is written).
#include <nlohmann/json.hpp>

#include <sstream>

#include "common.hpp"
#include "lsp/message_stream.hpp"
#include "lsp/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace zhunru;
  std::istringstream in(fuzz::text_of(data, size));
  std::ostringstream out;
  lsp::Server server(out, Lang::en);
  (void)server.run(in);
  std::istringstream written(out.str());
  lsp::MessageReader reader(written, std::size_t{64} << 20);
  std::string body;
  std::size_t messages = 0;
  for (auto status = reader.next(body); status != lsp::MessageReader::Status::end; status = reader.next(body)) {
    if (status != lsp::MessageReader::Status::message) fuzz::fail("the server wrote a badly framed message");
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_discarded() || !json.is_object() || json.value("jsonrpc", "") != "2.0") {
      fuzz::fail("the server wrote a message that is not JSON-RPC: " + body.substr(0, 200));
    }
    ++messages;
  }
  fuzz::say(std::to_string(messages) + " messages written");
  return 0;
}
