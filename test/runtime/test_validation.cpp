//===- test_validation.cpp - What asyncio validates, cosm validates -------===//
///
/// \file
/// Every argument or state check asyncio 3.11 makes raises the same
/// exception type in cosm, with the message asyncio gives where cosm has
/// the same message. docs/runtime.md's "Bad input" table points here. (The
/// checks of Barrier, Queue's maxsize, wait() and Timeout are tested beside
/// those features: test_barrier.cpp, test_wait.cpp, test_timeout_object.cpp.)
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <thread>

using namespace cosm_test;

namespace {

/// Runs Fn and returns the message of the E it throws ("" if none).
template <class E, class F> std::string messageOf(F &&Fn) {
  try {
    Fn();
  } catch (const E &Err) {
    return Err.what();
  }
  return "<nothing thrown>";
}

// asyncio.Semaphore(-1) -> ValueError('Semaphore initial value must be >= 0')
TEST(Validation, NegativeSemaphoreValue) {
  EXPECT_EQ(messageOf<cosm::ValueError>([] { cosm::Semaphore S(-1); }),
            "Semaphore initial value must be >= 0");
  EXPECT_EQ(messageOf<cosm::ValueError>([] { cosm::BoundedSemaphore S(-1); }),
            "Semaphore initial value must be >= 0");
}

// BoundedSemaphore(1).release() -> ValueError
TEST(Validation, BoundedSemaphoreOverRelease) {
  cosm::BoundedSemaphore S(1);
  EXPECT_EQ(messageOf<cosm::ValueError>([&] { S.release(); }),
            "BoundedSemaphore released too many times");
}

// Lock().release() -> RuntimeError('Lock is not acquired.')
TEST(Validation, ReleasingAnUnlockedLock) {
  cosm::Lock L;
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { L.release(); }),
            "Lock is not acquired.");
}

// Condition().notify() -> RuntimeError('cannot notify on un-acquired lock');
// await Condition().wait() -> RuntimeError('cannot wait on un-acquired lock')
TEST(Validation, ConditionWithoutItsLock) {
  cosm::Condition C;
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { C.notify(); }),
            "cannot notify on un-acquired lock");
  cosm::Loop L;
  EXPECT_EQ(
      messageOf<cosm::RuntimeError>([&] { L.run_until_complete(C.wait()); }),
      "cannot wait on un-acquired lock");
}

// Queue().task_done() -> ValueError('task_done() called too many times')
TEST(Validation, TaskDoneTooManyTimes) {
  cosm::Queue<int> Q;
  EXPECT_EQ(messageOf<cosm::ValueError>([&] { Q.task_done(); }),
            "task_done() called too many times");
}

// loop.close(); loop.call_soon(f) / call_later / create_task /
// run_until_complete -> RuntimeError('Event loop is closed')
TEST(Validation, AClosedLoop) {
  cosm::Loop L;
  L.close();
  const std::string Closed = "Event loop is closed";
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { L.call_soon([] {}); }), Closed);
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { L.call_later(1, [] {}); }),
            Closed);
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { L.create_task(noop()); }),
            Closed);
  EXPECT_EQ(
      messageOf<cosm::RuntimeError>([&] { L.run_until_complete(noop()); }),
      Closed);
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { L.run_forever(); }), Closed);
  EXPECT_EQ(
      messageOf<cosm::RuntimeError>([&] { L.call_soon_threadsafe([] {}); }),
      Closed);
}

// Inside a running loop: loop.close() -> RuntimeError('Cannot close a
// running event loop'); loop.run_until_complete(...) -> RuntimeError('This
// event loop is already running'); asyncio.run(...) -> RuntimeError
TEST(Validation, ARunningLoop) {
  cosm::Loop L;
  std::vector<std::string> Got;
  L.run_until_complete(lambda_coro("main", [&](auto &F) {
    Got.push_back(messageOf<cosm::RuntimeError>([&] { L.close(); }));
    Got.push_back(
        messageOf<cosm::RuntimeError>([&] { L.run_until_complete(noop()); }));
    Got.push_back(messageOf<cosm::RuntimeError>([&] { cosm::run(noop()); }));
    return F.finish();
  }));
  EXPECT_EQ(Got, (std::vector<std::string>{
                     "Cannot close a running event loop",
                     "This event loop is already running",
                     "cosm::run() cannot be called from a running event "
                     "loop"}));
}

