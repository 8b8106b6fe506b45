#include "base/source_file.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zhunru {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string hex_bytes(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (!out.empty()) out += ' ';
    out += "0x";
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  return out;
}

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

void SourceFile::report_invalid_utf8(std::string_view raw, const std::vector<utf8::InvalidSequence>& invalid) {
  for (const auto& bad : invalid) {
    const auto line_it = std::upper_bound(line_starts_.begin(), line_starts_.end(), bad.output_offset);
    const auto line = static_cast<std::uint32_t>(line_it - line_starts_.begin());
    const std::size_t line_start = line_starts_[line - 1];
    const auto column = static_cast<std::uint32_t>(
        utf8::length(std::string_view(text_).substr(line_start, bad.output_offset - line_start)) + 1);
    const std::string shown = hex_bytes(raw.substr(bad.offset, bad.length));
    Diagnostic d;
    d.code = "encoding.invalid-utf8";
    d.location = SourceLocation{path_, line, column, line, column + 1};
    d.message = {"invalid UTF-8 (bytes " + shown + "); rule files must be saved as UTF-8",
                 "无效的 UTF-8 编码（字节 " + shown + "）；规则文件须以 UTF-8 保存"};
    d.help = {"if the file came from a GBK editor, convert it: iconv -f GBK -t UTF-8",
              "如果文件以 GBK 编码保存，请转换：iconv -f GBK -t UTF-8"};
    encoding_errors_.push_back(std::move(d));
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
