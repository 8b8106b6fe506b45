// The end-of-batch summary a person reads (on stderr, after the answers).
#include <fmt/format.h>

#include "zhunru/screen.hpp"

namespace zhunru {
namespace {

constexpr std::size_t kShown = 5;

std::string top(const std::vector<std::pair<std::string, std::size_t>>& counts) {
  std::string out;
  for (std::size_t i = 0; i < counts.size() && i < kShown; ++i) {
    out += fmt::format("{}{} ×{}", i == 0 ? "" : ", ", counts[i].first, counts[i].second);
  }
  return out;
}

}  // namespace

std::string to_text(const ScreenSummary& s, Lang lang) {
  const bool zh = lang == Lang::zh;
  const double rate = s.seconds > 0 ? static_cast<double>(s.records) / s.seconds : 0.0;
  std::string out = zh ? fmt::format("已筛查 {} 条记录，用时 {:.2f} 秒（每秒 {:.0f} 条）\n", s.records, s.seconds, rate)
                       : fmt::format("screened {} records in {:.2f} s ({:.0f}/s)\n", s.records, s.seconds, rate);
  for (std::size_t v = 0; v < s.verdicts.size(); ++v) {
    const auto verdict = static_cast<Verdict>(v);
    out += zh ? fmt::format("  {}：{}\n", name_zh(verdict), s.verdicts[v])
              : fmt::format("  {}: {}\n", name_of(verdict), s.verdicts[v]);
  }
  out += zh ? fmt::format("  无法判定（输入错误）：{}\n", s.errors) : fmt::format("  not judged (input errors): {}\n", s.errors);
  if (!s.violated.empty()) {
    out += zh ? "  违反最多的规则：" + top(s.violated) + "\n" : "  rules most violated: " + top(s.violated) + "\n";
  }
  if (!s.missing.empty()) {
    out += zh ? "  最常缺少的事实：" + top(s.missing) + "\n" : "  facts most missing: " + top(s.missing) + "\n";
  }
  if (s.stopped) {
    out += zh ? "  输入中断，其后的内容无法读取：" + s.stopped->message.zh + "\n"
              : "  the input broke off; nothing after this could be read: " + s.stopped->message.en + "\n";
  }
  return out;
}

}  // namespace zhunru
