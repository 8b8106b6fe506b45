// Compiled snapshots: a ruleset saved and loaded again judges every project
// as the compiled one does, and a file that is not a good snapshot is
// refused with the reason — never half-loaded.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "base/damage_checksum.hpp"
#include "api/snapshot_codec.hpp"
#include "api/snapshot_references.hpp"
#include "geo/plain_wkb.hpp"
#include "support/eval_helpers.hpp"
#include "zhunru/applies.hpp"
#include "zhunru/screen.hpp"
#include "zhunru/snapshot.hpp"

using namespace zhunru;
using namespace zhunru::testing;

namespace {

std::shared_ptr<const Ruleset> chongqing() { return chongqing_rules(); }

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `payload` behind a header that vouches for it: a forgery the checksum
/// cannot catch, so the decoder itself must.
std::string framed(const std::string& good, std::string_view payload) {
  const std::size_t magic = good.find('\n') + 1;
  const std::size_t eol = good.find('\n', magic);
  nlohmann::json header = nlohmann::json::parse(good.substr(magic, eol - magic));
  header["bytes"] = payload.size();
  header["payload"] = damage_checksum(payload);
  return good.substr(0, magic) + header.dump() + "\n" + std::string(payload);
}

std::string payload_of(const std::string& snapshot) {
  return snapshot.substr(snapshot.find('\n', snapshot.find('\n') + 1) + 1);
}

}  // namespace

TEST_CASE("snapshot: the Chongqing list saved and loaded judges every example project byte for byte alike") {
  const auto compiled = chongqing();
  const std::string bytes = snapshot_bytes(*compiled);
  const auto loaded = load_snapshot_bytes(bytes);
  REQUIRE(loaded.has_value());
  const Ruleset& rs = **loaded;
  CHECK(rs.hash() == compiled->hash());
  CHECK(rs.title() == compiled->title());
  CHECK(rs.rule_count() == compiled->rule_count());
  CHECK(rs.map_unit_count() == compiled->map_unit_count());
  CHECK(rs.rules().size() == compiled->rules().size());
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ZHUNRU_SOURCE_DIR) + "/examples/projects/chongqing")) {
    const std::string text = read(entry.path());
    INFO(entry.path().filename().string());
    CHECK(to_json(decide(rs, text)) == to_json(decide(*compiled, text)));
  }
  // A batch, and what applies at a point, too.
  std::string batch;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ZHUNRU_SOURCE_DIR) + "/examples/projects/chongqing")) {
    std::string text = read(entry.path());
    std::erase(text, '\n');
    batch += text + "\n";
  }
  ScreenOptions options;
  options.evaluate.as_of = day(2025, 6, 1);
  std::istringstream in1(batch), in2(batch);
  std::ostringstream out1, out2;
  REQUIRE(screen(rs, in1, out1, options).has_value());
  REQUIRE(screen(*compiled, in2, out2, options).has_value());
  CHECK(out1.str() == out2.str());
  AppliesQuery q;
  q.site_geojson = R"({"type": "Point", "coordinates": [106.551, 29.563]})";
  CHECK(to_json(*applies(rs, q)) == to_json(*applies(*compiled, q)));
  // Saving is deterministic.
  CHECK(snapshot_bytes(rs) == bytes);
}

TEST_CASE("snapshot: not a snapshot, another zhunru's, damaged or cut short — each refused with its reason") {
  const std::string good = snapshot_bytes(*chongqing());
  const auto code = [](std::string_view bytes) {
    const auto r = load_snapshot_bytes(bytes);
    return r ? std::string("loaded") : r.error().code;
  };
  CHECK(code(good) == "loaded");
  CHECK(code("") == "snapshot.not-snapshot");
  CHECK(code("city 500000 { }") == "snapshot.not-snapshot");
  CHECK(code(good.substr(0, good.size() / 2)) == "snapshot.damaged");
  CHECK(code(good.substr(0, 40)) == "snapshot.damaged");
  std::string flipped = good;
  flipped[flipped.size() - 100] ^= 0x20;
  CHECK(code(flipped) == "snapshot.damaged");
  std::string other = good;
  const auto at = other.find("\"engine\":\"");
  REQUIRE(at != std::string::npos);
  other.replace(at + 10, 5, "9.9.9");
  const auto refused = load_snapshot_bytes(other);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == "snapshot.other-version");
  CHECK(refused.error().message.en.find("made by zhunru 9.9.9") != std::string::npos);
  // The same engine version in another format says which format (it said "made by 0.1.0, this is 0.1.0").
  std::string older = good;
  const auto format_at = older.find("\"format\":");
  REQUIRE(format_at != std::string::npos);
  older.replace(format_at + 9, older.find_first_not_of("0123456789", format_at + 9) - (format_at + 9), "1");
  const auto older_refused = load_snapshot_bytes(older);
  REQUIRE_FALSE(older_refused.has_value());
  CHECK(older_refused.error().code == "snapshot.other-version");
  CHECK(older_refused.error().message.en.find(", format 1 and this is zhunru") != std::string::npos);
  CHECK(older_refused.error().message.zh.find("format 1") != std::string::npos);

  // A header whose members have other types (found by fuzzing: this threw).
  for (const char* header : {R"({"format":"1","engine":0,"bytes":-1,"payload":[]})", R"([1,2])", R"("x")", R"({})"}) {
    const auto r = load_snapshot_bytes(std::string("ZHUNRU-SNAPSHOT\n") + header + "\nabc");
    REQUIRE_FALSE(r.has_value());
    CHECK((r.error().code == "snapshot.other-version" || r.error().code == "snapshot.damaged"));
  }

  const auto missing = load_snapshot(std::filesystem::path(ZHUNRU_SOURCE_DIR) / "no-such.zr");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == "io.read");
}

