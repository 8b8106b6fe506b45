#include "api/content_hash.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace zhunru {
namespace {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) { EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr); }
  void add(std::string_view bytes) { EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size()); }
  std::string finish() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < length; ++i) {
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 0xf];
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

}  // namespace

std::string content_hash(HashedFiles files) {
  std::sort(files.begin(), files.end());
  Sha256 sha;
  for (const auto& [path, bytes] : files) {
    // Length-prefixed, so no two different file sets hash the same stream.
    sha.add(path + '\0' + std::to_string(bytes.size()) + '\0');
    sha.add(bytes);
  }
  return sha.finish();
}

}  // namespace zhunru
