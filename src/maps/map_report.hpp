// Diagnostics about one map file: each names the file, the feature (index
// and code or name) and the reason, with a note at the declaration that
// brought the map in. Feature problems come out in feature order (whichever
// check found them) when the report ends; after `max_reported`, one summary.
#pragma once

#include <string>
#include <vector>

#include "zhunru/diagnostic.hpp"

namespace zhunru::maps {

class MapReport {
 public:
  MapReport(std::string file, SourceLocation declared_at, std::size_t max_reported,
            std::vector<Diagnostic>& diagnostics);
  ~MapReport();
  MapReport(const MapReport&) = delete;
  MapReport& operator=(const MapReport&) = delete;

  /// About the file as a whole.
  void file(std::string code, LocalizedText message);
  /// About feature `index` (labelled `label`, may be empty).
  void feature(Severity severity, std::string code, std::size_t index, const std::string& label, LocalizedText message);

  [[nodiscard]] const std::string& path() const { return file_; }
  [[nodiscard]] bool failed() const { return failed_; }

 private:
  Diagnostic make(Severity severity, std::string code, LocalizedText message) const;

  std::string file_;
  SourceLocation declared_at_;
  std::size_t max_reported_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<std::pair<std::size_t, Diagnostic>> features_;   // by feature index, flushed at the end
  bool failed_ = false;
};

}  // namespace zhunru::maps