TEST_CASE("snapshot: a forged payload (checksum right, bytes wrong) is refused or loads whole — never a crash") {
  const std::string good = snapshot_bytes(*chongqing());
  const std::string payload = payload_of(good);
  REQUIRE(load_snapshot_bytes(framed(good, payload)).has_value());
  const auto outcome = [&](std::string_view p) {
    const auto r = load_snapshot_bytes(framed(good, p));
    if (r) {  // a change the model tolerates (a letter of a message): it judges like any ruleset
      const auto project = load_project_json(**r, R"({"units": ["ZH50010320001"]})");
      if (project) CHECK(evaluate(**r, *project, {}).has_value());
      return std::string("loaded");
    }
    CHECK(!r.error().message.en.empty());
    CHECK(!r.error().message.zh.empty());
    return r.error().code;
  };
  // Cut short anywhere: refused.
  std::size_t cuts = 0;
  for (std::size_t n = 0; n < payload.size(); n += 1 + n / 8, ++cuts) {
    CHECK_MESSAGE(outcome(std::string_view(payload).substr(0, n)) == "snapshot.damaged", "cut at ", n);
  }
  CHECK(cuts > 50);
  // Bytes changed all through (every 1,999th byte, three ways): loaded or refused.
  std::size_t refused = 0;
  for (std::size_t i = 0; i < payload.size(); i += 1999) {
    for (const unsigned char x : {0x01, 0x80, 0xFF}) {
      std::string changed = payload;
      changed[i] = static_cast<char>(changed[i] ^ x);
      const std::string o = outcome(changed);
      CHECK((o == "loaded" || o == "snapshot.damaged"));
      refused += o == "snapshot.damaged" ? 1 : 0;
    }
  }
  CHECK(refused > 0);
  // Text that is not UTF-8 (GBK bytes in the title) never reaches an answer.
  std::string gbk = payload;
  const std::size_t title = gbk.find("重庆");
  REQUIRE(title != std::string::npos);
  gbk.replace(title, 2, "\xD6\xD8");
  const auto not_utf8 = load_snapshot_bytes(framed(good, gbk));
  REQUIRE_FALSE(not_utf8.has_value());
  CHECK(not_utf8.error().message.en.find("not UTF-8") != std::string::npos);
  // A title that claims 4 GB: refused before anything is allocated.
  std::string huge = payload;
  const std::size_t hash_length = 4 + static_cast<unsigned char>(payload[0]);  // the hash, then the title's length
  huge.replace(hash_length, 4, std::string("\xF0\xFF\xFF\xFF", 4));
  const auto r = load_snapshot_bytes(framed(good, huge));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.en.find("cut short") != std::string::npos);
}

