// SHA-256 (OpenSSL) fed in pieces, as lowercase hex: the content hash every
// decision carries, and the fingerprints of audit findings.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/evp.h>

namespace zhunru {

class Sha256 {
 public:
  Sha256();
  void add(std::string_view bytes);
  /// The 64 hex digits of everything added; call once.
  [[nodiscard]] std::string hex();

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

}  // namespace zhunru
