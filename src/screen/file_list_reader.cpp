// Project files named one by one (a directory's `.json` files, sorted): each
// file is one record; a file that cannot be read is that record's error.
#include "base/file_io.hpp"
#include "screen/record_reader.hpp"

namespace zhunru::batch {
namespace {

class FileListReader final : public RecordReader {
 public:
  FileListReader(std::vector<std::filesystem::path> files, const ProjectLimits& limits)
      : files_(std::move(files)), limits_(limits) {}

  bool next(Record& record) override {
    if (at_ == files_.size()) return false;
    const std::filesystem::path& path = files_[at_++];
    record.file = path.generic_string();
    auto text = read_file(path, limits_.max_bytes);
    if (text) {
      bytes_ += text->size();
      record.text = std::move(text).value();
    } else {
      record.error = ProjectError{"io.read", "", text.error()};
    }
    return true;
  }

  [[nodiscard]] std::size_t bytes_read() const override { return bytes_; }

 private:
  std::vector<std::filesystem::path> files_;
  ProjectLimits limits_;
  std::size_t at_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<RecordReader> file_list_reader(std::vector<std::filesystem::path> files, const ProjectLimits& limits) {
  return std::make_unique<FileListReader>(std::move(files), limits);
}

}  // namespace zhunru::batch
