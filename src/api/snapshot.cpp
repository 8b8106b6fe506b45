// Compiled snapshots (include/zhunru/snapshot.hpp): a magic line, a JSON
// header line anyone can read with `head -2`, then the payload — the checked
// model, what evaluation runs on (the IR and the indexes), and the maps
// (geometries as WKB) — in the binary encoding of snapshot_codec.hpp. A
// loader decodes and verifies them; it rebuilds nothing, and does not read
// or check the maps again.
#include "zhunru/snapshot.hpp"

#include <geos/util/GEOSException.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>


#include "api/content_hash.hpp"
#include "api/ruleset_data.hpp"
#include "api/snapshot_evaluation.hpp"
#include "api/snapshot_model.hpp"
#include "api/snapshot_references.hpp"
#include "base/damage_checksum.hpp"
#include "base/file_io.hpp"
#include "base/mapped_file.hpp"
#include "base/side_by_side.hpp"
#include "base/json_input.hpp"

namespace zhunru {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kMagic = "ZHUNRU-SNAPSHOT\n";
constexpr int kFormat = 17;  // 16: before units of measure and dated enumerations; 15: before set facts; 14: before tables of numbers; 13: before nation and province tiers and scopes by region; 12: before reference tables; 11: before the IR and the rule index were stored, and the checksum was SHA-256; 10: before projects could give geometries beside the site; 9: before kinds could have dated definitions; 8: before layers could be picked per project; 7: before layers could be intersections and filters; 6: before `overlapping L`; 5: before values could sit under values; 1: the payload as CBOR; 2: binary, before rules kept their Chinese-keyword texts; 3: before rule files were numbered; 4: before the model and its rules went in blobs
constexpr std::size_t kMaxSnapshotBytes = std::size_t{4} << 30;

using Loaded = Expected<std::shared_ptr<const Ruleset>, SnapshotError>;

/// A header member, or "" / 0 when it is missing or of another type: the
/// header may be anything (a damaged file, a hostile one).
std::string text_in(const Json& header, const char* key) {
  const auto it = header.find(key);
  return it != header.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::uint64_t count_in(const Json& header, const char* key) {
  const auto it = header.find(key);
  return it != header.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

Loaded refuse(std::string code, std::string en, std::string zh) {
  return Loaded::failure({std::move(code), {std::move(en), std::move(zh)}});
}

/// The header line and the payload's parts, apart: a national payload is
/// hundreds of megabytes, so its parts are encoded side by side and written
/// one after the other, never joined in one copy (save_snapshot).
struct SnapshotParts {
  std::string head;
  std::vector<std::string> body;  // the payload is these, in order
};

SnapshotParts snapshot_parts(const Ruleset& ruleset) {
  const Ruleset::Data& d = ruleset.data();
  SnapshotParts parts;
  parts.body.resize(4);
  snapshot::Writer(parts.body[0])(d.hash);
  side_by_side(
      // The model as a blob: a loader decodes it and the maps side by side.
      [&] { snapshot::Writer(parts.body[1]).blob([&](snapshot::Writer& model) { snapshot::write_model(model, d.model); }); },
      [&] {
        snapshot::Writer(parts.body[2]).blob([&](snapshot::Writer& evaluation) { snapshot::write_evaluation(evaluation, d); });
      },
      [&] {
        snapshot::Writer maps(parts.body[3]);
        snapshot::write_maps(maps, d.maps, d.model);
      });
  const std::vector<std::string_view> payload(parts.body.begin(), parts.body.end());
  std::size_t bytes = 0;
  for (const std::string_view part : payload) bytes += part.size();
  const Json header = {{"format", kFormat},
                       {"engine", ZHUNRU_VERSION},
                       {"ruleset", {{"title", d.model.title}, {"version", d.model.version}, {"hash", d.hash}}},
                       {"rules", d.model.rules.size()},
                       {"payload", damage_checksum(payload)},
                       {"bytes", bytes}};
  parts.head = std::string(kMagic) + header.dump() + "\n";
  return parts;
}

}  // namespace

std::string snapshot_bytes(const Ruleset& ruleset) {
  const SnapshotParts parts = snapshot_parts(ruleset);
  std::size_t size = parts.head.size();
  for (const std::string& part : parts.body) size += part.size();
  std::string out;
  out.reserve(size);
  out += parts.head;
  for (const std::string& part : parts.body) out += part;
  return out;
}

Expected<std::monostate, SnapshotError> save_snapshot(const Ruleset& ruleset, const std::filesystem::path& file) {
  using R = Expected<std::monostate, SnapshotError>;
  const SnapshotParts parts = snapshot_parts(ruleset);
  // Written beside the target and renamed over it: a reader never sees half a snapshot.
  const std::filesystem::path partial = file.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(parts.head.data(), static_cast<std::streamsize>(parts.head.size()));
    for (const std::string& part : parts.body) out.write(part.data(), static_cast<std::streamsize>(part.size()));
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      return R::failure({"io.write", {"cannot write " + file.string(), "无法写入 " + file.string()}});
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  if (ec) return R::failure({"io.write", {"cannot write " + file.string() + ": " + ec.message(), "无法写入 " + file.string()}});
  return std::monostate{};
}

Loaded load_snapshot_bytes(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) {
    return refuse("snapshot.not-snapshot", "not a zhunru snapshot (make one with `zhunru compile RULESET -o FILE.zr`)",
                  "不是 zhunru 快照（用 `zhunru compile 清单目录 -o 文件.zr` 生成）");
  }
  bytes.remove_prefix(kMagic.size());
  const std::size_t eol = bytes.find('\n');
  const auto header = json_input::parse<Json>(bytes.substr(0, eol), {1 << 20, 8}, {"the snapshot header", "快照头"});
  if (eol == std::string_view::npos || !header || !header->is_object()) {
    return refuse("snapshot.damaged", "the snapshot's header is damaged", "快照头已损坏");
  }
  const Json& h = *header;
  const std::string engine = text_in(h, "engine").empty() ? "?" : json_input::shorten(text_in(h, "engine"), 40);
  if (count_in(h, "format") != kFormat || text_in(h, "engine") != ZHUNRU_VERSION) {
    // The same version number can write two formats (between releases): say which differs.
    const std::string made = "zhunru " + engine + ", format " + std::to_string(count_in(h, "format"));
    const std::string here = std::string("zhunru ") + ZHUNRU_VERSION + ", format " + std::to_string(kFormat);
    return refuse("snapshot.other-version",
                  "the snapshot was made by " + made + " and this is " + here +
                      ": compile the ruleset again (`zhunru compile RULESET -o FILE.zr`)",
                  "该快照由 " + made + " 生成，当前为 " + here + "：请重新编译清单（`zhunru compile 清单目录 -o 文件.zr`）");
  }
  const std::string_view body = bytes.substr(eol + 1);
  // The checksum is taken on one core while the payload decodes on another. Decoding damaged bytes is safe —
  // the Reader trusts nothing — and a wrong checksum wins over what decoding
  // made of them.
  bool intact = false;
  const auto checksum = [&] { intact = count_in(h, "bytes") == body.size() && text_in(h, "payload") == damage_checksum(body); };
  auto data = std::make_unique<Ruleset::Data>();
  std::optional<Loaded> refused;
  const auto decode = [&] {
    try {
      snapshot::Reader in(body);
      in(data->hash);
      const std::string_view model_bytes = in.raw();
      const std::string_view evaluation_bytes = in.raw();
      const auto model = [&] {
        snapshot::Reader model_in(model_bytes);
        data->model = snapshot::read_model(model_in);
        if (!model_in.at_end()) throw snapshot::Damaged("the snapshot's model has bytes after its end");
      };
      snapshot::StoredEvaluation evaluation;
      const auto evaluation_and_maps = [&] {
        snapshot::Reader evaluation_in(evaluation_bytes);
        evaluation = snapshot::read_evaluation(evaluation_in);
        if (!evaluation_in.at_end()) throw snapshot::Damaged("the snapshot's program has bytes after its end");
        data->maps = snapshot::read_maps(in);
        if (!in.at_end()) throw snapshot::Damaged("the snapshot has bytes after its end");
      };
      side_by_side(model, evaluation_and_maps);
      if (data->maps.layers.size() != data->model.layers.size()) throw snapshot::Damaged("the snapshot's layers are missing");
      for (std::size_t i = 0; i < data->maps.picks.size(); ++i) {
        const maps::PickedLayer* pick = data->maps.picks[i].get();
        const auto damaged = pick ? pick->damaged(data->model.facts.size(), data->maps.layers[i]->size()) : std::nullopt;
        if (damaged) throw snapshot::Damaged(*damaged);
      }
      snapshot::check_references(data->model);
      snapshot::adopt_evaluation(*data, std::move(evaluation));
    } catch (const geos::util::GEOSException& e) {
      refused = refuse("snapshot.damaged", std::string("a map geometry in the snapshot is damaged: ") + e.what(),
                       std::string("快照中的地图几何已损坏：") + e.what());
    } catch (const std::exception& e) {  // Damaged, or a count beyond what memory allows
      refused = refuse("snapshot.damaged", std::string("the snapshot's contents do not fit this zhunru: ") + e.what(),
                       std::string("快照内容与当前 zhunru 不符：") + e.what());
    }
  };
  side_by_side(checksum, decode);
  if (!intact) {
    return refuse("snapshot.damaged", "the snapshot is damaged (truncated, or its bytes changed since it was written)",
                  "快照已损坏（被截断，或写出后内容被改动）");
  }
  if (refused) return std::move(*refused);
  return std::shared_ptr<const Ruleset>(std::make_shared<const Ruleset>(std::move(data)));
}

Loaded load_snapshot(const std::filesystem::path& file, SnapshotReading how) {
  if (how == SnapshotReading::copy) {
    const auto bytes = read_file(file, kMaxSnapshotBytes);
    if (!bytes) return Loaded::failure({"io.read", bytes.error()});
    return load_snapshot_bytes(*bytes);
  }
  const auto mapped = MappedFile::open(file, kMaxSnapshotBytes);
  if (!mapped) return Loaded::failure({"io.read", mapped.error()});
  return load_snapshot_bytes(mapped->bytes());
}

bool looks_like_snapshot(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  std::ifstream in(file, std::ios::binary);
  std::string head(kMagic.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in && head == kMagic;
}

}  // namespace zhunru
