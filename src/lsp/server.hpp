// `zhunru lsp`: a Language Server (LSP 3.17) for .rules files over stdio —
// diagnostics as the author types, hover, completion in both keyword
// languages, go to definition, formatting (docs/editors.md). A client of the
// public API: it compiles as `zhunru check` does and formats as `zhunru fmt`.
#pragma once

#include <nlohmann/json.hpp>

#include <istream>
#include <ostream>
#include <string>

#include "lsp/workspace.hpp"
#include "zhunru/localized.hpp"

namespace zhunru::lsp {

class Server {
 public:
  Server(std::ostream& out, Lang lang) : out_(out), lang_(lang) {}

  /// Reads and answers messages until `exit` or the end of input; the exit
  /// code LSP asks for (0 after `shutdown`, 1 otherwise).
  int run(std::istream& in);

  /// One message's body (a request or notification, or a batch of none).
  void handle(const std::string& body);

 private:
  using Json = nlohmann::json;

  void dispatch(const std::string& method, const Json& params, const Json* id);
  void reply(const Json& id, Json result);
  void fail(const Json& id, int code, const LocalizedText& message);
  void notify(const std::string& method, Json params);

  Json initialize(const Json& params);
  void publish(const std::string& path);
  Json hover(const std::string& path, const Json& position);
  Json completion(const std::string& path);
  Json definition(const std::string& path, const Json& position);
  Json formatting(const std::string& path);

  /// The word at an LSP position of an open document.
  std::optional<std::string> word(const std::string& path, const Json& position) const;
  std::string say(const LocalizedText& text) const { return lang_ == Lang::zh ? text.zh : text.en; }

  std::ostream& out_;
  Lang lang_;
  Workspace workspace_;
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

}  // namespace zhunru::lsp
