#include "diagnostics/render.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <vector>

#include "base/utf8.hpp"

namespace zhunru {
namespace {

constexpr std::size_t kMaxShownWidth = 120;

std::string_view severity_word(Severity s, Lang lang) {
  switch (s) {
    case Severity::error: return lang == Lang::zh ? "错误" : "error";
    case Severity::warning: return lang == Lang::zh ? "警告" : "warning";
    case Severity::note: return lang == Lang::zh ? "注" : "note";
  }
  return "";
}

std::string header(const SourceLocation& at, std::string_view severity, const std::string& message) {
  if (at.line == 0) return fmt::format("{}: {}: {}\n", at.file, severity, message);
  return fmt::format("{}:{}:{}: {}: {}\n", at.file, at.line, at.column, severity, message);
}

// A source line measured once: where each code point starts, and whether
// it fits a terminal. Diagnostics come sorted by line, so render_all keeps
// the last line's measure — 90,000 warnings on one 800 KB line (a hostile
// region list) measure it once, not once each.
struct MeasuredLine {
  const SourceFile* file = nullptr;
  std::uint32_t number = 0;
  std::string_view text;
  std::vector<std::size_t> starts;  // byte offset of each code point, then the line's size
  bool fits = true;                 // display width within kMaxShownWidth

  MeasuredLine() = default;
  MeasuredLine(const SourceFile& f, std::uint32_t n) : file(&f), number(n), text(f.line(n)) {
    for (std::size_t pos = 0; pos < text.size();) {
      starts.push_back(pos);
      utf8::next(text, pos);
    }
    starts.push_back(text.size());
    fits = utf8::display_width(text) <= kMaxShownWidth;
  }
  [[nodiscard]] std::size_t length() const { return starts.size() - 1; }
};

// The code points [first, last) of the line that fit a terminal. Long lines
// are cut around the caret.
struct Window {
  std::size_t first = 0;
  std::size_t last = 0;
};

Window window_around(const MeasuredLine& line, std::size_t caret) {
  if (line.fits) return {0, line.length()};
  // Code points, and a Chinese character takes two columns: show about 60
  // columns of context before the caret and 60 after.
  const std::size_t before = kMaxShownWidth / 4;
  const std::size_t first = std::min(caret > before ? caret - before : 0, line.length());
  return {first, std::min(line.length(), first + kMaxShownWidth / 2)};
}

// The source line and a caret line under the located range. The caret line
// copies tabs and matches the display width of wide characters.
std::string excerpt(const SourceLocation& at, const MeasuredLine& line) {
  const std::size_t begin = at.column > 0 ? at.column - 1 : 0;
  const std::size_t end = at.end_line == at.line && at.end_column > at.column ? at.end_column - 1 : begin + 1;
  const Window w = window_around(line, begin);
  const std::size_t from = line.starts[w.first];
  const std::string_view shown = line.text.substr(from, line.starts[w.last] - from);

  std::string marks;
  std::size_t index = w.first;
  for (std::size_t pos = 0; pos < shown.size(); ++index) {
    const char32_t cp = utf8::next(shown, pos);
    if (index >= end) break;
    const bool marked = index >= begin;
    const int width = utf8::display_width(cp);
    if (cp == '\t') marks += marked ? '^' : '\t';
    else marks.append(static_cast<std::size_t>(width), marked ? '^' : ' ');
  }
  if (begin >= index) {  // the location is at or past the end of the line
    marks.append(begin - index, ' ');
    marks += '^';
  }

  const std::string number = std::to_string(at.line);
  const std::string gutter(number.size(), ' ');
  const std::string left = w.first > 0 ? "…" : "";
  const std::string right = w.last < line.length() ? "…" : "";
  return fmt::format(" {} | {}{}{}\n {} | {}{}\n", number, left, shown, right, gutter, left.empty() ? "" : " ", marks);
}

// `d`, measuring its line anew unless `line` already holds it.
std::string render_with(const Diagnostic& d, const SourceSet& sources, Lang lang, MeasuredLine& line) {
  std::string out = header(d.location, severity_word(d.severity, lang), d.message.in(lang));
  const SourceFile* file = sources.find(d.location.file);
  if (file != nullptr && d.location.line > 0 && d.location.line <= file->line_count()) {
    if (line.file != file || line.number != d.location.line) line = MeasuredLine(*file, d.location.line);
    out += excerpt(d.location, line);
  }
  if (!d.help.in(lang).empty()) out += fmt::format("  {}: {}\n", lang == Lang::zh ? "提示" : "help", d.help.in(lang));
  for (const DiagnosticNote& n : d.notes) out += header(n.location, severity_word(Severity::note, lang), n.message.in(lang));
  return out;
}

}  // namespace

std::string render(const Diagnostic& d, const SourceSet& sources, Lang lang) {
  MeasuredLine line;
  return render_with(d, sources, lang, line);
}

std::string render_all(const std::vector<Diagnostic>& diagnostics, const SourceSet* sources, Lang lang) {
  const SourceSet none;
  MeasuredLine line;
  std::string out;
  for (const Diagnostic& d : diagnostics) out += render_with(d, sources ? *sources : none, lang, line);
  return out;
}

}  // namespace zhunru
