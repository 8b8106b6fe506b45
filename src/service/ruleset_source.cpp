#include "service/ruleset_source.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "zhunru/snapshot.hpp"

namespace zhunru::service {
namespace {

namespace fs = std::filesystem;
using Loaded = Expected<std::shared_ptr<const Ruleset>, LoadProblem>;

Loaded load_snapshot_file(const std::string& path) {
  auto loaded = load_snapshot(path);
  if (!loaded) {
    const LocalizedText& m = loaded.error().message;
    return Loaded::failure({{path + ": " + m.en, path + "：" + m.zh}, {}});
  }
  return std::move(loaded).value();
}

std::string file_stamp(const fs::path& file, std::error_code& ec) {
  const auto size = fs::file_size(file, ec);
  const auto time = fs::last_write_time(file, ec);
  if (ec) return {};
  return file.generic_string() + '\t' + std::to_string(size) + '\t' +
         std::to_string(time.time_since_epoch().count()) + '\n';
}

}  // namespace

Loaded load_ruleset(const std::string& path, bool repair_maps) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Loaded::failure({{"no such ruleset: " + path, "找不到清单：" + path}, {}});
  }
  if (!fs::is_directory(path, ec) && (fs::path(path).extension() == ".zr" || looks_like_snapshot(path))) {
    return load_snapshot_file(path);
  }
  CompileOptions options;
  options.repair_maps = repair_maps;
  const CompileResult compiled = compile_directory(path, options);
  if (!compiled.ok()) {
    return Loaded::failure({{path + ": the ruleset has errors", path + "：清单有错误"}, compiled.render(Lang::en)});
  }
  return compiled.ruleset;
}

std::string fingerprint(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return file_stamp(path, ec);
  std::vector<std::string> stamps;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code file_ec;
    if (it->is_regular_file(file_ec)) stamps.push_back(file_stamp(it->path(), file_ec));
  }
  if (ec) return {};
  std::sort(stamps.begin(), stamps.end());  // directory order is not stable
  std::string all;
  for (const std::string& s : stamps) all += s;
  return all;
}

}  // namespace zhunru::service