// asyncio.get_running_loop() outside a loop -> RuntimeError('no running
// event loop')
TEST(Validation, NoRunningLoop) {
  EXPECT_EQ(messageOf<cosm::RuntimeError>([] { cosm::get_running_loop(); }),
            "no running event loop");
  EXPECT_THROW(cosm::create_task(noop()), cosm::RuntimeError);
}

// In debug mode, call_soon/call_later from a thread other than the running
// loop's -> RuntimeError('Non-thread-safe operation invoked on an event
// loop other than the current one'); without debug mode asyncio does not
// check, and neither does cosm.
TEST(Validation, ALoopUsedFromAnotherThreadInDebugMode) {
  for (bool Debug : {true, false}) {
    cosm::Loop L;
    L.set_debug(Debug);
    std::string Soon, Later;
    L.run_until_complete(lambda_coro("main", [&](auto &F) {
      // The loop's thread waits in join(): nothing races.
      std::thread([&] {
        Soon = messageOf<cosm::RuntimeError>([&] { L.call_soon([] {}); });
        Later = messageOf<cosm::RuntimeError>([&] { L.call_later(0, [] {}); });
      }).join();
      return F.finish();
    }));
    const std::string Want =
        Debug ? "Non-thread-safe operation invoked on an event loop other "
                "than the current one"
              : "<nothing thrown>";
    EXPECT_EQ(Soon, Want) << "debug " << Debug;
    EXPECT_EQ(Later, Want) << "debug " << Debug;
  }
}

// fut.result() while pending, fut.set_result() twice -> InvalidStateError
// The messages are CPython's (its C futures'), which programs print.
TEST(Validation, FutureStates) {
  cosm::Loop L;
  cosm::Future<int> F(L);
  EXPECT_EQ(messageOf<cosm::InvalidStateError>([&] { F.result(); }),
            "Result is not set.");
  EXPECT_EQ(messageOf<cosm::InvalidStateError>([&] { F.exception(); }),
            "Exception is not set.");
  F.set_result(1);
  EXPECT_EQ(messageOf<cosm::InvalidStateError>([&] { F.set_result(2); }),
            "invalid state");
  EXPECT_EQ(messageOf<cosm::InvalidStateError>(
                [&] { F.set_exception(cosm::ValueError("x")); }),
            "invalid state");
}

// An Event waited on in one loop, then in another -> RuntimeError('<repr>
// is bound to a different event loop'); cosm names the type, not a repr.
TEST(Validation, ASynchronisationObjectUsedFromASecondLoop) {
  cosm::Event E;
  cosm::Loop A;
  auto T = A.create_task(E.wait());
  A.run_until_complete(cosm::sleep(0));
  E.set();
  A.run_until_complete(T);
  E.clear();
  cosm::Loop B;
  EXPECT_EQ(
      messageOf<cosm::RuntimeError>([&] { B.run_until_complete(E.wait()); }),
      "Event is bound to a different event loop");
}

// The same from one cosm::run() to the next, whose loop may have the first
// one's address.
TEST(Validation, ASynchronisationObjectUsedInALaterRun) {
  cosm::Event E;
  cosm::Task<bool> Waiter;
  cosm::run(lambda_coro("first", [&](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    // The waiter parks (binding E) before the callback sets E.
    Waiter = cosm::create_task(E.wait());
    cosm::get_running_loop().call_soon([&E] { E.set(); });
    AWAIT(F, 1, Waiter);
    return F.finish();
  }));
  E.clear();
  EXPECT_EQ(messageOf<cosm::RuntimeError>([&] { cosm::run(E.wait()); }),
            "Event is bound to a different event loop");
}

} // namespace
