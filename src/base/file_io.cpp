#include "base/file_io.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace zhunru {

Expected<std::string, LocalizedText> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Expected<std::string, LocalizedText>::failure(
        {"`" + path.string() + "` is a directory, not a file", "“" + path.string() + "”是目录而不是文件"});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Expected<std::string, LocalizedText>::failure(
        {"cannot read `" + path.string() + "`: no such file or no permission",
         "无法读取“" + path.string() + "”：文件不存在或没有权限"});
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    return Expected<std::string, LocalizedText>::failure(
        {"error while reading `" + path.string() + "`", "读取“" + path.string() + "”时出错"});
  }
  return bytes.str();
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
    if (it->is_regular_file(ec) && it->path().extension() == ".rules") files.push_back(it->path());
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
