// Bytes from a stream, a block at a time: what the batch readers scan. Reads
// never more than one block ahead, so memory does not grow with the input.
#pragma once

#include <array>
#include <cstddef>
#include <istream>

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
