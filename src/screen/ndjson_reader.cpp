// NDJSON: one project file a line. Blank lines are not records; a line over
// the size limit is a record of its own that is refused (and skipped to its
// end without being kept), so the next line is read as usual.
#include "screen/byte_source.hpp"
#include "screen/record_reader.hpp"

namespace zhunru::batch {
namespace {

bool blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

class NdjsonReader final : public RecordReader {
 public:
  NdjsonReader(std::istream& in, const ProjectLimits& limits) : source_(in), limits_(limits) {}

  bool next(Record& record) override {
    while (true) {
      record.text.clear();
      bool oversized = false;
      if (!source_.take_line(record.text, limits_.max_bytes, oversized)) return false;
      ++line_;
      record.line = line_;
      if (line_ == 1 && record.text.starts_with("\xEF\xBB\xBF")) record.text.erase(0, 3);  // a BOM
      if (oversized) {
        record.text.clear();
        record.error = too_large(limits_.max_bytes);
        return true;
      }
      if (!blank(record.text)) return true;
    }
  }

  [[nodiscard]] std::size_t bytes_read() const override { return source_.consumed(); }

 private:
  ByteSource source_;
  ProjectLimits limits_;
  std::size_t line_ = 0;
};

}  // namespace

ProjectError too_large(std::size_t max_bytes) {
  const std::string mib = std::to_string(max_bytes >> 20) + " MiB";
  return {"input.too-large", "",
          {"the record is larger than " + mib + " (the limit for one project)", "该记录超过 " + mib + "（单个项目的上限）"}};
}

std::unique_ptr<RecordReader> ndjson_reader(std::istream& in, const ProjectLimits& limits) {
  return std::make_unique<NdjsonReader>(in, limits);
}

}  // namespace zhunru::batch
