// Compiled snapshots: a ruleset compiled once, maps included, saved to a file
// that loads far faster than compiling (`zhunru compile RULESET -o FILE.zr`).
//
//   zhunru::save_snapshot(*ruleset, "chongqing.zr");
//   auto loaded = zhunru::load_snapshot("chongqing.zr");
//   if (!loaded) std::cerr << loaded.error().message.en << '\n';
//   else use(*loaded.value());   // a Ruleset like any other, with the same hash
//
// A snapshot names the zhunru that wrote it and the ruleset's content hash,
// and carries a SHA-256 of its payload: a snapshot from another version of
// zhunru, a damaged one, or a file that is not one is refused with the reason.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"
#include "zhunru/ruleset.hpp"

namespace zhunru {

/// Why a snapshot could not be written or read. Codes (docs/errors.md):
/// snapshot.not-snapshot, snapshot.other-version, snapshot.damaged, io.read, io.write.
struct SnapshotError {
  std::string code;
  LocalizedText message;
};

/// The snapshot's bytes.
std::string snapshot_bytes(const Ruleset& ruleset);
Expected<std::monostate, SnapshotError> save_snapshot(const Ruleset& ruleset, const std::filesystem::path& file);

/// How load_snapshot() reads the file. `mapped` sees it in place — a national
/// snapshot loads ~2× faster — but the file must not be truncated while it
/// loads (the process would be killed by SIGBUS): right for a command run
/// once on a file its user controls. `copy` reads it into memory first: for
/// a process that may meet a file being overwritten in place (a server
/// reloading, an embedder). `zhunru compile` itself writes beside the target
/// and renames, which never disturbs a reader.
enum class SnapshotReading { copy, mapped };

Expected<std::shared_ptr<const Ruleset>, SnapshotError> load_snapshot_bytes(std::string_view bytes);
Expected<std::shared_ptr<const Ruleset>, SnapshotError> load_snapshot(const std::filesystem::path& file,
                                                                      SnapshotReading how = SnapshotReading::copy);

/// True when `file` starts like a snapshot (what the command line uses to
/// accept a snapshot wherever it accepts a ruleset directory).
bool looks_like_snapshot(const std::filesystem::path& file);

}  // namespace zhunru
