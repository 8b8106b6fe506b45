#include "base/file_io.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

namespace zhunru {

Expected<std::string, LocalizedText> read_file(const std::filesystem::path& path, std::optional<std::size_t> max_bytes) {
  using Result = Expected<std::string, LocalizedText>;
  const std::string shown = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Result::failure({"`" + shown + "` is a directory, not a file", "“" + shown + "”是目录而不是文件"});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Result::failure(
        {"cannot read `" + shown + "`: no such file or no permission", "无法读取“" + shown + "”：文件不存在或没有权限"});
  }
  std::string bytes;
  const std::size_t limit = max_bytes.value_or(std::numeric_limits<std::size_t>::max() - 1);
  // A regular file is read in one go at its size (and one byte more, to see
  // that it did not grow past the limit); a pipe or device in doubling chunks.
  // Either way no more than limit + 1 bytes are ever asked for.
  std::error_code size_ec;
  const std::uintmax_t size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, size_ec) : 0;
  std::size_t chunk = size > 0 && !size_ec ? static_cast<std::size_t>(std::min<std::uintmax_t>(size, limit)) + 1
                                           : std::size_t{1} << 16;
  while (in && bytes.size() <= limit) {
    const std::size_t want = std::min(chunk, limit + 1 - bytes.size());
    chunk = std::max(chunk, bytes.size() + want);  // the next chunk: at least all read so far
    const std::size_t had = bytes.size();
    bytes.resize(had + want);
    in.read(bytes.data() + had, static_cast<std::streamsize>(want));
    bytes.resize(had + static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return Result::failure({"error while reading `" + shown + "`", "读取“" + shown + "”时出错"});
  if (bytes.size() > limit) {
    const std::string mib = std::to_string(limit >> 20) + " MiB";
    return Result::failure({"`" + shown + "` is larger than the limit of " + mib + "; it was not read",
                            "“" + shown + "”超过 " + mib + " 的上限，未读取"});
  }
  return bytes;
}

Expected<std::vector<std::filesystem::path>, LocalizedText> find_rule_files(const std::filesystem::path& root) {
  using Result = Expected<std::vector<std::filesystem::path>, LocalizedText>;
  std::error_code ec;
  if (!std::filesystem::exists(root, ec)) {
    return Result::failure({"`" + root.string() + "` does not exist", "“" + root.string() + "”不存在"});
  }
  if (std::filesystem::is_regular_file(root, ec)) return std::vector<std::filesystem::path>{root};
  std::vector<std::filesystem::path> files;
  std::filesystem::recursive_directory_iterator it(root, std::filesystem::directory_options::none, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() != ".rules") continue;
    std::error_code status_ec;
    if (it->is_regular_file(status_ec)) {
      files.push_back(it->path());
      continue;
    }
    if (it->is_directory(status_ec)) continue;  // a directory that happens to be named *.rules
    // A link in a loop or to nothing, a device, a pipe: never skipped without a word.
    const std::string shown = it->path().string();
    const bool link = it->is_symlink(status_ec);
    return Result::failure(
        {link ? "`" + shown + "` is a symbolic link that leads to no file (a loop, or a missing target)"
              : "`" + shown + "` is not a regular file",
         link ? "“" + shown + "”是符号链接，但未指向任何文件（循环链接或目标不存在）" : "“" + shown + "”不是普通文件"});
  }
  if (ec) {
    return Result::failure({"cannot list `" + root.string() + "`: " + ec.message(),
                            "无法列出“" + root.string() + "”的内容：" + ec.message()});
  }
  if (files.empty()) {
    return Result::failure({"no .rules files under `" + root.string() + "`",
                            "“" + root.string() + "”下没有 .rules 文件"});
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace zhunru
