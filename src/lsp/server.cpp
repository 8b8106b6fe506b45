#include "lsp/server.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/json_input.hpp"
#include "lsp/document_text.hpp"
#include "lsp/message_stream.hpp"
#include "zhunru/format.hpp"
#include "zhunru/vocabulary.hpp"

namespace zhunru::lsp {
namespace {

constexpr std::size_t kMaxMessage = std::size_t{64} << 20;
constexpr int kMostShown = 8;  // declarations of one name in a hover (a value many facts have)

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestFailed = -32803;

struct What {
  std::string_view en;
  std::string_view zh;
  int completion_kind;  // LSP CompletionItemKind
};

What what_of(const std::string& what) {
  if (what == "fact") return {"fact", "事实", 5};
  if (what == "value") return {"value", "取值", 20};
  if (what == "kind") return {"kind", "类别", 7};
  if (what == "layer") return {"layer", "图层", 9};
  if (what == "geometry") return {"geometry", "几何", 9};
  if (what == "table") return {"table", "名录", 22};
  if (what == "unit of measure") return {"unit of measure", "计量单位", 11};
  return {"rule", "规则", 18};
}

nlohmann::json position(std::string_view text, std::uint32_t line, std::uint32_t column) {
  return {{"line", line}, {"character", utf16_column(line_of(text, line), column)}};
}

/// An LSP range of a zhunru location (lines and columns from 1, code points).
nlohmann::json range_of(std::string_view text, const SourceLocation& at) {
  const std::uint32_t line = at.line > 0 ? at.line - 1 : 0;
  const std::uint32_t column = at.column > 0 ? at.column - 1 : 0;
  const bool has_end = at.end_line > 0 && (at.end_line > at.line || at.end_column > at.column);
  const std::uint32_t end_line = has_end ? at.end_line - 1 : line;
  const std::uint32_t end_column = has_end ? (at.end_column > 0 ? at.end_column - 1 : 0) : column + 1;
  return {{"start", position(text, line, column)}, {"end", position(text, end_line, end_column)}};
}

/// The declaration as written: its first line, and the next ones until the
/// statement ends (`;` or `；`), at most eight.
std::string declaration_text(std::string_view text, const SourceLocation& at) {
  std::string out;
  for (std::uint32_t i = 0; i < 8 && at.line > 0; ++i) {
    const std::string_view line = line_of(text, at.line - 1 + i);
    out += std::string(line) + "\n";
    if (line.find(';') != std::string_view::npos || line.find("；") != std::string_view::npos) break;
  }
  return out;
}

std::string file_line(const SourceLocation& at) {
  return std::filesystem::path(at.file).filename().string() + ":" + std::to_string(at.line);
}

}  // namespace

int Server::run(std::istream& in) {
  MessageReader reader(in, kMaxMessage);
  std::string body;
  while (!exited_) {
    const MessageReader::Status status = reader.next(body);
    if (status == MessageReader::Status::end) break;
    if (status == MessageReader::Status::bad_header) {
      fail(nullptr, kParseError, {"a message header without a valid Content-Length", "消息头缺少有效的 Content-Length"});
    } else if (status == MessageReader::Status::too_large) {
      fail(nullptr, kInvalidRequest, {"a message larger than 64 MiB (skipped)", "消息超过 64 MiB（已跳过）"});
    } else {
      handle(body);
    }
  }
  return exited_ && shut_down_ ? 0 : 1;
}

void Server::handle(const std::string& body) {
  const auto parsed = json_input::parse<Json>(body, {kMaxMessage, 64}, {"the message", "该消息"});
  if (!parsed) return fail(nullptr, kParseError, parsed.error().message);
  const Json& message = *parsed;
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    const Json id = message.is_object() && message.contains("id") ? message["id"] : Json();
    if (message.is_object() && !message.contains("method") && (message.contains("result") || message.contains("error"))) {
      return;  // a response to a request of ours (we send none that wait)
    }
    return fail(id, kInvalidRequest, {"a request is an object with a \"method\"", "请求应为含 \"method\" 的对象"});
  }
  const Json* id = message.contains("id") ? &message["id"] : nullptr;
  const Json params = message.contains("params") ? message["params"] : Json::object();
  try {
    dispatch(message["method"].get<std::string>(), params, id);
  } catch (const Json::exception& e) {  // a member missing or of the wrong type
    if (id) fail(*id, kInvalidParams, {std::string("invalid params: ") + e.what(), std::string("参数无效：") + e.what()});
  } catch (const std::exception& e) {
    if (id) fail(*id, kInternalError, {std::string("internal error: ") + e.what(), std::string("内部错误：") + e.what()});
  }
}

