// `zhunru screen RULESET --input FILE|DIR|- [--output FILE|-] [--format ndjson|csv|geojson] …`:
// compiles once, judges every record on every core, writes one answer per
// record in input order; a summary (and, on a terminal, progress) on stderr.
// Exit 0; 2 when a record could not be judged or the input broke off;
// 3 with --fail-on when a record's verdict is that bad; 1 for rule errors.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "zhunru/screen.hpp"

namespace zhunru::cli {
namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

/// What a `.json` file holds, by its first bytes.
std::string json_file_format(const std::string& head) {
  const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && head[first] == '[') return "json";
  if (head.find("\"FeatureCollection\"") != std::string::npos) return "geojson";
  const auto end_of_line = head.find('\n', first);
  if (first == std::string::npos || end_of_line == std::string::npos) return "ndjson";  // one line, so far
  const bool whole_line = nlohmann::json::accept(std::string_view(head).substr(first, end_of_line - first));
  return whole_line ? "ndjson" : "json";
}

/// The input's format: as told, or by extension; a `.json` file by its first
/// bytes: a list, a FeatureCollection, one project a line (its first line a
/// whole JSON value), or else one project file, perhaps pretty-printed.
Expected<BatchInput, LocalizedText> input_format(const ScreenCliOptions& o, std::istream& in) {
  using R = Expected<BatchInput, LocalizedText>;
  std::string format = o.input_format;
  if (format.empty()) {
    const std::string ext = o.input == "-" ? ".ndjson" : lower_extension(o.input);
    if (ext == ".ndjson" || ext == ".jsonl") format = "ndjson";
    if (ext == ".csv") format = "csv";
    if (ext == ".geojson") format = "geojson";
    if (ext == ".json") {
      std::string head(4096, '\0');
      in.read(head.data(), static_cast<std::streamsize>(head.size()));
      head.resize(static_cast<std::size_t>(in.gcount()));
      in.clear();
      in.seekg(0);
      if (!in) {  // a pipe named *.json: what was read to look cannot be read again
        return R::failure({"cannot look into " + o.input + " to tell its format: name it with --input-format",
                           "无法预读 " + o.input + " 以判断格式：请用 --input-format 指明"});
      }
      format = json_file_format(head);
    }
  }
  if (format == "ndjson") return BatchInput::ndjson;
  if (format == "json") return BatchInput::json_array;
  if (format == "geojson") return BatchInput::geojson;
  if (format == "csv") return BatchInput::csv;
  return R::failure({"cannot tell the format of " + o.input + ": name it with --input-format ndjson|json|geojson|csv",
                     "无法判断 " + o.input + " 的格式：请用 --input-format ndjson|json|geojson|csv 指明"});
}

/// The project files of a directory: every `.json`, sorted by path.
std::vector<std::filesystem::path> project_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != decltype(it)(); it.increment(ec)) {
    if (it->is_regular_file(ec) && lower_extension(it->path()) == ".json") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// A progress line on a terminal, at most four times a second.
std::function<void(const ScreenProgress&)> progress_line(std::size_t total_bytes, Lang lang) {
  auto last = std::make_shared<double>(-1.0);
  return [total_bytes, lang, last](const ScreenProgress& p) {
    if (p.seconds - *last < 0.25) return;
    *last = p.seconds;
    const double rate = p.seconds > 0 ? static_cast<double>(p.records) / p.seconds : 0.0;
    std::string line = lang == Lang::zh ? fmt::format("已筛查 {} 条，每秒 {:.0f} 条", p.records, rate)
                                        : fmt::format("screened {} records, {:.0f}/s", p.records, rate);
    if (total_bytes > 0 && p.bytes_read > 0) {
      const double done = std::min(1.0, static_cast<double>(p.bytes_read) / static_cast<double>(total_bytes));
      const double eta = done > 0 ? p.seconds * (1.0 - done) / done : 0.0;
      line += lang == Lang::zh ? fmt::format("，{:.0f}%，预计还需 {:.0f} 秒", done * 100, eta)
                               : fmt::format(", {:.0f}%, ETA {:.0f} s", done * 100, eta);
    }
    std::cerr << "\r" << line << "\033[K" << std::flush;
  };
}

}  // namespace

int run_screen(const ScreenCliOptions& options, std::ostream& out, std::ostream& err) {
  const auto say = [&](const LocalizedText& message) { err << "zhunru screen: " << message.in(options.lang) << '\n'; };
  ScreenOptions screen_options;
  const auto as_of = parse_as_of(options.as_of);
  if (!as_of) {
    say(as_of.error());
    return kBadInput;
  }
  if (*as_of) screen_options.evaluate.as_of = **as_of;
  screen_options.limits.max_bytes = options.max_project_mib << 20;
  screen_options.threads = options.threads;
  screen_options.verdict_only = options.verdict_only;
  screen_options.lang = options.lang;
  screen_options.output = options.format == "csv" ? BatchOutput::csv
                          : options.format == "geojson" ? BatchOutput::geojson
                                                        : BatchOutput::ndjson;
  const bool directory = options.input != "-" && std::filesystem::is_directory(options.input);
  std::ifstream file;
  if (options.input != "-" && !directory) {
    file.open(options.input, std::ios::binary);
    if (!file) {
      say({"cannot read " + options.input, "无法读取 " + options.input});
      return kBadInput;
    }
  }
  std::istream& in = options.input == "-" ? std::cin : file;
  BatchInput format = BatchInput::ndjson;
  if (!directory) {
    const auto detected = input_format(options, in);
    if (!detected) {
      say(detected.error());
      return kBadInput;
    }
    format = *detected;
  }
  screen_options.input = format;

  const LoadedRuleset loaded = load_ruleset(options.ruleset, options.repair_maps, "screen", options.lang, err);
  if (!loaded.ruleset) return loaded.exit_code;

  std::ofstream output_file;
  if (options.output != "-") {
    output_file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!output_file) {
      say({"cannot write " + options.output, "无法写入 " + options.output});
      return kBadInput;
    }
  }
  std::ostream& sink = options.output == "-" ? out : output_file;
  const bool tty = !options.quiet && &err == &std::cerr && isatty(STDERR_FILENO) != 0;
  if (tty) {
    std::error_code ec;
    const auto size = directory || options.input == "-" ? 0 : std::filesystem::file_size(options.input, ec);
    screen_options.progress = progress_line(ec ? 0 : size, options.lang);
  }
  const auto summary = directory ? screen_files(*loaded.ruleset, project_files(options.input), sink, screen_options)
                                 : screen(*loaded.ruleset, in, sink, screen_options);
  if (tty) err << "\r\033[K";
  if (!summary) {
    say(summary.error().message);
    return kBadInput;
  }
  if (!options.quiet) err << to_text(*summary, options.lang);
  if (summary->stopped || summary->errors > 0) return kBadInput;
  const auto& v = summary->verdicts;
  const std::size_t rejects = v[static_cast<std::size_t>(Verdict::reject)];
  const std::size_t conditionals = v[static_cast<std::size_t>(Verdict::conditional)];
  if (options.fail_on == "reject" && rejects > 0) return kFindings;
  if (options.fail_on == "conditional" && rejects + conditionals > 0) return kFindings;
  return kSuccess;
}

}  // namespace zhunru::cli
