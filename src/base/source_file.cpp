#include "base/source_file.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zhunru {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

}  // namespace

SourceFile::SourceFile(FileId id, std::string path, std::string_view bytes) : id_(id), path_(std::move(path)) {
  const std::string_view raw = bytes.substr(bytes.starts_with(kBom) ? kBom.size() : 0);
  std::vector<utf8::InvalidSequence> invalid;
  text_ = utf8::repair(raw, invalid);
  index_lines();
  report_invalid_utf8(raw, invalid);
}

void SourceFile::index_lines() {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Position SourceFile::position_of(std::size_t offset) const {
  const auto line_it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(line_it - line_starts_.begin());
  const std::size_t line_start = line_starts_[line - 1];
  const auto column =
      static_cast<std::uint32_t>(utf8::length(std::string_view(text_).substr(line_start, offset - line_start)) + 1);
  return {line, column};
}

// One error per run of bad bytes on a line: text saved as GBK turns each
// Chinese word into several invalid sequences, but it is one mistake.
void SourceFile::report_invalid_utf8(std::string_view raw, const std::vector<utf8::InvalidSequence>& invalid) {
  constexpr std::size_t kNearby = 4;  // bytes of valid text that may sit inside one run
  for (std::size_t i = 0; i < invalid.size();) {
    std::size_t j = i + 1;
    const Position begin = position_of(invalid[i].output_offset);
    while (j < invalid.size() && position_of(invalid[j].output_offset).line == begin.line &&
           invalid[j].offset <= invalid[j - 1].offset + invalid[j - 1].length + kNearby) {
      ++j;
    }
    const auto& last = invalid[j - 1];
    const Position end = position_of(last.output_offset);
    const std::string shown = utf8::hex_bytes(raw.substr(invalid[i].offset, last.offset + last.length - invalid[i].offset));
    Diagnostic d;
    d.code = "encoding.invalid-utf8";
    d.location = SourceLocation{path_, begin.line, begin.column, end.line, end.column + 1};
    d.message = {"invalid UTF-8 (bytes " + shown + "); rule files must be saved as UTF-8",
                 "无效的 UTF-8 编码（字节 " + shown + "）；规则文件须以 UTF-8 保存"};
    d.help = {"if the file came from a GBK editor, convert it: iconv -f GBK -t UTF-8",
              "如果文件以 GBK 编码保存，请转换：iconv -f GBK -t UTF-8"};
    encoding_errors_.push_back(std::move(d));
    i = j;
  }
}

std::string_view SourceFile::line(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

SourceLocation SourceFile::locate(const Span& span) const {
  return SourceLocation{path_, span.begin.line, span.begin.column, span.end.line, span.end.column};
}

const SourceFile& SourceSet::add(std::string path, std::string_view bytes) {
  files_.push_back(std::make_unique<SourceFile>(static_cast<FileId>(files_.size()), std::move(path), bytes));
  return *files_.back();
}

const SourceFile* SourceSet::find(FileId id) const { return id < files_.size() ? files_[id].get() : nullptr; }

const SourceFile* SourceSet::find(std::string_view path) const {
  const auto it = std::find_if(files_.begin(), files_.end(), [&](const auto& f) { return f->path() == path; });
  return it == files_.end() ? nullptr : it->get();
}

}  // namespace zhunru