void Server::dispatch(const std::string& method, const Json& params, const Json* id) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (method == "initialize") {
    if (id) reply(*id, initialize(params));
    return;
  }
  if (!initialized_) {
    if (id) fail(*id, kServerNotInitialized, {"initialize first", "请先发送 initialize"});
    return;
  }
  if (shut_down_) {
    if (id) fail(*id, kInvalidRequest, {"the server is shut down: only exit is accepted", "服务器已关闭：只接受 exit"});
    return;
  }
  if (method == "shutdown") {
    shut_down_ = true;
    if (id) reply(*id, nullptr);
    return;
  }
  const auto document = [&]() -> std::string {
    const auto path = path_of_uri(params.at("textDocument").at("uri").get<std::string>());
    if (!path) throw std::invalid_argument("only file: URIs are served");
    return std::filesystem::path(*path).lexically_normal().string();
  };
  if (method == "textDocument/didOpen") {
    const std::string path = document();
    workspace_.open(path, params.at("textDocument").at("text").get<std::string>());
    return publish(path);
  }
  if (method == "textDocument/didChange") {
    const std::string path = document();
    const Json& changes = params.at("contentChanges");
    if (!changes.is_array() || changes.empty()) return;
    workspace_.open(path, changes.back().at("text").get<std::string>());  // full sync: the last is the whole text
    return publish(path);
  }
  if (method == "textDocument/didSave") return publish(document());
  if (method == "textDocument/didClose") {
    const std::string path = document();
    workspace_.close(path);
    return publish(path);
  }
  if (!id) return;  // notifications we do not act on ($/cancelRequest, initialized, …)
  if (method == "textDocument/hover") return reply(*id, hover(document(), params.at("position")));
  if (method == "textDocument/completion") return reply(*id, completion(document()));
  if (method == "textDocument/definition") return reply(*id, definition(document(), params.at("position")));
  if (method == "textDocument/formatting") {
    Json edits = formatting(document());
    if (edits.is_null()) {
      return fail(*id, kRequestFailed, {"the file has syntax errors: fix them before formatting",
                                        "文件有语法错误：请先修正再格式化"});
    }
    return reply(*id, std::move(edits));
  }
  fail(*id, kMethodNotFound, {"no method " + method, "没有方法 " + method});
}

nlohmann::json Server::initialize(const Json& params) {
  initialized_ = true;
  std::string lang;
  if (params.contains("initializationOptions") && params["initializationOptions"].is_object() &&
      params["initializationOptions"].contains("lang") && params["initializationOptions"]["lang"].is_string()) {
    lang = params["initializationOptions"]["lang"].get<std::string>();
  } else if (params.contains("locale") && params["locale"].is_string()) {
    lang = params["locale"].get<std::string>();
  }
  if (lang.starts_with("zh")) lang_ = Lang::zh;
  if (lang.starts_with("en")) lang_ = Lang::en;
  return {{"capabilities",
           {{"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"completionProvider", {{"resolveProvider", false}}},
            {"definitionProvider", true},
            {"documentFormattingProvider", true}}},
          {"serverInfo", {{"name", "zhunru"}}}};
}

void Server::publish(const std::string& path) {
  const Workspace::Checked checked = workspace_.check(path);
  for (const auto& [file, diagnostics] : checked.by_file) {
    const std::string text = workspace_.text(file).value_or("");
    Json list = Json::array();
    for (const Diagnostic& d : diagnostics) {
      std::string message = say(d.message);
      if (!say(d.help).empty()) message += "\n" + say(d.help);
      Json item{{"range", range_of(text, d.location)},
                {"severity", d.severity == Severity::error ? 1 : d.severity == Severity::warning ? 2 : 3},
                {"code", d.code},
                {"source", "zhunru"},
                {"message", message}};
      Json related = Json::array();
      for (const DiagnosticNote& n : d.notes) {
        if (n.location.file.empty()) continue;
        const std::string note_text = n.location.file == file ? text : workspace_.text(n.location.file).value_or("");
        related.push_back({{"location", {{"uri", uri_of_path(n.location.file)}, {"range", range_of(note_text, n.location)}}},
                           {"message", say(n.message)}});
      }
      if (!related.empty()) item["relatedInformation"] = std::move(related);
      list.push_back(std::move(item));
    }
    notify("textDocument/publishDiagnostics", {{"uri", uri_of_path(file)}, {"diagnostics", std::move(list)}});
  }
}

std::optional<std::string> Server::word(const std::string& path, const Json& at) const {
  const auto text = workspace_.text(path);
  if (!text) return std::nullopt;
  return word_at(line_of(*text, at.at("line").get<std::uint32_t>()), at.at("character").get<std::uint32_t>());
}

nlohmann::json Server::hover(const std::string& path, const Json& at) {
  const auto name = word(path, at);
  if (!name) return nullptr;
  std::string markdown;
  if (const auto* declared = workspace_.declarations(path)) {
    int shown = 0;
    for (const Declaration& d : *declared) {
      if (d.name != *name) continue;
      if (shown++ == kMostShown) break;
      const What w = what_of(d.what);
      if (!markdown.empty()) markdown += "\n---\n";
      markdown += "**" + d.name + "**" + (d.label.empty() ? "" : " — " + d.label) + "\n\n";
      markdown += std::string(lang_ == Lang::zh ? w.zh : w.en) + " · " + std::string(lang_ == Lang::zh ? w.en : w.zh);
      if (!d.detail.empty()) markdown += " · `" + d.detail + "`";
      markdown += "\n\n" + say({"declared at ", "声明于 "}) + file_line(d.location) + "\n";
      if (const auto source = workspace_.text(d.location.file)) {
        markdown += "```zhunru\n" + declaration_text(*source, d.location) + "```\n";
      }
    }
  }
  for (const KeywordSpelling& k : keywords()) {
    if (*name != k.en && *name != k.zh) continue;
    if (!markdown.empty()) markdown += "\n---\n";
    markdown += say({"keyword", "关键字"}) + " `" + std::string(k.en) + "` · `" + std::string(k.zh) + "`\n";
    break;
  }
  if (markdown.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}}};
}

