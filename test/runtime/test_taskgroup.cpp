//===- test_taskgroup.cpp - cosm::TaskGroup -------------------------------===//
///
/// \file
/// asyncio 3.11 TaskGroup ordering: children start in creation order, a
/// failing child cancels its siblings and the parent's body, the exit raises
/// ExceptionGroup; a parent cancelled while waiting cancels the children.
/// Expected lines come from the asyncio twin quoted above each test.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct TaskGroups : ::testing::Test, Fixture {};

std::string str(bool B) { return B ? "True" : "False"; }
std::string num(int N) { return std::to_string(N); }

// async def child(name, n, fail=False):
//     try:
//         p(name, "start")
//         for _ in range(n): await asyncio.sleep(0)
//         if fail: raise ValueError(name)
//         p(name, "done"); return n
//     except CancelledError: p(name, "cancelled"); raise
cosm::Coro<int> child(std::string Name, int N, bool Fail = false) {
  return lambda_coro<int>("child", [Name, N, Fail, I = 0,
                                    C = cosm::Coro<void>()](
                                       auto &F) mutable -> cosm::Step {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p(Name + " start");
    for (I = 0; I < N; ++I) {
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      try {
        C.take_result();
      } catch (const cosm::CancelledError &) {
        p(Name + " cancelled");
        throw;
      }
    }
    if (Fail)
      throw cosm::ValueError(Name);
    p(Name + " done");
    F.return_value(N);
    return F.finish();
  });
}

// async def wrapper():
//     try:
//         async with asyncio.TaskGroup() as tg: tg.create_task(child("f", 5))
//     except CancelledError: p("wrapper cancelled"); raise
cosm::Coro<void> wrapper() {
  return lambda_coro("wrapper", [Tg = std::optional<cosm::TaskGroup>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    Tg.emplace();
    Tg->create_task(child("f", 5));
    AWAIT_CORO(F, 1, C, Tg->wait());
    try {
      C.take_result();
    } catch (const cosm::CancelledError &) {
      p("wrapper cancelled");
      throw;
    }
    return F.finish();
  });
}

std::string errors(const cosm::ExceptionGroup &G) {
  std::string S;
  for (const auto &E : G.exceptions()) {
    try {
      std::rethrow_exception(E);
    } catch (const std::exception &Ex) {
      S += std::string(S.empty() ? "" : ",") + Ex.what();
    }
  }
  return S;
}

