// Bytes from a stream, a block at a time: what the batch readers scan. Reads
// never more than one block ahead, so memory does not grow with the input.
#pragma once

#include <array>
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <istream>
#include <string>

namespace zhunru::batch {

class ByteSource {
 public:
  static constexpr int kEnd = -1;

  explicit ByteSource(std::istream& in) : in_(in) {}

  /// The next byte (0–255), or kEnd.
  int get() {
    if (at_ == size_ && !refill()) return kEnd;
    return static_cast<unsigned char>(block_[at_++]);
  }
  /// The next byte without taking it.
  int peek() {
    if (at_ == size_ && !refill()) return kEnd;
    return static_cast<unsigned char>(block_[at_]);
  }
  /// Takes the bytes up to the next line break (taken too, not kept) or the
  /// end, a block at a time; keeps at most `max` of them in `line`
  /// (`oversized` tells when more were left out). False when nothing was left.
  bool take_line(std::string& line, std::size_t max, bool& oversized) {
    bool any = false;
    while (at_ < size_ || refill()) {
      any = true;
      const char* begin = block_.data() + at_;
      const std::size_t left = size_ - at_;
      const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', left));
      const std::size_t n = nl != nullptr ? static_cast<std::size_t>(nl - begin) : left;
      const std::size_t room = max > line.size() ? max - line.size() : 0;
      oversized = oversized || n > room;
      line.append(begin, std::min(n, room));
      at_ += n + (nl != nullptr ? 1 : 0);
      if (nl != nullptr) break;
    }
    return any;
  }

  /// Bytes taken so far.
  [[nodiscard]] std::size_t consumed() const { return before_ + at_; }

 private:
  bool refill() {
    before_ += size_;
    at_ = 0;
    in_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
    size_ = static_cast<std::size_t>(in_.gcount());
    return size_ > 0;
  }

  std::istream& in_;
  std::array<char, 1 << 16> block_{};
  std::size_t size_ = 0;
  std::size_t at_ = 0;
  std::size_t before_ = 0;
};

}  // namespace zhunru::batch
