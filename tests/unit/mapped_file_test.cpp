// MappedFile: a snapshot is seen in place (mapped) when it is a regular file,
// read when it is not, and refused — never mapped — past its limit.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "base/mapped_file.hpp"

using zhunru::MappedFile;

namespace {

std::filesystem::path scratch(const char* name) {
  return std::filesystem::temp_directory_path() / (std::string("zhunru-mapped-") + std::to_string(::getpid()) + "-" + name);
}

void write(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("mapped file: the bytes of a regular file, an empty one, and refusals") {
  const auto file = scratch("bytes");
  std::string bytes(3 * 4096 + 17, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 % 251);
  write(file, bytes);
  {
    auto mapped = MappedFile::open(file, 1 << 20);
    REQUIRE(mapped.has_value());
    CHECK(mapped->bytes() == bytes);
    MappedFile moved = std::move(*mapped);  // a move leaves one owner of the mapping
    CHECK(moved.bytes() == bytes);
    CHECK(mapped->bytes().empty());
  }
  const auto too_big = MappedFile::open(file, 4096);
  REQUIRE_FALSE(too_big.has_value());
  CHECK(too_big.error().en.find("larger than the limit") != std::string::npos);
  CHECK(too_big.error().zh.find("上限") != std::string::npos);

  write(file, "");
  const auto empty = MappedFile::open(file, 1 << 20);
  REQUIRE(empty.has_value());
  CHECK(empty->bytes().empty());
  std::filesystem::remove(file);

  const auto missing = MappedFile::open(file, 1 << 20);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().en.find("cannot read") != std::string::npos);
  const auto directory = MappedFile::open(std::filesystem::temp_directory_path(), 1 << 20);
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().en.find("is a directory") != std::string::npos);
}

TEST_CASE("mapped file: a pipe is read, not mapped") {
  const auto fifo = scratch("fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // The writer opens its end only once the reader has opened its own.
  std::thread writer([&] { write(fifo, "through a pipe"); });
  const auto piped = MappedFile::open(fifo, 1 << 20);
  writer.join();
  std::filesystem::remove(fifo);
  REQUIRE(piped.has_value());
  CHECK(piped->bytes() == "through a pipe");
}