// async with asyncio.TaskGroup() as tg:
//     a = tg.create_task(child("a", 1)); b = tg.create_task(child("b", 3))
//     p("body end")
// p("group done", a.result(), b.result())
// try:
//     async with asyncio.TaskGroup() as tg:
//         tg.create_task(child("c", 1, True)); tg.create_task(child("d", 5))
//         tg.create_task(child("e", 1, True))
//         p("body waits"); await asyncio.sleep(1); p("not reached")
// except* ValueError as eg:
//     p("ExceptionGroup", len(eg.exceptions), [str(e) for e in eg.exceptions],
//       current_task().cancelling())
// w = create_task(wrapper()); await sleep(0); await sleep(0); w.cancel()
// try: await w
// except CancelledError: p("w cancelled", w.cancelled())
// try:
//     async with asyncio.TaskGroup() as tg:
//         tg.create_task(child("g", 2)); raise KeyError("body")
// except* KeyError as eg: p("body error", len(eg.exceptions))
// try: tg.create_task(child("h", 1))
// except RuntimeError as e: p("RuntimeError")
TEST_F(TaskGroups, OrderFailuresAndCancellation) {
  std::string Err = stderrOf([] {
    cosm::run(lambda_coro("main", [Tg = std::optional<cosm::TaskGroup>(),
                                   A = cosm::Task<int>(), B = cosm::Task<int>(),
                                   W = cosm::Task<void>(),
                                   C = cosm::Coro<void>(),
                                   E = std::exception_ptr()](
                                      auto &F) mutable -> cosm::Step {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      case 3:
        goto resume_3;
      case 4:
        goto resume_4;
      case 5:
        goto resume_5;
      case 6:
        goto resume_6;
      case 7:
        goto resume_7;
      }
      Tg.emplace();
      A = Tg->create_task(child("a", 1));
      B = Tg->create_task(child("b", 3));
      p("body end");
      AWAIT_CORO(F, 1, C, Tg->wait());
      C.take_result();
      p("group done " + num(A.result()) + " " + num(B.result()));

      Tg.emplace();
      Tg->create_task(child("c", 1, true));
      Tg->create_task(child("d", 5));
      Tg->create_task(child("e", 1, true));
      p("body waits");
      AWAIT_CORO(F, 2, C, cosm::sleep(1));
      try {
        C.take_result();
        p("not reached");
      } catch (...) {
        E = std::current_exception();
      }
      AWAIT_CORO(F, 3, C, Tg->wait(E));
      try {
        C.take_result();
      } catch (const cosm::ExceptionGroup &G) {
        p("ExceptionGroup " + num(int(G.exceptions().size())) + " " +
          errors(G) + " " + num(cosm::current_task().cancelling()) + " " +
          G.what());
      }

      W = cosm::create_task(wrapper());
      AWAIT_CORO(F, 4, C, cosm::sleep(0));
      C.take_result();
      AWAIT_CORO(F, 5, C, cosm::sleep(0));
      C.take_result();
      W.cancel();
      AWAIT(F, 6, W);
      try {
        W.result();
      } catch (const cosm::CancelledError &) {
        p("w cancelled " + str(W.cancelled()));
      }

      Tg.emplace();
      Tg->create_task(child("g", 2));
      AWAIT_CORO(F, 7, C, Tg->wait(std::make_exception_ptr(
                              std::out_of_range("body"))));
      try {
        C.take_result();
      } catch (const cosm::ExceptionGroup &G) {
        p("body error " + num(int(G.exceptions().size())));
      }
      try {
        Tg->create_task(child("h", 1));
      } catch (const cosm::RuntimeError &) {
        p("RuntimeError");
      }
      return F.finish();
    }));
  });
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "body end @ 1", "a start @ 2", "b start @ 2", "a done @ 3",
                "b done @ 5", "group done 1 3 @ 7", "body waits @ 7",
                "c start @ 8", "d start @ 8", "e start @ 8",
                "d cancelled @ 10",
                "ExceptionGroup 2 c,e 0 unhandled errors in a TaskGroup (2 "
                "sub-exceptions) @ 12",
                "f start @ 14", "f cancelled @ 16", "wrapper cancelled @ 18",
                "w cancelled True @ 19", "body error 1 @ 22",
                "RuntimeError @ 22"}));
  EXPECT_EQ(Err, "RuntimeWarning: coroutine 'child' was never awaited\n");
}

// async def body(tg): tg.create_task(child("x", 1)); await sleep(0); return 5
// async with TaskGroup() as tg: r = await body(tg)
// p("run", r)
TEST_F(TaskGroups, RunAwaitsTheBodyInline) {
  cosm::run(lambda_coro("main", [Tg = std::optional<cosm::TaskGroup>(),
                                 C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    Tg.emplace();
    AWAIT_CORO(F, 1, C,
               Tg->run(lambda_coro<int>(
                   "body", [G = *Tg, S = cosm::Coro<void>()](auto &B) mutable {
                     switch (B.state) {
                     case 1:
                       goto resume_1;
                     }
                     G.create_task(child("x", 1));
                     AWAIT_CORO(B, 1, S, cosm::sleep(0));
                     S.take_result();
                     B.return_value(5);
                     return B.finish();
                   })));
    p("run " + num(C.take_result()));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"x start @ 2", "x done @ 3",
                                             "run 5 @ 5"}));
}

TEST_F(TaskGroups, NeedsATask) {
  cosm::Loop L;
  bool Threw = false;
  L.call_soon([&] {
    try {
      cosm::TaskGroup Tg;
    } catch (const cosm::RuntimeError &) {
      Threw = true;
    }
    L.stop();
  });
  L.run_forever();
  EXPECT_TRUE(Threw);
}

} // namespace
