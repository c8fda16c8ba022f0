//===- test_task_block.cpp - A task and its root frame in one block -------===//
///
/// \file
/// Coro::make leaves room after a frame for the task create_task() may
/// build there, so that spawning a coroutine is one allocation. The block
/// must be freed exactly once on every path: the coroutine awaited or dropped
/// instead of spawned, the task outliving its frame, the frame holding the
/// last handle to its own task, create_task() failing, frames too large or
/// over-aligned for the room. The ASan+UBSan tree runs these too: a double
/// free, a leak or a use after free fails there.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cstdint>

using namespace cosm_test;
using cosm::detail::FrameStorage;

namespace {

struct TaskBlock : ::testing::Test, Fixture {};

template <std::size_t N> struct Blob final : cosm::Frame<int> {
  unsigned char Bytes[N] = {};
  cosm::Step resume() override {
    return_value(int(N));
    return finish();
  }
  const char *function_name() const noexcept override { return "blob"; }
};

struct alignas(64) Wide final : cosm::Frame<int> {
  cosm::Step resume() override {
    return_value(int(reinterpret_cast<std::uintptr_t>(this) % 64));
    return finish();
  }
  const char *function_name() const noexcept override { return "wide"; }
};

/// Where create_task() builds the task in a block Coro::make allocated.
template <class FrameT> const void *roomAfter(const cosm::FrameBase *F) {
  return reinterpret_cast<const unsigned char *>(F) +
         cosm::detail::roundToBlock(sizeof(FrameT));
}

const cosm::FrameBase *rootOf(const cosm::Task<int> &T) {
  return static_cast<const cosm::detail::TaskBase *>(T.impl())->rootFrame();
}

TEST_F(TaskBlock, ASpawnedCoroutineIsOneBlockWithItsTask) {
  cosm::run(lambda_coro("main", [](auto &F) {
    auto C = cosm::Coro<int>::make<Blob<40>>();
    const cosm::FrameBase *Frame = C.frame();
    EXPECT_EQ(Frame->frame_storage, FrameStorage::TaskRoom);
    auto T = cosm::create_task(std::move(C));
    EXPECT_EQ(static_cast<const void *>(T.impl()), roomAfter<Blob<40>>(Frame));
    EXPECT_EQ(Frame->frame_storage, FrameStorage::InTask);
    EXPECT_EQ(rootOf(T), Frame);
    return F.finish();
  }));
}

TEST_F(TaskBlock, TheTaskOutlivesItsFrame) {
  cosm::Task<int> Kept;
  cosm::run(lambda_coro("main", [&Kept](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    Kept = cosm::create_task(cosm::Coro<int>::make<Blob<100>>());
    AWAIT(F, 1, Kept);
    return F.finish();
  }));
  // The frame went when the task finished; the task, in the same block,
  // still holds the result until the last handle goes.
  ASSERT_TRUE(Kept && Kept.done());
  EXPECT_EQ(rootOf(Kept), nullptr);
  EXPECT_EQ(Kept.result(), 100);
  Kept = {};
}

TEST_F(TaskBlock, ACoroutineNotSpawnedFreesItsBlock) {
  int Got = 0;
  cosm::run(lambda_coro("main", [&Got](auto &F) {
    // Awaited inline: the room is never used.
    cosm::Coro<int> Child;
    switch (F.state) {
    case 0:
      Child = cosm::Coro<int>::make<Blob<24>>();
      EXPECT_EQ(Child.frame()->frame_storage, FrameStorage::TaskRoom);
      if (Child.step() == cosm::Step::Suspended)
        return cosm::Step::Suspended;
      Got = Child.take_result();
      // Dropped on purpose, and dropped unstarted (reported never awaited).
      cosm::Coro<int>::make<Blob<24>>().close();
    }
    return F.finish();
  }));
  EXPECT_EQ(Got, 24);
  std::string Err = stderrOf([] { (void)cosm::Coro<int>::make<Blob<8>>(); });
  EXPECT_NE(Err.find("coroutine 'blob' was never awaited"), std::string::npos)
      << Err;
}

TEST_F(TaskBlock, AFrameMayHoldTheLastHandleToItsTask) {
  // The frame keeps its own task alive (a cycle) until the task destroys
  // the frame inside the task's block: when the task finishes, and when the
  // loop's close abandons it. (And a task cancelled before its first step
  // destroys a frame that never ran.)
  auto SelfHolding = [](bool Forever) {
    return lambda_coro(
        "self",
        [Forever, Self = cosm::AnyTask()](auto &F) mutable -> cosm::Step {
          Self = cosm::current_task();
          if (Forever) {
            F.state = 1;
            return cosm::suspend_on(
                cosm::Future<int>(cosm::get_running_loop()));
          }
          return F.finish();
        });
  };
  cosm::run(lambda_coro("main", [&](auto &F) {
    switch (F.state) {
    case 0:
      (void)cosm::create_task(SelfHolding(false));
      cosm::create_task(SelfHolding(false)).cancel();
      F.state = 1;
      return cosm::Step::Suspended; // a bare yield: both tasks step
    case 1:
      break;
    }
    return F.finish();
  }));
  cosm::Loop L;
  L.create_task(SelfHolding(true));
  std::string Err = stderrOf([&] {
    L.run_until_complete(lambda_coro("tick", [](auto &F) {
      switch (F.state) {
      case 0:
        F.state = 1;
        return cosm::Step::Suspended;
      }
      return F.finish();
    }));
    L.close();
  });
  EXPECT_NE(Err.find("Task was destroyed but it is pending!"),
            std::string::npos)
      << Err;
}

TEST_F(TaskBlock, ACreateTaskThatFailsFreesTheBlock) {
  cosm::Loop L;
  L.close();
  // As in CPython, the coroutine the task would have run was never awaited.
  std::string Err = stderrOf([&] {
    auto C = cosm::Coro<int>::make<Blob<40>>();
    EXPECT_THROW(L.create_task(std::move(C)), cosm::RuntimeError);
  });
  EXPECT_NE(Err.find("coroutine 'blob' was never awaited"), std::string::npos)
      << Err;
}

TEST_F(TaskBlock, LargeAndOverAlignedFrames) {
  cosm::Task<int> Large, Huge, Wide_;
  cosm::run(lambda_coro("main", [&](auto &F) {
    switch (F.state) {
    case 0: {
      // Past the pool's largest class: one block from the global allocator.
      auto L = cosm::Coro<int>::make<Blob<1000>>();
      const cosm::FrameBase *LF = L.frame();
      EXPECT_EQ(LF->frame_storage, FrameStorage::TaskRoom);
      Large = cosm::create_task(std::move(L));
      EXPECT_EQ(static_cast<const void *>(Large.impl()),
                roomAfter<Blob<1000>>(LF));
      // Too large to record the block's size: a frame and a task apart.
      auto H = cosm::Coro<int>::make<Blob<(std::size_t(1) << 20)>>();
      EXPECT_EQ(H.frame()->frame_storage, FrameStorage::Heap);
      Huge = cosm::create_task(std::move(H));
      // Over-aligned: the pool's aligned path, apart too.
      auto W = cosm::Coro<int>::make<Wide>();
      EXPECT_EQ(W.frame()->frame_storage, FrameStorage::Heap);
      Wide_ = cosm::create_task(std::move(W));
      F.state = 1;
      return cosm::Step::Suspended; // the three tasks run in this pass
    }
    }
    return F.finish();
  }));
  EXPECT_EQ(Large.result(), 1000);
  EXPECT_EQ(Huge.result(), int(std::size_t(1) << 20));
  EXPECT_EQ(Wide_.result(), 0); // aligned to 64
}

} // namespace
