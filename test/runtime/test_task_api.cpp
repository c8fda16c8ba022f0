//===- test_task_api.cpp - remove_done_callback, sleep(delay, result) -----===//
///
/// \file
/// The smaller pieces of asyncio's task API: Future/Task
/// remove_done_callback(fn), sleep(delay, result) and the name of
/// get_coro(). Expected lines come from the asyncio twin quoted with each
/// test.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

using Lines = std::vector<std::string>;

void onDone(const cosm::Future<int> &F) { p("cb " + std::to_string(F.result())); }
void other(const cosm::Future<int> &) { p("other"); }

// f.add_done_callback(cb); f.add_done_callback(other); f.add_done_callback(cb)
// p("removed", f.remove_done_callback(cb)); f.set_result(1)
TEST(RemoveDoneCallback, RemovesEveryRegistrationOfAFunction) {
  out().clear();
  cosm::Loop L;
  cosm::Future<int> F(L);
  F.add_done_callback(&onDone);
  F.add_done_callback(&other);
  F.add_done_callback(onDone);
  EXPECT_EQ(F.remove_done_callback(onDone), 2);
  EXPECT_EQ(F.remove_done_callback(&onDone), 0);
  F.set_result(1);
  L.run_until_complete(F);
  L.call_soon([&L] { L.stop(); });
  L.run_forever();
  EXPECT_EQ(out(), (Lines{"other @ 1"}));
}

// A capture-less lambda matches its own copies.
TEST(RemoveDoneCallback, RemovesACapturelessLambda) {
  out().clear();
  cosm::Loop L;
  cosm::Future<int> F(L);
  auto Cb = [](const cosm::Future<int> &) { p("lambda"); };
  F.add_done_callback(Cb);
  F.add_done_callback(&other);
  EXPECT_EQ(F.remove_done_callback(Cb), 1);
  F.set_result(1);
  L.run_until_complete(F);
  L.call_soon([&L] { L.stop(); });
  L.run_forever();
  EXPECT_EQ(out(), (Lines{"other @ 1"}));
}

// Once the future is done its callbacks are scheduled: nothing to remove.
// f.add_done_callback(cb); f.set_result(2); p(f.remove_done_callback(cb))
TEST(RemoveDoneCallback, ScheduledCallbacksStay) {
  out().clear();
  cosm::Loop L;
  cosm::Future<int> F(L);
  F.add_done_callback(onDone);
  F.set_result(2);
  EXPECT_EQ(F.remove_done_callback(onDone), 0);
  L.run_until_complete(F);
  L.call_soon([&L] { L.stop(); });
  L.run_forever();
  EXPECT_EQ(out(), (Lines{"cb 2 @ 1"}));
}

void taskDone(const cosm::Task<int> &) { p("task done"); }

TEST(RemoveDoneCallback, WorksOnTasks) {
  out().clear();
  cosm::Loop L;
  auto T = L.create_task(value(3));
  T.add_done_callback(taskDone);
  EXPECT_EQ(T.remove_done_callback(taskDone), 1);
  EXPECT_EQ(L.run_until_complete(T), 3);
  EXPECT_TRUE(out().empty());
}

// async def main():
//     p("got", await asyncio.sleep(0, "zero"))
//     p("got", await asyncio.sleep(0.001, "later"))
TEST(SleepResult, ReturnsTheResultWithSleepsPasses) {
  out().clear();
  cosm::run(lambda_coro("main", [C = cosm::Coro<std::string>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    AWAIT_CORO(F, 1, C, cosm::sleep(0, std::string("zero")));
    p("got " + C.take_result());
    AWAIT_CORO(F, 2, C, cosm::sleep(0.001, std::string("later")));
    p("got " + C.take_result());
    return F.finish();
  }));
  EXPECT_EQ(out(), (Lines{"got zero @ 2", "got later @ 4"}));
}

// A cancelled sleep(delay, result) raises CancelledError, not the result.
TEST(SleepResult, CancelledRaises) {
  cosm::Loop L;
  auto T = L.create_task(cosm::sleep(10, 5));
  L.call_soon([T] { T.cancel(); });
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
}

// t = create_task(value(3)); t.get_coro().__qualname__ -> 'value', also
// once the task is done.
TEST(GetCoroName, IsTheAsyncFunctionsName) {
  cosm::Loop L;
  auto T = L.create_task(value(3));
  EXPECT_STREQ(T.get_coro_name(), "value");
  EXPECT_EQ(L.run_until_complete(T), 3);
  EXPECT_STREQ(T.get_coro_name(), "value");
  EXPECT_STREQ(cosm::AnyTask(T).get_coro_name(), "value");
}

} // namespace
