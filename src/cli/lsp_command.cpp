#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace zhunru::cli {

int run_lsp(Lang lang, std::istream& in, std::ostream& out) {
  std::ios::sync_with_stdio(false);  // the stream is binary JSON-RPC, read in large reads
  lsp::Server server(out, lang);
  return server.run(in);
}

}  // namespace zhunru::cli
