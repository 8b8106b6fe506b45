// The screening pipeline (oneTBB parallel_pipeline): records are read in
// chunks by one thread, judged on every thread, and written by one thread in
// input order. At most `tokens` chunks are in flight, so memory is bounded
// by the threads, whatever the length of the input.
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <map>
#include <ostream>
#include <thread>

#include "screen/answer.hpp"
#include "screen/record_reader.hpp"
#include "zhunru/screen.hpp"

namespace zhunru {
namespace {

using batch::Answer;
using batch::Record;
using batch::RecordReader;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kChunkRecords = 256;
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

/// What a chunk of answers adds to the summary.
struct Tally {
  std::array<std::size_t, 4> verdicts{};
  std::size_t errors = 0;
  std::map<std::string, std::size_t> violated;
  std::map<std::string, std::size_t> missing;

  void add(const Tally& other) {
    for (std::size_t i = 0; i < verdicts.size(); ++i) verdicts[i] += other.verdicts[i];
    errors += other.errors;
    for (const auto& [k, n] : other.violated) violated[k] += n;
    for (const auto& [k, n] : other.missing) missing[k] += n;
  }
};

struct Chunk {
  std::vector<Record> records;
  std::size_t bytes_read = 0;
  std::string output;
  Tally tally;
};
using ChunkPtr = std::shared_ptr<Chunk>;

/// Judges one record; the answer is appended to the chunk's output.
void judge(const Ruleset& ruleset, const RecordReader& reader, const Record& record, const ScreenOptions& options,
           EvaluateOptions evaluate_options, Chunk& chunk, bool first) {
  Answer answer;
  answer.record = &record;
  std::string text;
  std::optional<Decision> decision;
  try {
    if (record.error) {
      answer.errors.push_back(*record.error);
    } else if (auto project_text = reader.project_text(record); !project_text) {
      answer.errors.push_back(project_text.error());
    } else {
      text = std::move(project_text).value();
      answer.project_text = &text;
      const ProjectResult project = load_project_json(ruleset, text, options.limits);
      if (!project) {
        answer.errors = project.error();
      } else if (auto d = evaluate(ruleset, *project, evaluate_options); !d) {
        answer.errors.push_back({d.error().code, "", d.error().message});
      } else {
        decision = std::move(d).value();
        answer.decision = &*decision;
      }
    }
    if (decision && !decision->project_id.empty()) {
      answer.id = decision->project_id;
    } else if (!decision) {
      answer.id = batch::project_id(text, options.limits);
    }
  } catch (const std::exception& e) {  // never lose the batch to one record
    answer.decision = nullptr;
    answer.errors = {{"internal", "", {std::string("internal error: ") + e.what(), std::string("内部错误：") + e.what()}}};
  }
  if (!answer.id) answer.id = reader.id_of(record);
  const std::size_t mark = chunk.output.size();
  try {
    batch::write_answer(chunk.output, answer, options, first);
  } catch (const std::exception& e) {  // the record still gets its one answer: why it has no other
    chunk.output.resize(mark);
    answer.decision = nullptr;
    answer.errors = {{"internal", "", {std::string("internal error: ") + e.what(), std::string("内部错误：") + e.what()}}};
    batch::write_answer(chunk.output, answer, options, first);
  }
  if (!answer.decision) {
    ++chunk.tally.errors;
    return;
  }
  ++chunk.tally.verdicts[static_cast<std::size_t>(decision->verdict)];
  for (const std::string& m : decision->missing) ++chunk.tally.missing[m];
  for (const Finding& f : decision->findings) {
    if (f.status == Status::violated) ++chunk.tally.violated[f.rule];
  }
}

std::vector<std::pair<std::string, std::size_t>> most_first(const std::map<std::string, std::size_t>& counts) {
  std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

Expected<ScreenSummary, ScreenError> run(const Ruleset& ruleset, RecordReader& reader, std::ostream& out,
                                         const ScreenOptions& options) {
  using R = Expected<ScreenSummary, ScreenError>;
  const auto started = Clock::now();
  EvaluateOptions evaluate_options = options.evaluate;
  evaluate_options.findings = !options.verdict_only;
  const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  out << batch::output_header(options.output);
  std::size_t next_number = 1;
  std::size_t answered = 0;
  std::atomic<bool> write_failed = false;  // set by the writer, read by the reader
  Tally tally;
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        2 * threads + 2,
        tbb::make_filter<void, ChunkPtr>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& control) -> ChunkPtr {
              auto chunk = std::make_shared<Chunk>();
              std::size_t bytes = 0;
              while (!write_failed && chunk->records.size() < kChunkRecords && bytes < kChunkBytes) {
                Record record;
                record.number = next_number;
                if (!reader.next(record)) break;
                ++next_number;
                bytes += record.text.size() + 64;
                chunk->records.push_back(std::move(record));
              }
              chunk->bytes_read = reader.bytes_read();
              if (chunk->records.empty()) control.stop();
              return chunk;
            }) &
            tbb::make_filter<ChunkPtr, ChunkPtr>(tbb::filter_mode::parallel,
                                                 [&](ChunkPtr chunk) {
                                                   for (const Record& r : chunk->records) {
                                                     judge(ruleset, reader, r, options, evaluate_options, *chunk,
                                                           r.number == 1);
                                                   }
                                                   return chunk;
                                                 }) &
            tbb::make_filter<ChunkPtr, void>(tbb::filter_mode::serial_in_order, [&](ChunkPtr chunk) {
              out << chunk->output;
              if (!out) write_failed = true;
              answered += chunk->records.size();
              tally.add(chunk->tally);
              if (options.progress) {
                const std::chrono::duration<double> elapsed = Clock::now() - started;
                options.progress({answered, chunk->bytes_read, elapsed.count()});
              }
            }));
  });
  out << batch::output_footer(options.output);
  out.flush();
  if (write_failed || !out) {
    return R::failure({"io.write", {"could not write the answers (disk full, or the reader went away)",
                                    "无法写出结果（磁盘已满，或读取方已关闭）"}});
  }
  ScreenSummary summary;
  summary.records = answered;
  summary.errors = tally.errors;
  summary.verdicts = tally.verdicts;
  summary.violated = most_first(tally.violated);
  summary.missing = most_first(tally.missing);
  summary.stopped = reader.stopped();
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return summary;
}

}  // namespace

Expected<ScreenSummary, ScreenError> screen(const Ruleset& ruleset, std::istream& input, std::ostream& output,
                                            const ScreenOptions& options) {
  switch (options.input) {
    case BatchInput::ndjson: return run(ruleset, *batch::ndjson_reader(input, options.limits), output, options);
    case BatchInput::json_array:
      return run(ruleset, *batch::json_list_reader(input, options.limits, false), output, options);
    case BatchInput::geojson:
      return run(ruleset, *batch::json_list_reader(input, options.limits, true), output, options);
    case BatchInput::csv: {
      auto reader = batch::csv_reader(input, ruleset, options.limits);
      if (!reader) return Expected<ScreenSummary, ScreenError>::failure(reader.error());
      return run(ruleset, **reader, output, options);
    }
  }
  return Expected<ScreenSummary, ScreenError>::failure({"internal", {"unknown input format", "未知的输入格式"}});
}

Expected<ScreenSummary, ScreenError> screen_files(const Ruleset& ruleset,
                                                  const std::vector<std::filesystem::path>& files,
                                                  std::ostream& output, const ScreenOptions& options) {
  return run(ruleset, *batch::file_list_reader(files, options.limits), output, options);
}

}  // namespace zhunru
