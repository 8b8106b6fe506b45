#include "lsp/workspace.hpp"

#include <fstream>
#include <iterator>

namespace zhunru::lsp {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kMaxFile = std::size_t{64} << 20;
// A ruleset's files lie in its directory or a level or two below (districts/,
// units/): looking further up would take in unrelated lists.
constexpr int kLevelsUp = 3;

/// Whether `text` declares a ruleset: a line beginning `ruleset "` or `清单 "`.
bool declares_ruleset(const std::string& text) {
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.starts_with("ruleset ") || line.starts_with("清单 ") || line.starts_with("清单\"") ||
        line.starts_with("ruleset\"")) {
      return true;
    }
    at = end + 1;
  }
  return false;
}

std::optional<std::string> read_bounded(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string out;
  out.resize(kMaxFile + 1);
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  if (out.size() > kMaxFile) return std::nullopt;
  return out;
}

}  // namespace

void Workspace::open(const std::string& path, std::string text) { open_[path] = std::move(text); }

void Workspace::close(const std::string& path) { open_.erase(path); }

std::optional<std::string> Workspace::text(const std::string& path) const {
  if (const auto it = open_.find(path); it != open_.end()) return it->second;
  return read_bounded(path);
}

std::string Workspace::root_of(const std::string& path) {
  if (const auto it = roots_.find(path); it != roots_.end()) return it->second;
  // No ruleset declared up the tree: the file is checked alone (never a
  // whole home directory's .rules files).
  std::string root = path;
  fs::path dir = fs::path(path).parent_path();
  for (int up = 0; up < kLevelsUp && !dir.empty(); ++up) {
    std::error_code ec;
    bool found = false;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end && !found; it.increment(ec)) {
      if (it->path().extension() != ".rules") continue;
      const auto text = this->text(it->path().string());
      found = text && declares_ruleset(*text);
    }
    if (found) {
      root = dir.string();
      break;
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  roots_[path] = root;
  return root;
}

Workspace::Checked Workspace::check(const std::string& path) {
  Checked out;
  out.root = root_of(path);
  CompileOptions options;
  const std::string prefix = (fs::path(out.root) / "").string();
  for (const auto& [open_path, text] : open_) {
    if (open_path == out.root || open_path.starts_with(prefix)) options.unsaved.push_back({open_path, text});
  }
  // A new file not yet saved, alone: only its buffer exists.
  std::error_code ec;
  const bool unsaved_alone = out.root == path && !fs::exists(path, ec) && is_open(path);
  const CompileResult result =
      unsaved_alone ? compile_sources({{path, open_.at(path)}}, options) : compile_directory(out.root, options);
  std::set<std::string>& before = published_[out.root];
  for (const std::string& file : before) out.by_file[file];  // cleared unless they still have some
  before.clear();
  for (const Diagnostic& d : result.diagnostics) {
    // A diagnostic about the directory itself (it cannot be read) goes to the document.
    const std::string file = d.location.file.empty() || d.location.file == out.root ? path : d.location.file;
    out.by_file[file].push_back(d);
    before.insert(file);
  }
  out.by_file[path];  // the document edited always gets its list, empty or not
  if (result.ok()) declarations_[out.root] = result.ruleset->declarations();
  return out;
}

const std::vector<Declaration>* Workspace::declarations(const std::string& path) const {
  const auto root = roots_.find(path);
  if (root == roots_.end()) return nullptr;
  const auto it = declarations_.find(root->second);
  return it == declarations_.end() ? nullptr : &it->second;
}

}  // namespace zhunru::lsp
