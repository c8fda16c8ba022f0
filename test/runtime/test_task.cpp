//===- test_task.cpp - cosm::Task -----------------------------------------===//
///
/// \file
/// Rules 5-9 (how tasks start, wait, yield and await coroutines inline),
/// names, current_task, results and misuse. Cancellation (rule 10) is in
/// test_cancel.cpp. Expected lines come from the asyncio twin of each test,
/// with _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <memory>
#include <optional>
#include <stdexcept>

using namespace cosm_test;

namespace {

struct TaskTest : ::testing::Test, Fixture {};

// async def leaf(f): p("leaf waits"); r = await f; p("leaf got", r); return r +
// 1
cosm::Coro<int> leaf(cosm::Future<int> Fut) {
  return lambda_coro<int>("leaf", [Fut](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("leaf waits");
    AWAIT(F, 1, Fut);
    p("leaf got " + std::to_string(Fut.result()));
    F.return_value(Fut.result() + 1);
    return F.finish();
  });
}

// async def mid(f): p("mid calls leaf"); r = await leaf(f); p("mid got", r);
// return r + 1
cosm::Coro<int> mid(cosm::Future<int> Fut) {
  return lambda_coro<int>("mid", [Fut, C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p("mid calls leaf");
    AWAIT_CORO(F, 1, C, leaf(Fut));
    {
      int R = C.take_result();
      p("mid got " + std::to_string(R));
      F.return_value(R + 1);
    }
    return F.finish();
  });
}

// Rules 6, 7, 9: the body starts in the next pass; an awaited coroutine runs
// inline and the whole chain blocks and resumes together, one pass after
// the future completes.
TEST_F(TaskTest, ChainOfCoroutinesBlocksAndResumesTogether) {
  cosm::run(lambda_coro("main", [Fut = std::optional<cosm::Future<int>>(),
                                 T = cosm::Task<int>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    Fut.emplace();
    T = cosm::create_task(mid(*Fut), "chain");
    p("created " + T.name());
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    Fut->set_result(1);
    p("set");
    AWAIT(F, 3, T);
    p("main got " + std::to_string(T.result()));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "created chain @ 1", "mid calls leaf @ 2",
                       "leaf waits @ 2", "set @ 3", "leaf got 1 @ 4",
                       "mid got 2 @ 4", "main got 3 @ 5"}));
}

TEST_F(TaskTest, EveryTaskIsNumberedNamedOrNot) {
  cosm::Loop L;
  auto A = L.create_task(noop());
  auto B = L.create_task(noop(), "custom");
  auto C = L.create_task(noop());
  ASSERT_EQ(A.name().rfind("Task-", 0), 0u);
  int N = std::stoi(A.name().substr(5));
  EXPECT_EQ(B.name(), "custom");
  // A named task uses up a number too, as in CPython 3.11.7:
  // create_task(noop(), name="custom") between Task-2 and Task-4.
  EXPECT_EQ(C.name(), "Task-" + std::to_string(N + 2));
  L.run_until_complete(C);
}

TEST_F(TaskTest, CurrentTaskIsTheTaskBeingStepped) {
  cosm::Loop L;
  cosm::AnyTask Seen;
  auto T = L.create_task(lambda_coro("who", [&Seen](auto &F) {
    Seen = cosm::current_task();
    return F.finish();
  }));
  cosm::AnyTask InCallback(T);
  L.call_soon([&] { InCallback = cosm::current_task(); });
  L.run_until_complete(T);
  EXPECT_TRUE(Seen == cosm::AnyTask(T));
  EXPECT_EQ(Seen.name(), T.name());
  EXPECT_FALSE(InCallback); // no task runs a plain callback
  EXPECT_THROW(cosm::current_task(), cosm::RuntimeError);
}

TEST_F(TaskTest, ResultValueExceptionAndPending) {
  cosm::Loop L;
  auto Ok = L.create_task(value(4));
  auto Bad = L.create_task(fail("nope"));
  EXPECT_FALSE(Ok.done());
  EXPECT_THROW(Ok.result(), cosm::InvalidStateError);
  EXPECT_THROW(Ok.exception(), cosm::InvalidStateError);
  EXPECT_EQ(L.run_until_complete(Ok), 4);
  EXPECT_TRUE(Bad.done());
  EXPECT_FALSE(Bad.cancelled());
  EXPECT_THROW(Bad.result(), std::runtime_error);
  EXPECT_NE(Bad.exception(), nullptr);
  EXPECT_THROW(L.run_until_complete(Bad), std::runtime_error);
  EXPECT_FALSE(Ok.cancel()); // done tasks cannot be cancelled
}

TEST_F(TaskTest, DoneCallbackGetsTheTask) {
  cosm::Loop L;
  auto T = L.create_task(value(11));
  int Got = 0;
  T.add_done_callback(
      [&](const cosm::Task<int> &Done) { Got = Done.result(); });
  L.run_until_complete(T);
  EXPECT_EQ(Got, 11); // ran before the run_until_complete stop callback
}

// async def boom(): p("boom"); raise ValueError("boom")
// The awaiter gets the exception; a dropped failed task reports it.
TEST_F(TaskTest, ExceptionsReachTheAwaiterOrAreReported) {
  std::string Err;
  cosm::run(lambda_coro("main", [&Err, T = cosm::Task<int>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      case 3:
        goto resume_3;
      }
      T = cosm::create_task(fail("boom"));
      AWAIT(F, 1, T);
      T.result();
    } catch (const std::runtime_error &E) {
      p(std::string("caught ") + E.what());
    }
    T = cosm::create_task(fail("boom"));
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    p("t2 dropped");
    Err = stderrOf([&] { T = cosm::Task<int>(); });
    AWAIT_CORO(F, 3, C, cosm::sleep(0));
    C.take_result();
    p("end");
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"caught boom @ 3",
                                             "t2 dropped @ 4", "end @ 5"}));
  EXPECT_NE(Err.find("Task exception was never retrieved"), std::string::npos);
  EXPECT_NE(Err.find("coro=<fail()>"), std::string::npos) << Err;
  EXPECT_NE(Err.find("std::runtime_error('boom')"), std::string::npos) << Err;
}

