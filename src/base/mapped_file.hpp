// A large input file seen in place: mapped read-only rather than copied into
// fresh memory, which the kernel would first have to clear (a national
// snapshot: 250 MB, a tenth of its load time).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "zhunru/expected.hpp"
#include "zhunru/localized.hpp"

namespace zhunru {

class MappedFile {
 public:
  /// The file's bytes: mapped when it is a regular file, read otherwise (a
  /// pipe, a device). Fails, naming the file, when it holds more than
  /// `max_bytes`. The file must not be truncated while mapped: writers of
  /// snapshots write beside the target and rename, which leaves a mapping
  /// of the old file intact.
  static Expected<MappedFile, LocalizedText> open(const std::filesystem::path& path, std::size_t max_bytes);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  [[nodiscard]] std::string_view bytes() const { return mapped_ ? std::string_view(mapped_, size_) : read_; }

 private:
  MappedFile() = default;
  void release() noexcept;

  const char* mapped_ = nullptr;  // null: the bytes are in read_
  std::size_t size_ = 0;
  std::string read_;
};

}  // namespace zhunru