nlohmann::json Server::completion(const std::string& path) {
  Json items = Json::array();
  std::set<std::string> labels;
  const auto add = [&](const std::string& label, int kind, const std::string& detail, const std::string& insert) {
    if (!labels.insert(label).second) return;
    Json item{{"label", label}, {"kind", kind}, {"detail", detail}};
    if (insert != label) item["insertText"] = insert;
    items.push_back(std::move(item));
  };
  if (const auto* declared = workspace_.declarations(path)) {
    const auto rules = std::count_if(declared->begin(), declared->end(), [](const Declaration& d) { return d.what == "rule"; });
    for (const Declaration& d : *declared) {
      if (d.what == "rule" && rules > 1000) continue;  // a national list's ids would drown the rest
      const What w = what_of(d.what);
      const std::string kind = std::string(lang_ == Lang::zh ? w.zh : w.en);
      add(d.name, w.completion_kind, kind + (d.label.empty() ? "" : " " + d.label), d.name);
      // A Chinese label finds the name it stands for (化工项目 → chemical).
      if (!d.label.empty() && d.label != d.name) add(d.label, w.completion_kind, kind + " " + d.name, d.name);
    }
  }
  for (const KeywordSpelling& k : keywords()) {
    add(std::string(k.en), 14, std::string(k.zh), std::string(k.en));
    add(std::string(k.zh), 14, std::string(k.en), std::string(k.zh));
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

nlohmann::json Server::definition(const std::string& path, const Json& at) {
  const auto name = word(path, at);
  const auto* declared = workspace_.declarations(path);
  if (!name || !declared) return nullptr;
  Json locations = Json::array();
  std::set<std::pair<std::string, std::uint32_t>> seen;  // values of one fact share its place
  for (const Declaration& d : *declared) {
    if (d.name != *name || !seen.insert({d.location.file, d.location.line}).second) continue;
    const std::string text = workspace_.text(d.location.file).value_or("");
    locations.push_back({{"uri", uri_of_path(d.location.file)}, {"range", range_of(text, d.location)}});
  }
  if (locations.empty()) return nullptr;
  return locations;
}

nlohmann::json Server::formatting(const std::string& path) {
  const auto text = workspace_.text(path);
  if (!text) return nullptr;
  const FormatResult formatted = format_source({path, *text});
  if (!formatted.ok()) return nullptr;
  if (*formatted.text == *text) return Json::array();
  std::uint32_t last = 0;
  for (const char c : *text) last += c == '\n' ? 1 : 0;
  const std::string_view last_line = line_of(*text, last);
  return Json::array({{{"range", {{"start", {{"line", 0}, {"character", 0}}},
                                  {"end", {{"line", last}, {"character", utf16_column(last_line, static_cast<std::uint32_t>(last_line.size()))}}}}},
                       {"newText", *formatted.text}}});
}

void Server::reply(const Json& id, Json result) {
  write_message(out_, Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void Server::fail(const Json& id, int code, const LocalizedText& message) {
  write_message(out_, Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", say(message)}}}}
                          .dump(-1, ' ', false, Json::error_handler_t::replace));
}

void Server::notify(const std::string& method, Json params) {
  write_message(out_, Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}
                          .dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace zhunru::lsp