TEST_CASE("snapshot: a model whose ids point nowhere or loop is refused (what the checker guarantees, checked again)") {
  using namespace zhunru::model;
  const auto refusal = [](const Model& m) {
    try {
      snapshot::check_references(m);
      return std::string();
    } catch (const snapshot::Damaged& e) {
      return std::string(e.what());
    }
  };
  Model m;
  m.facts.push_back({"x", "", FactKind::boolean, {}, {}, {}, {}});
  m.conds.push_back(BoolFact{0});
  m.conds.push_back(Not{0});
  m.tiers.push_back({TierLevel::city, "500000", "", std::nullopt, {}});
  m.rules.push_back(Rule{});
  m.rules.back().subject = 1;
  m.files.push_back("city.rules");
  CHECK(refusal(m).empty());
  Model no_file = m;
  no_file.rules.back().source.file = 1;
  CHECK(refusal(no_file).find("file does not exist") != std::string::npos);
  Model loop = m;
  loop.conds[1] = Not{1};  // itself: an evaluation that would never end
  CHECK(refusal(loop).find("refers forward") != std::string::npos);
  Model nowhere = m;
  nowhere.rules.back().where = 7;
  CHECK(refusal(nowhere).find("does not exist") != std::string::npos);
  Model typed = m;
  typed.facts[0].kind = FactKind::text;  // a yes/no test of a text fact
  CHECK(refusal(typed).find("another type") != std::string::npos);
  Model tiers = m;
  tiers.tiers.push_back({TierLevel::city, "510000", "", 0, {}});  // a city under a city
  CHECK(refusal(tiers).find("level above") != std::string::npos);
  // A restatement names a rule of a tier above; two rules restating each other
  // would send the auditor round for ever.
  Model restating = m;
  restating.tiers.push_back({TierLevel::district, "500103", "", 0, {}});
  restating.rules.push_back(restating.rules.back());
  restating.rules.back().tier = 1;
  restating.rules.back().restates = 0;
  CHECK(refusal(restating).empty());
  Model cycle = restating;
  cycle.rules[0].restates = 1;
  CHECK(refusal(cycle).find("not in a tier above") != std::string::npos);
  Model beyond = restating;
  beyond.rules.back().restates = 9;
  CHECK(refusal(beyond).find("not in a tier above") != std::string::npos);
  // Kind tests may refer forward (a kind declared after one that tests it),
  // but a condition that reaches itself through them is a loop.
  Model kinds = m;
  kinds.kinds.push_back({"k", "", 0, {}});
  kinds.conds[0] = IsKind{0};
  CHECK(refusal(kinds).find("reaches itself") != std::string::npos);
  kinds.kinds[0].condition = 2;
  kinds.conds.push_back(BoolFact{0});  // now `is k` (node 0) tests node 2: forward, and fine
  CHECK(refusal(kinds).empty());
  // Deeper than the checker allows: every link refers back, yet walking it
  // recursively would exhaust the stack.
  Model deep = m;
  for (CondId i = 1; i < 100000; ++i) deep.conds.push_back(Not{i});
  deep.rules.back().subject = static_cast<CondId>(deep.conds.size() - 1);
  CHECK(refusal(deep).find("deeper than the checker allows") != std::string::npos);
}

TEST_CASE("snapshot: a kind declared after a kind that tests it loads and judges as compiled") {
  const auto rs = compile_ok({{"t.rules", R"(ruleset "t" version "1";
fact industry : industry "行业";
kind a = is b;
kind b = industry in [C26];
city 500000 { spatial-layout { B1: ban a projects; } })"}});
  const auto loaded = load_snapshot_bytes(snapshot_bytes(*rs));
  REQUIRE(loaded.has_value());
  for (const char* code : {"C2611", "C3011"}) {
    const std::string project = std::string(R"({"industry": ")") + code + R"(", "units": ["ZH50010320001"]})";
    const auto a = evaluate(*rs, *load_project_json(*rs, project));
    const auto b = evaluate(**loaded, *load_project_json(**loaded, project));
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(to_json(*a, JsonLayout::compact) == to_json(*b, JsonLayout::compact));
  }
}

TEST_CASE("snapshot: map geometries are checked for the shape zhunru writes before GEOS reads them") {
  const auto u32 = [](std::uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); };
  const auto header = [&](std::uint32_t type) { return std::string(1, '\x01') + u32(type); };
  const std::string point = header(1) + std::string(16, '\0');
  CHECK(geo::plain_wkb(point, 64));
  CHECK_FALSE(geo::plain_wkb(point + "x", 64));                        // bytes after it
  CHECK_FALSE(geo::plain_wkb(point.substr(0, 10), 64));                // cut short
  CHECK_FALSE(geo::plain_wkb(std::string(1, '\0') + point.substr(1), 64));  // big-endian: not what zhunru writes
  CHECK(geo::plain_wkb(header(3) + u32(1) + u32(4) + std::string(64, '\0'), 64));  // a polygon, one ring
  CHECK_FALSE(geo::plain_wkb(header(3) + u32(1) + u32(0x10000000), 64));          // a ring longer than the bytes
  // Collections nested 100,000 deep: refused by the walk, never handed to GEOS's recursion.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += header(7) + u32(1);
  deep += point;
  CHECK_FALSE(geo::plain_wkb(deep, 64));
  std::string shallow;
  for (int i = 0; i < 3; ++i) shallow += header(7) + u32(1);
  CHECK(geo::plain_wkb(shallow + point, 64));
}

TEST_CASE("snapshot: saved through a temporary file and renamed, recognised by its first line") {
  const auto dir = std::filesystem::temp_directory_path() / ("zhunru-snapshot-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "chongqing.zr";
  REQUIRE(save_snapshot(*chongqing(), file).has_value());
  CHECK_FALSE(std::filesystem::exists(dir / "chongqing.zr.partial"));
  CHECK(looks_like_snapshot(file));
  CHECK_FALSE(looks_like_snapshot(std::filesystem::path(ZHUNRU_SOURCE_DIR) / "rules/chongqing/city.rules"));
  CHECK_FALSE(looks_like_snapshot(dir));
  const auto loaded = load_snapshot(file);
  REQUIRE(loaded.has_value());
  CHECK((*loaded)->hash() == chongqing()->hash());
  std::filesystem::remove_all(dir);
}
