#include "maps/map_report.hpp"

namespace zhunru::maps {

MapReport::MapReport(std::string file, SourceLocation declared_at, std::size_t max_reported,
                     std::vector<Diagnostic>& diagnostics)
    : file_(std::move(file)), declared_at_(std::move(declared_at)), max_reported_(max_reported),
      diagnostics_(diagnostics) {}

MapReport::~MapReport() {
  if (held_back_ == 0) return;
  const std::string n = std::to_string(held_back_);
  Diagnostic d;
  d.severity = Severity::note;
  d.code = "map.more";
  d.location.file = file_;
  d.message = {n + " more feature problem(s) not shown", "另有 " + n + " 个要素问题未列出"};
  diagnostics_.push_back(std::move(d));
}

void MapReport::add(Severity severity, std::string code, LocalizedText message) {
  if (severity == Severity::error) failed_ = true;
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.location.file = file_;
  d.message = std::move(message);
  d.notes.push_back({declared_at_, {"the map is declared here", "地图在此声明"}});
  diagnostics_.push_back(std::move(d));
}

void MapReport::file(std::string code, LocalizedText message) { add(Severity::error, std::move(code), std::move(message)); }

void MapReport::feature(Severity severity, std::string code, std::size_t index, const std::string& label,
                        LocalizedText message) {
  if (severity == Severity::error) failed_ = true;
  if (reported_ >= max_reported_) {
    ++held_back_;
    return;
  }
  ++reported_;
  const std::string n = std::to_string(index);
  const std::string what = label.empty() ? "" : " (" + label + ")";
  add(severity, std::move(code), {"features[" + n + "]" + what + ": " + message.en,
                                  "features[" + n + "]" + what + "：" + message.zh});
}

}  // namespace zhunru::maps
