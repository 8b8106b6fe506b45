// An ostream that hands what is written to an HTTP chunked response in
// blocks of 64 KiB (httplib's own sink stream sends a chunk per write,
// i.e. per JSON fragment). When the client has gone, further writes fail
// the stream (badbit) instead of piling up.
#pragma once

#include <array>
#include <ostream>
#include <streambuf>

#include <httplib.h>

namespace zhunru::service {

class ChunkBuffer : public std::streambuf {
 public:
  explicit ChunkBuffer(httplib::DataSink& sink) : sink_(sink) { setp(block_.data(), block_.data() + block_.size()); }
  ~ChunkBuffer() override { sync(); }

 protected:
  int_type overflow(int_type c) override {
    if (!send()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return send() ? 0 : -1; }

 private:
  bool send() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    setp(block_.data(), block_.data() + block_.size());
    return n == 0 || sink_.write(block_.data(), n);
  }

  httplib::DataSink& sink_;
  std::array<char, 64 * 1024> block_{};
};

}  // namespace zhunru::service
