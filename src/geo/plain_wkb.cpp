#include "geo/plain_wkb.hpp"

#include <cstdint>
#include <cstring>

namespace zhunru::geo {
namespace {

class Walk {
 public:
  explicit Walk(std::string_view bytes) : rest_(bytes) {}

  bool geometry(int depth_left) {
    std::uint8_t order = 0;
    std::uint32_t type = 0;
    if (!read(order) || order != 1 || !read(type)) return false;
    switch (type) {
      case 1: return skip_points(1);
      case 2: return points();
      case 3: return polygon();
      case 4: case 5: case 6: case 7: {
        std::uint32_t n = 0;
        if (depth_left == 0 || !read(n) || n > rest_.size()) return false;
        for (std::uint32_t i = 0; i < n; ++i) {
          if (!geometry(depth_left - 1)) return false;
        }
        return true;
      }
      default: return false;  // Z, M, SRID or curved types: not what zhunru writes
    }
  }
  [[nodiscard]] bool done() const { return rest_.empty(); }

 private:
  template <class T>
  bool read(T& v) {
    if (rest_.size() < sizeof(T)) return false;
    std::memcpy(&v, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return true;
  }
  bool skip_points(std::uint64_t n) {
    if (n * 16 > rest_.size()) return false;
    rest_.remove_prefix(static_cast<std::size_t>(n * 16));
    return true;
  }
  bool points() {
    std::uint32_t n = 0;
    return read(n) && skip_points(n);
  }
  bool polygon() {
    std::uint32_t rings = 0;
    if (!read(rings) || rings > rest_.size()) return false;
    for (std::uint32_t i = 0; i < rings; ++i) {
      if (!points()) return false;
    }
    return true;
  }

  std::string_view rest_;
};

}  // namespace

bool plain_wkb(std::string_view bytes, int max_depth) {
  Walk walk(bytes);
  return walk.geometry(max_depth) && walk.done();
}

}  // namespace zhunru::geo
