#include "maps/map_report.hpp"

#include <algorithm>

namespace zhunru::maps {

MapReport::MapReport(std::string file, SourceLocation declared_at, std::size_t max_reported,
                     std::vector<Diagnostic>& diagnostics)
    : file_(std::move(file)), declared_at_(std::move(declared_at)), max_reported_(max_reported),
      diagnostics_(diagnostics) {}

MapReport::~MapReport() {
  std::stable_sort(features_.begin(), features_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::size_t shown = std::min(features_.size(), max_reported_);
  for (std::size_t i = 0; i < shown; ++i) diagnostics_.push_back(std::move(features_[i].second));
  if (shown == features_.size()) return;
  const std::string n = std::to_string(features_.size() - shown);
  // A hidden error must still fail the compile: the summary carries it.
  const bool hidden_error = std::any_of(features_.begin() + static_cast<std::ptrdiff_t>(shown), features_.end(),
                                        [](const auto& f) { return f.second.severity == Severity::error; });
  Diagnostic d;
  d.severity = hidden_error ? Severity::error : Severity::note;
  d.code = "map.more";
  d.location.file = file_;
  d.message = {n + " more feature problem(s) not shown", "另有 " + n + " 个要素问题未列出"};
  diagnostics_.push_back(std::move(d));
}

Diagnostic MapReport::make(Severity severity, std::string code, LocalizedText message) const {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.location.file = file_;
  d.message = std::move(message);
  d.notes.push_back({declared_at_, {"the map is declared here", "地图在此声明"}});
  return d;
}

void MapReport::file(std::string code, LocalizedText message) {
  failed_ = true;
  diagnostics_.push_back(make(Severity::error, std::move(code), std::move(message)));
}

void MapReport::feature(Severity severity, std::string code, std::size_t index, const std::string& label,
                        LocalizedText message) {
  if (severity == Severity::error) failed_ = true;
  const std::string n = std::to_string(index);
  const std::string what = label.empty() ? "" : " (" + label + ")";
  const std::string what_zh = label.empty() ? "" : "（" + label + "）";
  features_.emplace_back(index, make(severity, std::move(code),
                                     {"features[" + n + "]" + what + ": " + message.en,
                                      "features[" + n + "]" + what_zh + "：" + message.zh}));
}

}  // namespace zhunru::maps
