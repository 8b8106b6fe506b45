// Readers of a batch: each cuts its input into records and, on any thread,
// turns a record into the project file it stands for. Reading is serial and
// streaming; turning into a project is const and runs in parallel.
#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "zhunru/expected.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"
#include "zhunru/screen.hpp"

namespace zhunru::batch {

struct Record {
  std::size_t number = 0;              // 1-based position in the batch
  std::size_t line = 0;                // where it starts in the input; 0 when not line-based
  std::string text;                    // a project file, a GeoJSON feature (JSON text)
  std::vector<std::string> fields;     // a CSV row
  std::string file;                    // a project file of a list: its path
  std::optional<ProjectError> error;   // the reader's own refusal: a malformed line, a record too large
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  /// Reads the next record into `record` (its number already set); false at the end.
  virtual bool next(Record& record) = 0;
  /// The project file a record stands for (its `text` when it is one). Thread-safe.
  [[nodiscard]] virtual Expected<std::string, ProjectError> project_text(const Record& record) const {
    return record.text;
  }
  /// The record's id when its project file could not be made (a CSV row's `id` column). Thread-safe.
  [[nodiscard]] virtual std::optional<std::string> id_of(const Record&) const { return std::nullopt; }
  [[nodiscard]] virtual std::size_t bytes_read() const = 0;
  /// Set when the input broke off where records can no longer be told apart.
  [[nodiscard]] const std::optional<ProjectError>& stopped() const { return stopped_; }

 protected:
  std::optional<ProjectError> stopped_;
};

std::unique_ptr<RecordReader> ndjson_reader(std::istream& in, const ProjectLimits& limits);
/// A JSON list of project files, or (`features`) a GeoJSON FeatureCollection.
std::unique_ptr<RecordReader> json_list_reader(std::istream& in, const ProjectLimits& limits, bool features);
/// Reads the header first: a column that is neither a fact (by name or
/// label) nor one of the reserved columns is refused before any row is read.
Expected<std::unique_ptr<RecordReader>, ScreenError> csv_reader(std::istream& in, const Ruleset& ruleset,
                                                                const ProjectLimits& limits);
std::unique_ptr<RecordReader> file_list_reader(std::vector<std::filesystem::path> files, const ProjectLimits& limits);

/// "record too large" for a record over `max_bytes`.
ProjectError too_large(std::size_t max_bytes);

}  // namespace zhunru::batch
