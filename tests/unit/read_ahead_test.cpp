// base/side_by_side.hpp's ReadAhead: results in order, one made ahead, and
// any order of taking still answers make(i).
#include <doctest/doctest.h>

#include <atomic>
#include <memory>
#include <string>

#include "base/side_by_side.hpp"

TEST_CASE("read ahead: each take(i) is make(i), the next one made meanwhile, at most two alive") {
  std::atomic<int> made{0};
  std::atomic<int> alive{0};
  std::atomic<int> most_alive{0};
  struct Counted {
    std::atomic<int>* alive;
    int value;
  };
  const auto release = [](Counted* c) {
    --*c->alive;
    delete c;
  };
  zhunru::ReadAhead<std::shared_ptr<Counted>> ahead(10, [&](std::size_t i) {
    ++made;
    const int now = ++alive;
    for (int seen = most_alive; now > seen && !most_alive.compare_exchange_weak(seen, now);) {
    }
    return std::shared_ptr<Counted>(new Counted{&alive, static_cast<int>(i) * 10}, release);
  });
  for (std::size_t i = 0; i < 10; ++i) {
    const std::shared_ptr<Counted> got = ahead.take(i);
    CHECK(got->value == static_cast<int>(i) * 10);
  }
  CHECK(made == 10);  // nothing made twice, nothing beyond the last
  CHECK(most_alive <= 2);
}

TEST_CASE("read ahead: taken out of order, it still answers make(i)") {
  zhunru::ReadAhead<std::string> ahead(5, [](std::size_t i) { return std::to_string(i); });
  CHECK(ahead.take(3) == "3");
  CHECK(ahead.take(1) == "1");  // not the one made ahead (4): made now
  CHECK(ahead.take(2) == "2");  // made ahead
  CHECK(ahead.take(4) == "4");
}
