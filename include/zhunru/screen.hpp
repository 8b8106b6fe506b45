// Screening many projects against one compiled ruleset: a batch in, exactly
// one answer per record out, in input order — the same decision `evaluate`
// gives, or the errors that record alone had. Nothing is dropped and one bad
// record never stops the batch.
//
//   zhunru::ScreenOptions options;
//   options.input = zhunru::BatchInput::ndjson;
//   auto summary = zhunru::screen(*ruleset, std::cin, std::cout, options);
//   if (!summary) std::cerr << summary.error().message.en << '\n';
//   else std::cerr << zhunru::to_text(*summary, zhunru::Lang::en);
//
// Streaming: memory is bounded by the threads, never by the input's length.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhunru/decision.hpp"
#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/project.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

/// What a batch is (docs/screening.md):
///   ndjson      one project file (a JSON object) a line;
///   json_array  a JSON list of project files, or one project file alone (a batch of one);
///   geojson     a FeatureCollection: each feature's geometry is the site, its properties the facts;
///   csv         a header of fact names or their Chinese labels (and `site`, `lon`/`lat`, `units`,
///               `id`, `name`), then one project a row.
enum class BatchInput { ndjson, json_array, geojson, csv };

/// ndjson: one record a line (a decision, or `errors`); csv: one row a
/// record; geojson: a FeatureCollection, one feature a record.
enum class BatchOutput { ndjson, csv, geojson };

struct ScreenProgress {
  std::size_t records = 0;      // answered so far
  std::size_t bytes_read = 0;   // of the input
  double seconds = 0.0;         // since screening began
};

struct ScreenOptions {
  EvaluateOptions evaluate;     // as_of; `findings` is set from verdict_only
  ProjectLimits limits;         // per record
  BatchInput input = BatchInput::ndjson;
  BatchOutput output = BatchOutput::ndjson;
  unsigned threads = 0;         // 0: every core
  /// Verdicts, missing facts and units only: no findings, traces or scores.
  bool verdict_only = false;
  /// Language of the CSV `error` column (NDJSON and GeoJSON carry both).
  Lang lang = Lang::en;
  /// Called in input order as answers are written, about every 256 records.
  std::function<void(const ScreenProgress&)> progress;
};

/// What a batch came to.
struct ScreenSummary {
  std::size_t records = 0;                     // answered: one per input record
  std::size_t errors = 0;                      // records that could not be judged
  std::array<std::size_t, 4> verdicts{};       // by Verdict
  /// Rules by how many records violated them, then facts by how many records
  /// lacked them; most first, ties by name. Empty for violated with verdict_only.
  std::vector<std::pair<std::string, std::size_t>> violated;
  std::vector<std::pair<std::string, std::size_t>> missing;
  /// Set when the input broke off where no record could be told from the
  /// next (a JSON list cut short): the records before it were answered.
  std::optional<ProjectError> stopped;
  double seconds = 0.0;
};

/// Why a batch could not be screened at all (a CSV header naming no fact,
/// an unreadable file). `code` is stable (docs/errors.md).
struct ScreenError {
  std::string code;
  LocalizedText message;
};

inline std::string describe_error(const ScreenError& error) { return error.code + ": " + error.message.en; }

/// Screens the batch read from `input` and writes one answer per record to
/// `output`. The ruleset is compiled once by the caller; records are judged
/// on `threads` threads, answers written in input order.
Expected<ScreenSummary, ScreenError> screen(const Ruleset& ruleset, std::istream& input, std::ostream& output,
                                            const ScreenOptions& options);

/// Screens project files, one record each, in the order given.
Expected<ScreenSummary, ScreenError> screen_files(const Ruleset& ruleset,
                                                  const std::vector<std::filesystem::path>& files,
                                                  std::ostream& output, const ScreenOptions& options);

/// The summary for a person: verdict counts, the rules most violated, the
/// facts most missing, errors.
std::string to_text(const ScreenSummary& summary, Lang lang);

}  // namespace zhunru
