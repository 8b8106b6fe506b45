// The rulesets an editor works on. A document belongs to the nearest
// directory up (its own first) whose .rules files declare the ruleset
// (`ruleset "…"` / `清单 "…"`): the directory `zhunru check` would be given;
// with none, the file alone.
// It is compiled whole, open buffers read instead of their files, so a name
// declared in schema.rules is known while another file is edited. The
// declarations of the last version that compiled answer hover, completion
// and definitions while the text in between has errors.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhunru/ruleset.hpp"

namespace zhunru::lsp {

class Workspace {
 public:
  void open(const std::string& path, std::string text);
  void close(const std::string& path);
  /// An open document's text, else the file's (up to 64 MiB); nullopt when unreadable.
  [[nodiscard]] std::optional<std::string> text(const std::string& path) const;
  [[nodiscard]] bool is_open(const std::string& path) const { return open_.count(path) > 0; }

  struct Checked {
    std::string root;
    std::map<std::string, std::vector<Diagnostic>> by_file;  // every file with diagnostics, and those that had some
  };
  /// Compiles the ruleset `path` belongs to.
  Checked check(const std::string& path);

  /// What the ruleset of `path` declared when it last compiled (none before it has).
  [[nodiscard]] const std::vector<Declaration>* declarations(const std::string& path) const;

 private:
  std::string root_of(const std::string& path);

  std::map<std::string, std::string> open_;                        // path → text
  std::map<std::string, std::string> roots_;                       // path → its ruleset directory
  std::map<std::string, std::vector<Declaration>> declarations_;   // root → last good declarations
  std::map<std::string, std::set<std::string>> published_;         // root → files given diagnostics last time
};

}  // namespace zhunru::lsp