// async def selfawait():
//     p("self await")
//     try: await asyncio.current_task()
//     except RuntimeError as e: p(...)
// asyncio raises "Task cannot await on itself" at the await, a pass later.
cosm::Coro<void> selfawait(std::shared_ptr<cosm::Task<void>> Me) {
  return lambda_coro("selfawait", [Me](auto &F) -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      p("self await");
      AWAIT(F, 1, *Me);
      ADD_FAILURE() << "the await should have thrown";
    } catch (const cosm::RuntimeError &E) {
      p(std::string(E.what()).substr(0, 27));
    }
    return F.finish();
  });
}

TEST_F(TaskTest, AwaitingItselfRaisesAtTheAwait) {
  auto Me = std::make_shared<cosm::Task<void>>();
  cosm::run(lambda_coro("main", [Me](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    *Me = cosm::create_task(selfawait(Me));
    AWAIT(F, 1, *Me);
    Me->result();
    return F.finish();
  }));
  *Me = cosm::Task<void>();
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "self await @ 2", "Task cannot await on itself @ 3"}));
}

TEST_F(TaskTest, AwaitingAFutureOfAnotherLoopRaisesAtTheAwait) {
  cosm::Loop Other;
  cosm::Future<int> Foreign(Other);
  cosm::run(lambda_coro("main", [Foreign](auto &F) -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT(F, 1, Foreign);
      ADD_FAILURE() << "the await should have thrown";
    } catch (const cosm::RuntimeError &E) {
      EXPECT_NE(std::string(E.what()).find("attached to a different loop"),
                std::string::npos);
      p("refused");
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"refused @ 2"}));
}

// Each cosm::run() makes its loop on the stack: the second run's loop may
// live at the first's address, and is still another loop.
TEST_F(TaskTest, AwaitingAFutureOfAnEarlierRunRaisesAtTheAwait) {
  cosm::Future<int> Kept;
  cosm::run(lambda_coro("first", [&Kept](auto &F) {
    Kept = cosm::Future<int>(cosm::get_running_loop());
    return F.finish();
  }));
  cosm::run(lambda_coro("second", [Kept](auto &F) -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT(F, 1, Kept);
      ADD_FAILURE() << "the await should have thrown";
    } catch (const cosm::RuntimeError &E) {
      EXPECT_NE(std::string(E.what()).find("attached to a different loop"),
                std::string::npos);
      p("refused");
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"refused @ 2"}));
}

TEST_F(TaskTest, SuspendOnOutsideATaskIsAnError) {
  cosm::Loop L;
  cosm::Future<int> Fut(L);
  EXPECT_THROW(cosm::suspend_on(Fut), cosm::RuntimeError);
  EXPECT_THROW(cosm::create_task(cosm::Coro<int>()), cosm::RuntimeError);
}

TEST(NeverAwaited, DroppingAnUnstartedCoroutineWarns) {
  std::string Err = stderrOf([] { auto C = value(1); });
  EXPECT_EQ(Err, "RuntimeWarning: coroutine 'value' was never awaited\n");
  Err = stderrOf([] {
    auto C = value(1);
    C.step();
    C.take_result();
  });
  EXPECT_EQ(Err, "");
}

TEST(AllTasks, ListsPendingTasksOldestFirst) {
  cosm::Loop L;
  std::size_t Count = 0;
  auto Main = L.create_task(lambda_coro("main", [&Count](auto &F) {
    Count = cosm::all_tasks().size();
    return F.finish();
  }));
  auto Other = L.create_task(noop());
  EXPECT_EQ(L.all_tasks().size(), 2u);
  EXPECT_TRUE(L.all_tasks().front() == cosm::AnyTask(Main));
  L.run_until_complete(Main);
  EXPECT_EQ(Count, 2u);
  EXPECT_TRUE(L.all_tasks().empty());
}

} // namespace
