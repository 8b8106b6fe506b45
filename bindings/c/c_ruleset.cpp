// Making, saving, describing and freeing rulesets through the C API.
#include "c_ruleset.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "c_error.hpp"
#include "c_options.hpp"
#include "zhunru/snapshot.hpp"

namespace zhunru::c_api {
namespace {

CompileOptions compile_options(const char* options_json) {
  const Options o(options_json, {"strict", "repair_maps", "max_errors"}, "compile options");
  CompileOptions options;
  options.strict = o.boolean("strict").value_or(false);
  options.repair_maps = o.boolean("repair_maps").value_or(false);
  options.max_errors = static_cast<std::size_t>(o.integer("max_errors", 1, 100000).value_or(50));
  return options;
}

/// The compiled ruleset, or a failure listing every diagnostic.
zhunru_ruleset* handle_of(const CompileResult& compiled) {
  if (!compiled.ok()) {
    std::string code = "internal";  // no ruleset means an error was reported; this is only a fallback
    for (const Diagnostic& d : compiled.diagnostics) {
      if (d.severity == Severity::error) {
        code = d.code;
        break;
      }
    }
    throw Failure(ZHUNRU_ERROR_RULES, code, {compiled.render(Lang::en), compiled.render(Lang::zh)});
  }
  return new zhunru_ruleset{compiled.ruleset};
}

zhunru_ruleset* handle_of(const Expected<std::shared_ptr<const Ruleset>, SnapshotError>& loaded) {
  if (!loaded) throw Failure(ZHUNRU_ERROR_SNAPSHOT, loaded.error().code, loaded.error().message);
  return new zhunru_ruleset{*loaded};
}

nlohmann::ordered_json date_json(const std::optional<std::chrono::year_month_day>& date) {
  if (!date) return nullptr;
  char text[40];  // room for any int year
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date->year()),
                static_cast<unsigned>(date->month()), static_cast<unsigned>(date->day()));
  return text;
}

}  // namespace

const Ruleset& ruleset_of(const zhunru_ruleset* handle) {
  require(handle, "ruleset");
  require(handle->ruleset.get(), "ruleset");
  return *handle->ruleset;
}

}  // namespace zhunru::c_api

using namespace zhunru::c_api;

extern "C" {

const char* zhunru_version(void) { return ZHUNRU_VERSION; }

zhunru_status zhunru_compile_directory(const char* directory, const char* options_json, zhunru_ruleset** ruleset,
                                       zhunru_error** error) {
  return answered(error, ruleset, "ruleset", [&] {
    require(directory, "directory");
    return handle_of(zhunru::compile_directory(directory, compile_options(options_json)));
  });
}

zhunru_status zhunru_compile_sources(size_t count, const char* const* paths, const char* const* texts,
                                     const char* options_json, zhunru_ruleset** ruleset, zhunru_error** error) {
  return answered(error, ruleset, "ruleset", [&] {
    if (count > 0) {
      require(paths, "paths");
      require(texts, "texts");
    }
    std::vector<zhunru::SourceText> sources;
    sources.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      require(paths[i], "paths[i]");
      require(texts[i], "texts[i]");
      sources.push_back({paths[i], texts[i]});
    }
    return handle_of(zhunru::compile_sources(sources, compile_options(options_json)));
  });
}

zhunru_status zhunru_load_snapshot(const char* file, zhunru_ruleset** ruleset, zhunru_error** error) {
  return answered(error, ruleset, "ruleset", [&] {
    require(file, "file");
    return handle_of(zhunru::load_snapshot(file));
  });
}

zhunru_status zhunru_load_snapshot_bytes(const void* bytes, size_t size, zhunru_ruleset** ruleset,
                                         zhunru_error** error) {
  return answered(error, ruleset, "ruleset", [&] {
    if (size > 0) require(bytes, "bytes");
    return handle_of(zhunru::load_snapshot_bytes(std::string_view(static_cast<const char*>(bytes), size)));
  });
}

zhunru_status zhunru_save_snapshot(const zhunru_ruleset* ruleset, const char* file, zhunru_error** error) {
  return guarded(error, [&] {
    require(file, "file");
    const auto saved = zhunru::save_snapshot(ruleset_of(ruleset), file);
    if (!saved) throw Failure(ZHUNRU_ERROR_SNAPSHOT, saved.error().code, saved.error().message);
  });
}

void zhunru_ruleset_free(zhunru_ruleset* ruleset) { delete ruleset; }

zhunru_status zhunru_ruleset_info(const zhunru_ruleset* ruleset, char** info_json, zhunru_error** error) {
  return answered(error, info_json, "info_json", [&] {
    const zhunru::Ruleset& rs = ruleset_of(ruleset);
    nlohmann::ordered_json info{{"title", rs.title()},
                                {"version", rs.version()},
                                {"hash", rs.hash()},
                                {"effective_from", date_json(rs.effective_from())},
                                {"effective_until", date_json(rs.effective_until())},
                                {"rules", rs.rule_count()},
                                {"units", rs.map_unit_count()}};
    return copy_out(info.dump());
  });
}

}  // extern "C"
