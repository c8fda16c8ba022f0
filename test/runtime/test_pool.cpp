//===- test_pool.cpp - Per-thread free lists (cosm/pool.hpp) --------------===//
///
/// \file
/// While a loop runs, a freed frame's block is handed to the next frame of
/// its size class; over-aligned and large objects bypass the lists; between
/// runs nothing is kept.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cstdint>
#include <cstdlib>

using namespace cosm_test;

namespace {

struct Pool : ::testing::Test, Fixture {};

#if defined(__SANITIZE_ADDRESS__)
#define COSM_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COSM_TEST_ASAN 1
#endif
#endif

/// The lists are off with COSM_NO_POOL=1 and under AddressSanitizer.
bool pooling() {
#ifdef COSM_TEST_ASAN
  return false;
#else
  const char *Env = std::getenv("COSM_NO_POOL");
  return !(Env && *Env && Env[0] != '0');
#endif
}

struct alignas(64) Wide {
  char Bytes[64];
};

template <std::size_t N> struct Blob final : cosm::Frame<int> {
  unsigned char Bytes[N] = {};
  cosm::Step resume() override {
    return_value(int(reinterpret_cast<std::uintptr_t>(this) % 64));
    return finish();
  }
  const char *function_name() const noexcept override { return "blob"; }
};

struct Aligned final : cosm::Frame<int> {
  Wide W;
  cosm::Step resume() override {
    return_value(int(reinterpret_cast<std::uintptr_t>(&W) % alignof(Wide)));
    return finish();
  }
  const char *function_name() const noexcept override { return "aligned"; }
};

TEST_F(Pool, AFreedBlockServesTheNextObjectOfItsClass) {
  if (!pooling())
    GTEST_SKIP() << "the free lists are off (COSM_NO_POOL or ASan)";
  const void *First = nullptr;
  const void *Second = nullptr;
  cosm::run(lambda_coro("main", [&](auto &F) {
    auto A = cosm::Coro<int>::make<Blob<40>>();
    First = A.frame();
    A.close();
    auto B = cosm::Coro<int>::make<Blob<40>>();
    Second = B.frame();
    B.close();
    return F.finish();
  }));
  EXPECT_EQ(First, Second);
}

TEST_F(Pool, OverAlignedAndLargeFramesKeepTheirAlignment) {
  int Misaligned = -1;
  int Large = -1;
  cosm::run(lambda_coro("main", [&](auto &F) {
    for (int I = 0; I < 3; ++I) {
      auto A = cosm::Coro<int>::make<Aligned>();
      A.step();
      Misaligned = A.take_result();
      auto L = cosm::Coro<int>::make<Blob<4096>>();
      L.step();
      Large = L.take_result() % int(alignof(std::max_align_t));
    }
    return F.finish();
  }));
  EXPECT_EQ(Misaligned, 0);
  EXPECT_EQ(Large, 0);
}

TEST_F(Pool, ObjectsOutliveTheRunThatMadeThem) {
  cosm::Task<int> Kept;
  cosm::run(lambda_coro("main", [&](auto &F) {
    Kept = cosm::create_task(cosm::sleep(0, 7));
    return F.finish();
  }));
  // run() cancelled it and the lists were emptied when the loop stopped;
  // dropping the last handle now frees it to the allocator.
  EXPECT_TRUE(Kept.cancelled());
  Kept = {};
  cosm::run(lambda_coro("main", [&](auto &F) { return F.finish(); }));
}

} // namespace
