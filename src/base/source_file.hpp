// A source file held in memory: valid UTF-8 text and an index of its lines.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"
#include "base/utf8.hpp"
#include "zhunru/diagnostic.hpp"

namespace zhunru {

class SourceFile {
 public:
  /// Takes the file's raw bytes. A UTF-8 byte-order mark is dropped; invalid
  /// UTF-8 is replaced by U+FFFD and reported once per bad sequence.
  SourceFile(FileId id, std::string path, std::string_view bytes);

  [[nodiscard]] FileId id() const { return id_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] std::size_t line_count() const { return line_starts_.size(); }
  /// Line `line` (from 1) without its line break.
  [[nodiscard]] std::string_view line(std::uint32_t line) const;
  /// The location of `span` in this file, as the public API states it.
  [[nodiscard]] SourceLocation locate(const Span& span) const;
  /// Diagnostics for invalid UTF-8 found while loading.
  [[nodiscard]] const std::vector<Diagnostic>& encoding_errors() const { return encoding_errors_; }

 private:
  void index_lines();
  [[nodiscard]] Position position_of(std::size_t byte_offset) const;
  void report_invalid_utf8(std::string_view raw, const std::vector<utf8::InvalidSequence>& invalid);

  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::vector<Diagnostic> encoding_errors_;
};

/// Every file of a run, so a diagnostic can show the line it points at.
class SourceSet {
 public:
  const SourceFile& add(std::string path, std::string_view bytes);
  [[nodiscard]] const SourceFile* find(FileId id) const;
  [[nodiscard]] const SourceFile* find(std::string_view path) const;
  [[nodiscard]] std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;  // stable addresses
};

}  // namespace zhunru
