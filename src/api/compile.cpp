// compile_directory / compile_sources: the whole pipeline, sources → parse →
// check → lower → index, returning diagnostics instead of throwing.
#include <algorithm>
#include <deque>

#include "api/content_hash.hpp"
#include "api/ruleset_data.hpp"
#include "base/file_io.hpp"
#include "base/side_by_side.hpp"
#include "base/source_file.hpp"
#include "check/check.hpp"
#include "diagnostics/render.hpp"
#include "maps/load_maps.hpp"
#include "syntax/parse.hpp"

namespace zhunru {
namespace {

Diagnostic file_error(const std::string& path, LocalizedText message) {
  Diagnostic d;
  d.code = "io.read";
  d.location.file = path;
  d.message = std::move(message);
  return d;
}

std::size_t count_rules(const ast::File& file) {
  std::size_t n = 0;
  for (const ast::Item& item : file.items) {
    if (const auto* tier = std::get_if<ast::TierBlock>(&item)) {
      for (const ast::Section& s : tier->sections) n += s.rules.size();
    }
  }
  return n;
}

/// A map or a reference table among in-memory sources: read when declared, never parsed as rules.
bool is_data_path(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".geojson" || ext == ".json" || ext == ".csv";
}

/// The directory of the sources named: their common parent.
std::filesystem::path common_parent(const std::vector<SourceText>& sources) {
  std::optional<std::filesystem::path> common;
  for (const SourceText& s : sources) {
    if (is_data_path(s.path)) continue;
    const auto dir = std::filesystem::path(s.path).lexically_normal().parent_path();
    if (!common) {
      common = dir;
      continue;
    }
    std::filesystem::path shared;
    for (auto a = common->begin(), b = dir.begin(); a != common->end() && b != dir.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    common = shared;
  }
  return common.value_or(std::filesystem::path());
}

/// Map files read from disk under `root`; a symlink may not lead outside it.
maps::MapFiles disk_maps(const std::filesystem::path& root) {
  return [root](const std::filesystem::path& relative) -> Expected<std::string, LocalizedText> {
    const auto path = root / relative;
    std::error_code ec_path;
    std::error_code ec_root;
    const auto real = std::filesystem::weakly_canonical(path, ec_path);
    const auto real_root = std::filesystem::weakly_canonical(root, ec_root);
    if (ec_path || ec_root) {  // cannot tell where it leads: refuse rather than read blindly
      const std::string why = (ec_path ? ec_path : ec_root).message();
      return Expected<std::string, LocalizedText>::failure(
          {"cannot tell where " + path.generic_string() + " leads: " + why,
           "无法确定 " + path.generic_string() + " 指向何处：" + why});
    }
    const auto inside = real.lexically_relative(real_root);
    if (inside.empty() || *inside.begin() == "..") {
      return Expected<std::string, LocalizedText>::failure(
          {path.generic_string() + " leads outside the ruleset directory", path.generic_string() + " 指向清单目录之外"});
    }
    return read_file(path, maps::kMaxMapBytes);
  };
}

/// Map files among in-memory sources.
maps::MapFiles memory_maps(const std::vector<SourceText>& sources, const std::filesystem::path& root) {
  return [&sources, root](const std::filesystem::path& relative) -> Expected<std::string, LocalizedText> {
    const auto wanted = (root / relative).lexically_normal();
    for (const SourceText& s : sources) {
      if (std::filesystem::path(s.path).lexically_normal() == wanted) return s.text;
    }
    return Expected<std::string, LocalizedText>::failure(
        {wanted.generic_string() + " is not among the sources given", wanted.generic_string() + " 不在所给的源中"});
  };
}

syntax::ParseOptions parse_options_of(const CompileOptions& options) {
  syntax::ParseOptions parse_options;
  parse_options.max_errors = options.max_errors;
  return parse_options;
}

/// Frees a file's rules — its tier blocks keep their headers — and its
/// condition arena when nothing else of the file refers to it; its
/// declarations stay for the checker, which parses the file again for its
/// rules (CheckOptions::whole_file).
void keep_headers(ast::File& file) {
  bool declarations = false;
  for (ast::Item& item : file.items) {
    if (auto* tier = std::get_if<ast::TierBlock>(&item)) std::vector<ast::Section>().swap(tier->sections);
    else declarations = true;
  }
  if (!declarations) std::vector<ast::Expr>().swap(file.exprs);
}

/// A file parsed for its diagnostics, its declarations and its tier headers.
struct ParsedHeaders {
  syntax::ParseResult parsed;
  std::size_t rules = 0;
};

/// Every file parsed, on all cores: files are independent until checking,
/// and a national list is hundreds of files. Results stay in file order, so
/// diagnostics come out the same whatever the scheduling. Each file's rules
/// are freed as soon as they are counted: at national scale the rules of
/// every file together are gigabytes, and touching fresh memory is most of
/// the time a compile takes; the checker parses one file at a time again.
std::vector<ParsedHeaders> parse_all(const SourceSet& sources, const CompileOptions& options) {
  std::vector<ParsedHeaders> parsed(sources.size());
  const syntax::ParseOptions parse_options = parse_options_of(options);
  for_each_index(sources.size(), [&](std::size_t id) {
    ParsedHeaders& p = parsed[id];
    p.parsed = syntax::parse(*sources.find(static_cast<FileId>(id)), parse_options);
    p.rules = count_rules(p.parsed.file);
    keep_headers(p.parsed.file);
  });
  return parsed;
}

/// Parses, checks and compiles sources already loaded into `result.sources`,
/// then loads the maps they declare.
void compile_loaded(CompileResult& result, HashedFiles hashed,
                    const std::filesystem::path& root, const maps::MapFiles& map_files,
                    const CompileOptions& options) {
  const SourceSet& sources = *result.sources;
  std::vector<ParsedHeaders> parsed = parse_all(sources, options);
  bool syntax_ok = true;
  std::vector<std::vector<std::uint32_t>> error_lines(parsed.size());
  for (std::size_t id = 0; id < parsed.size(); ++id) {
    ParsedHeaders& p = parsed[id];
    result.rule_count += p.rules;
    for (const Diagnostic& d : p.parsed.diagnostics) {
      if (d.severity == Severity::error) error_lines[id].push_back(d.location.line);
    }
    syntax_ok = syntax_ok && error_lines[id].empty();
    for (Diagnostic& d : p.parsed.diagnostics) result.diagnostics.push_back(std::move(d));
  }
  // Every error in one run: after syntax errors every file is checked too,
  // each as far as the parser could read it, and an unknown name that may
  // be declared where it could not is not reported
  // (check::ParsedFile::syntax_error_lines); no ruleset is made.
  if (syntax_ok && has_errors(result.diagnostics)) return;
  std::vector<check::ParsedFile> files;
  for (FileId id = 0; id < sources.size(); ++id) {
    files.push_back({sources.find(id), &parsed[id].parsed.file, parsed[id].parsed.keyword_lang, error_lines[id]});
  }
  // Reference tables are read through the same reader as the maps: within the ruleset directory.
  const check::TableReader read_table = [&](const std::string& path,
                                            const std::string& declared_in) -> Expected<check::TableFile, LocalizedText> {
    const auto relative = maps::declared_path(path, declared_in, root, {"table path", "名录路径"});
    if (!relative) return Expected<check::TableFile, LocalizedText>::failure(relative.error());
    auto bytes = map_files(*relative);
    if (!bytes) return Expected<check::TableFile, LocalizedText>::failure(bytes.error());
    return check::TableFile{relative->generic_string(), std::move(bytes).value()};
  };
  // Each file parsed again for its rules when the checker reaches it, the
  // next one on another core meanwhile; the same text parses to the same tree.
  ReadAhead<std::shared_ptr<const ast::File>> whole_files(sources.size(), [&](std::size_t id) {
    syntax::ParseResult again = syntax::parse(*sources.find(static_cast<FileId>(id)), parse_options_of(options));
    return std::make_shared<const ast::File>(std::move(again.file));
  });
  check::CheckResult checked =
      check::check(files, {options.strict, options.max_errors, read_table,
                           [&](std::size_t file) { return whole_files.take(file); }, result.rule_count});
  // The checked model is all that follows needs: free the ASTs before the
  // maps, the IR and the indexes are built, not after (at national scale the
  // ASTs are gigabytes).
  files.clear();
  std::vector<ParsedHeaders>().swap(parsed);
  const bool ok = syntax_ok && !has_errors(checked.diagnostics);
  for (Diagnostic& d : checked.diagnostics) result.diagnostics.push_back(std::move(d));
  if (!ok) return;
  maps::LoadedMaps loaded =
      maps::load_maps(checked.model, root, map_files, {options.repair_maps, options.max_errors, options.lint_maps},
                      result.diagnostics);
  if (has_errors(result.diagnostics)) return;
  hashed.insert(hashed.end(), loaded.files.begin(), loaded.files.end());
  for (const check::TableFile& t : checked.tables) hashed.emplace_back(t.relative, t.bytes);
  auto data = std::make_unique<Ruleset::Data>();
  data->model = std::move(checked.model);
  data->maps = std::move(loaded.maps);
  data->build_evaluation();
  data->hash = content_hash(hashed);
  result.ruleset = std::make_shared<const Ruleset>(std::move(data));
}

}  // namespace

CompileResult compile_sources(const std::vector<SourceText>& sources, const CompileOptions& options) {
  CompileResult result;
  auto set = std::make_shared<SourceSet>();
  HashedFiles hashed;
  for (const SourceText& s : sources) {
    if (is_data_path(s.path)) continue;
    set->add(s.path, s.text);
    hashed.emplace_back(s.path, s.text);
  }
  result.sources = set;
  result.file_count = set->size();
  const auto root = common_parent(sources);
  compile_loaded(result, std::move(hashed), root, memory_maps(sources, root), options);
  return result;
}

CompileResult compile_directory(const std::filesystem::path& directory, const CompileOptions& options) {
  CompileResult result;
  auto set = std::make_shared<SourceSet>();
  result.sources = set;
  const auto files = find_rule_files(directory);
  if (!files) {
    result.diagnostics.push_back(file_error(directory.string(), files.error()));
    return result;
  }
  if (files->empty()) {
    result.diagnostics.push_back(file_error(directory.string(), {"no .rules files here", "此处没有 .rules 文件"}));
    return result;
  }
  const std::filesystem::path root = std::filesystem::is_directory(directory) ? directory : directory.parent_path();
  HashedFiles hashed;
  // The hash is of the bytes on disk. Most files are read as they are, and
  // their source text is those bytes; a file whose reading changed it (a
  // byte-order mark, invalid UTF-8) keeps its bytes here for the hash.
  std::deque<std::string> changed_on_reading;
  for (const auto& path : *files) {
    const auto buffer = std::find_if(options.unsaved.begin(), options.unsaved.end(), [&](const SourceText& s) {
      return std::filesystem::path(s.path).lexically_normal() == path.lexically_normal();
    });
    auto bytes = buffer != options.unsaved.end() ? Expected<std::string, LocalizedText>(buffer->text)
                                                  : read_file(path, syntax::ParseOptions{}.max_file_bytes);
    if (!bytes) {
      result.diagnostics.push_back(file_error(path.string(), bytes.error()));
      continue;
    }
    const SourceFile& source = set->add(path.string(), *bytes);
    std::string_view as_read = source.text();
    if (as_read != *bytes) as_read = changed_on_reading.emplace_back(std::move(bytes).value());
    hashed.emplace_back(path.lexically_relative(root).generic_string(), as_read);
  }
  result.file_count = files->size();
  if (has_errors(result.diagnostics)) return result;
  compile_loaded(result, std::move(hashed), root, disk_maps(root), options);
  return result;
}

std::string CompileResult::render(Lang lang) const { return render_all(diagnostics, sources.get(), lang); }

Ruleset::Ruleset(std::unique_ptr<const Data> data) : data_(std::move(data)) {}
Ruleset::~Ruleset() = default;
const std::string& Ruleset::title() const { return data_->model.title; }
const std::string& Ruleset::version() const { return data_->model.version; }
const std::string& Ruleset::hash() const { return data_->hash; }
std::optional<std::chrono::year_month_day> Ruleset::effective_from() const { return data_->model.effective_from; }
std::optional<std::chrono::year_month_day> Ruleset::effective_until() const { return data_->model.effective_until; }
std::size_t Ruleset::rule_count() const { return data_->model.rules.size(); }
std::size_t Ruleset::map_unit_count() const { return data_->maps.units ? data_->maps.units->size() : 0; }

}  // namespace zhunru
