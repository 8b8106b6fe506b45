#include "base/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

#include "base/file_io.hpp"

namespace zhunru {

namespace {

/// Closes a descriptor on every path out of open().
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Expected<MappedFile, LocalizedText> MappedFile::open(const std::filesystem::path& path, std::size_t max_bytes) {
  using Result = Expected<MappedFile, LocalizedText>;
  const auto read_instead = [&]() -> Result {
    auto bytes = read_file(path, max_bytes);
    if (!bytes) return Result::failure(bytes.error());
    MappedFile file;
    file.read_ = std::move(*bytes);
    return file;
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return read_instead();  // its own messages
  const Descriptor fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st {};
  if (fd.fd < 0 || ::fstat(fd.fd, &st) != 0 || !S_ISREG(st.st_mode)) return read_instead();
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes) {
    const std::string shown = path.string();
    const std::string mib = std::to_string(max_bytes >> 20) + " MiB";
    return Result::failure({"`" + shown + "` is larger than the limit of " + mib + "; it was not read",
                            "“" + shown + "”超过 " + mib + " 的上限，未读取"});
  }
  MappedFile file;
  if (size == 0) return file;  // nothing to map; bytes() is empty
  void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd.fd, 0);
  if (at == MAP_FAILED) return read_instead();
  file.mapped_ = static_cast<const char*>(at);
  file.size_ = size;
  return file;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : mapped_(std::exchange(other.mapped_, nullptr)), size_(std::exchange(other.size_, 0)), read_(std::move(other.read_)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    mapped_ = std::exchange(other.mapped_, nullptr);
    size_ = std::exchange(other.size_, 0);
    read_ = std::move(other.read_);
  }
  return *this;
}

MappedFile::~MappedFile() { release(); }

void MappedFile::release() noexcept {
  if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
  mapped_ = nullptr;
  size_ = 0;
}

}  // namespace zhunru
