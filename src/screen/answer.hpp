// One record's answer, and how each output format writes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "screen/record_reader.hpp"
#include "zhunru/decision.hpp"
#include "zhunru/screen.hpp"

namespace zhunru::batch {

struct Answer {
  const Record* record = nullptr;
  std::optional<std::string> id;             // the project's id (or name), when it gives one
  const Decision* decision = nullptr;        // when it was judged
  std::vector<ProjectError> errors;          // when it could not be
  const std::string* project_text = nullptr; // the project file it stood for, when there was one
};

/// Text written before the first answer and after the last (CSV header, the
/// FeatureCollection's brackets).
std::string output_header(BatchOutput format);
std::string output_footer(BatchOutput format);

/// Appends one answer in `format`; `first` tells the GeoJSON writer to leave out the comma.
void write_answer(std::string& out, const Answer& answer, const ScreenOptions& options, bool first);

/// The `id` (or else `name`) of a project file's `project` member, for a
/// record that could not be judged.
std::optional<std::string> project_id(std::string_view project_file, const ProjectLimits& limits);

}  // namespace zhunru::batch
