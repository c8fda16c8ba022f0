//===- test_seed.cpp - The seed reference programs ------------------------===//
///
/// \file
/// /work/shared/reference/seed_*.cpp lowered by hand, exactly as cosm-lower
/// would, checked against what CPython prints for the .py twins.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <gtest/gtest.h>

#include <bitset>
#include <memory>
#include <new>

using namespace cosm_test;

namespace {

// COSM_ASYNC cosm::Coro<void> coro_a() { std::puts("I am coro_a(). Hi!"); }
struct coro_a_frame final : cosm::Frame<void> {
  cosm::Step resume() override {
    print("I am coro_a(). Hi!");
    return finish();
  }
  const char *function_name() const noexcept override { return "coro_a"; }
};
cosm::Coro<void> coro_a() { return cosm::Coro<void>::make<coro_a_frame>(); }

struct coro_b_frame final : cosm::Frame<void> {
  cosm::Step resume() override {
    print("I am coro_b(). I sure hope no one hogs the event loop...");
    return finish();
  }
  const char *function_name() const noexcept override { return "coro_b"; }
};
cosm::Coro<void> coro_b() { return cosm::Coro<void>::make<coro_b_frame>(); }

// COSM_ASYNC cosm::Coro<void> await_coroutines_a() {
//   cosm::Task<void> task_b = cosm::create_task(coro_b());
//   for (int i = 0; i < 3; ++i)
//     cosm::await(coro_a());
//   cosm::await(task_b);
// }
struct await_coroutines_a_frame final : cosm::Frame<void> {
  await_coroutines_a_frame() {}
  ~await_coroutines_a_frame() override { unwind(); }
  cosm::Step resume() override {
    switch (state) {
    case 0:
      break;
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    new (&task_b) cosm::Task<void>(cosm::create_task(coro_b()));
    live.set(0);
    for (i = 0; i < 3; ++i) {
      child_1 = coro_a();
    resume_1:
      if (child_1.step() == cosm::Step::Suspended) {
        state = 1;
        return cosm::Step::Suspended;
      }
      child_1.take_result();
    }
    if (!task_b.done()) {
      state = 2;
      return cosm::suspend_on(task_b);
    resume_2:
      cosm::resume_point();
    }
    task_b.result();
    unwind();
    return finish();
  }
  void unwind() noexcept override {
    child_1 = cosm::Coro<void>();
    if (live.test(0)) {
      std::destroy_at(&task_b);
      live.reset(0);
    }
  }
  const char *function_name() const noexcept override {
    return "await_coroutines_a";
  }

  union {
    cosm::Task<void> task_b;
  };
  std::bitset<1> live;
  int i = 0;
  cosm::Coro<void> child_1;
};
cosm::Coro<void> await_coroutines_a() {
  return cosm::Coro<void>::make<await_coroutines_a_frame>();
}

// COSM_ASYNC cosm::Coro<void> await_tasks_a() {
//   cosm::Task<void> task_b = cosm::create_task(coro_b());
//   std::vector<cosm::Task<void>> tasks_a;
//   for (int i = 0; i < 3; ++i)
//     tasks_a.push_back(cosm::create_task(coro_a()));
//   for (auto &task_a : tasks_a)
//     cosm::await(task_a);
//   cosm::await(task_b);
// }
struct await_tasks_a_frame final : cosm::Frame<void> {
  await_tasks_a_frame() {}
  ~await_tasks_a_frame() override { unwind(); }
  cosm::Step resume() override {
    switch (state) {
    case 0:
      break;
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    new (&task_b) cosm::Task<void>(cosm::create_task(coro_b()));
    live.set(0);
    new (&tasks_a) std::vector<cosm::Task<void>>();
    live.set(1);
    for (int i = 0; i < 3; ++i)
      tasks_a.push_back(cosm::create_task(coro_a()));
    for (it = tasks_a.begin(); it != tasks_a.end(); ++it) {
      if (!it->done()) {
        state = 1;
        return cosm::suspend_on(*it);
      resume_1:
        cosm::resume_point();
      }
      it->result();
    }
    if (!task_b.done()) {
      state = 2;
      return cosm::suspend_on(task_b);
    resume_2:
      cosm::resume_point();
    }
    task_b.result();
    unwind();
    return finish();
  }
  void unwind() noexcept override {
    if (live.test(1)) {
      std::destroy_at(&tasks_a);
      live.reset(1);
    }
    if (live.test(0)) {
      std::destroy_at(&task_b);
      live.reset(0);
    }
  }
  const char *function_name() const noexcept override {
    return "await_tasks_a";
  }

  union {
    cosm::Task<void> task_b;
  };
  union {
    std::vector<cosm::Task<void>> tasks_a;
  };
  std::bitset<2> live;
  std::vector<cosm::Task<void>>::iterator it;
};
cosm::Coro<void> await_tasks_a() {
  return cosm::Coro<void>::make<await_tasks_a_frame>();
}

struct Seed : ::testing::Test, Fixture {};

TEST_F(Seed, AwaitCoroutines) {
  cosm::run(await_coroutines_a());
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "I am coro_a(). Hi!",
                       "I am coro_a(). Hi!",
                       "I am coro_a(). Hi!",
                       "I am coro_b(). I sure hope no one hogs the event "
                       "loop...",
                   }));
}

TEST_F(Seed, AwaitTasks) {
  cosm::run(await_tasks_a());
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "I am coro_b(). I sure hope no one hogs the event "
                       "loop...",
                       "I am coro_a(). Hi!",
                       "I am coro_a(). Hi!",
                       "I am coro_a(). Hi!",
                   }));
}

} // namespace
