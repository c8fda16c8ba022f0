//===- test_timeouts.cpp - wait_for, timeout, shield ----------------------===//
///
/// \file
/// Pass-exact ordering of asyncio 3.11's wait_for, timeout() and shield,
/// including timeouts and cancellation while blocked. Expected lines come
/// from the asyncio twin quoted above each test, with _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

struct Timeouts : ::testing::Test, Fixture {};

std::string str(bool B) { return B ? "True" : "False"; }
std::string num(int N) { return std::to_string(N); }

// async def quick(v): p("quick", v); return v
cosm::Coro<int> quick(int V) {
  return lambda_coro<int>("quick", [V](auto &F) {
    p("quick " + num(V));
    F.return_value(V);
    return F.finish();
  });
}

// async def slow(name, d, swallow=False):
//     try: p(name, "start"); await sleep(d); p(name, "done"); return 1
//     except CancelledError:
//         p(name, "cancelled")
//         if swallow: return 42
//         raise
cosm::Coro<int> slow(std::string Name, double D, bool Swallow = false) {
  return lambda_coro<int>("slow", [Name, D, Swallow, C = cosm::Coro<void>()](
                                      auto &F) mutable -> cosm::Step {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    p(Name + " start");
    AWAIT_CORO(F, 1, C, cosm::sleep(D));
    try {
      C.take_result();
    } catch (const cosm::CancelledError &) {
      p(Name + " cancelled");
      if (Swallow) {
        F.return_value(42);
        return F.finish();
      }
      throw;
    }
    p(Name + " done");
    F.return_value(1);
    return F.finish();
  });
}

// async def outer():
//     try: await asyncio.wait_for(slow("s4", 10), 5)
//     except CancelledError: p("outer cancelled"); raise
cosm::Coro<void> outerWaitFor() {
  return lambda_coro("outer", [C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::wait_for(slow("s4", 10), 5));
    try {
      C.take_result();
    } catch (const cosm::CancelledError &) {
      p("outer cancelled");
      throw;
    }
    return F.finish();
  });
}

// r = await wait_for(quick(1), 1); p("wait_for quick", r)
// try: await wait_for(slow("s1", 10), 0.01)
// except TimeoutError as e: p("TimeoutError", repr(str(e)))
// r = await wait_for(slow("s2", 10, True), 0.01); p("swallowed", r)
// try: await wait_for(slow("s3", 10), 0)
// except TimeoutError: p("TimeoutError zero")
// t = create_task(quick(5)); await sleep(0); r = await wait_for(t, 0)
// p("done task with zero timeout", r)
// o = create_task(outer()); await sleep(0); await sleep(0)
// o.cancel(); p("cancel outer")
// try: await o
// except CancelledError: p("outer done", o.cancelled())
// f = create_future(); call_later(0.01, f.set_result, 9)
// r = await wait_for(f, 1); p("future", r)
TEST_F(Timeouts, WaitForOrderTimeoutsAndCancellation) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<int>(), S = cosm::Coro<void>(),
                                 T = cosm::Task<int>(), O = cosm::Task<void>(),
                                 Fu = cosm::Future<int>()](
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
    case 8:
      goto resume_8;
    case 9:
      goto resume_9;
    case 10:
      goto resume_10;
    }
    AWAIT_CORO(F, 1, C, cosm::wait_for(quick(1), 1));
    p("wait_for quick " + num(C.take_result()));
    AWAIT_CORO(F, 2, C, cosm::wait_for(slow("s1", 10), 0.01));
    try {
      C.take_result();
    } catch (const cosm::TimeoutError &E) {
      p(std::string("TimeoutError '") + E.what() + "'");
    }
    AWAIT_CORO(F, 3, C, cosm::wait_for(slow("s2", 10, true), 0.01));
    p("swallowed " + num(C.take_result()));
    AWAIT_CORO(F, 4, C, cosm::wait_for(slow("s3", 10), 0));
    try {
      C.take_result();
    } catch (const cosm::TimeoutError &) {
      p("TimeoutError zero");
    }
    T = cosm::create_task(quick(5));
    AWAIT_CORO(F, 5, S, cosm::sleep(0));
    S.take_result();
    AWAIT_CORO(F, 6, C, cosm::wait_for(T, 0));
    p("done task with zero timeout " + num(C.take_result()));
    O = cosm::create_task(outerWaitFor());
    AWAIT_CORO(F, 7, S, cosm::sleep(0));
    S.take_result();
    AWAIT_CORO(F, 8, S, cosm::sleep(0));
    S.take_result();
    O.cancel();
    p("cancel outer");
    AWAIT(F, 9, O);
    try {
      O.result();
    } catch (const cosm::CancelledError &) {
      p("outer done " + str(O.cancelled()));
    }
    cosm::get_running_loop().call_later(0.01, [Fu = Fu] { Fu.set_result(9); });
    AWAIT_CORO(F, 10, C, cosm::wait_for(Fu, 1));
    p("future " + num(C.take_result()));
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "quick 1 @ 2", "wait_for quick 1 @ 4", "s1 start @ 5",
                "s1 cancelled @ 8", "TimeoutError '' @ 10", "s2 start @ 11",
                "s2 cancelled @ 14", "swallowed 42 @ 16",
                "TimeoutError zero @ 19", "quick 5 @ 20",
                "done task with zero timeout 5 @ 20", "s4 start @ 22",
                "cancel outer @ 22", "s4 cancelled @ 24",
                "outer cancelled @ 26", "outer done True @ 27",
                "future 9 @ 30"}));
}

} // namespace

namespace {

// async def inner():
//     try:
//         async with asyncio.timeout(10): await slow("d", 10)
//     except TimeoutError: p("not reached")
//     except CancelledError: p("inner sees CancelledError"); raise
cosm::Coro<void> innerTimeout() {
  return lambda_coro("inner", [C = cosm::Coro<int>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::timeout(10, slow("d", 10)));
    try {
      C.take_result();
    } catch (const cosm::TimeoutError &) {
      p("not reached");
    } catch (const cosm::CancelledError &) {
      p("inner sees CancelledError");
      throw;
    }
    return F.finish();
  });
}

// async def shielded():
//     try: return await asyncio.shield(inner_t)
//     except CancelledError: p("shielded waiter cancelled"); raise
cosm::Coro<int> shielded(cosm::Task<int> Inner) {
  return lambda_coro<int>("shielded", [Inner, Fu = cosm::Future<int>()](
                                          auto &F) mutable -> cosm::Step {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    Fu = cosm::shield(Inner);
    AWAIT(F, 1, Fu);
    try {
      F.return_value(Fu.result());
    } catch (const cosm::CancelledError &) {
      p("shielded waiter cancelled");
      throw;
    }
    return F.finish();
  });
}

// async def boom(): await asyncio.sleep(0); raise ValueError("x")
cosm::Coro<int> boom() {
  return lambda_coro<int>("boom", [C = cosm::Coro<void>()](
                                      auto &F) mutable -> cosm::Step {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    throw cosm::ValueError("x");
  });
}

// async with asyncio.timeout(1): r = await slow("a", 0.01)
// p("in time", r)
// try:
//     async with asyncio.timeout(0.01): await slow("b", 10)
// except TimeoutError: p("TimeoutError", current_task().cancelling())
// try:
//     async with asyncio.timeout(-1): await slow("c", 10)
// except TimeoutError: p("TimeoutError past deadline")
// t = create_task(inner()); await sleep(0); t.cancel()
// await sleep(0); await sleep(0); p("t done", t.done(), t.cancelled())
// inner_t = create_task(slow("e", 0.02)); w = create_task(shielded())
// await sleep(0); w.cancel()
// try: await w
// except CancelledError: p("w cancelled", inner_t.cancelled())
// r = await inner_t; p("inner finished anyway", r)
// r = await asyncio.shield(slow("f", 0)); p("shield result", r)
// try: await asyncio.shield(boom())
// except ValueError as e: p("shield error", e)
TEST_F(Timeouts, TimeoutScopeAndShield) {
  cosm::run(lambda_coro("main", [C = cosm::Coro<int>(), S = cosm::Coro<void>(),
                                 T = cosm::Task<void>(), In = cosm::Task<int>(),
                                 W = cosm::Task<int>(),
                                 Fu = cosm::Future<int>()](
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
    case 8:
      goto resume_8;
    case 9:
      goto resume_9;
    case 10:
      goto resume_10;
    case 11:
      goto resume_11;
    }
    AWAIT_CORO(F, 1, C, cosm::timeout(1, slow("a", 0.01)));
    p("in time " + num(C.take_result()));
    AWAIT_CORO(F, 2, C, cosm::timeout(0.01, slow("b", 10)));
    try {
      C.take_result();
    } catch (const cosm::TimeoutError &) {
      p("TimeoutError " + num(cosm::current_task().cancelling()));
    }
    AWAIT_CORO(F, 3, C, cosm::timeout(-1, slow("c", 10)));
    try {
      C.take_result();
    } catch (const cosm::TimeoutError &) {
      p("TimeoutError past deadline");
    }
    T = cosm::create_task(innerTimeout());
    AWAIT_CORO(F, 4, S, cosm::sleep(0));
    S.take_result();
    T.cancel();
    AWAIT_CORO(F, 5, S, cosm::sleep(0));
    S.take_result();
    AWAIT_CORO(F, 6, S, cosm::sleep(0));
    S.take_result();
    p("t done " + str(T.done()) + " " + str(T.cancelled()));
    In = cosm::create_task(slow("e", 0.02));
    W = cosm::create_task(shielded(In));
    AWAIT_CORO(F, 7, S, cosm::sleep(0));
    S.take_result();
    W.cancel();
    AWAIT(F, 8, W);
    try {
      W.result();
    } catch (const cosm::CancelledError &) {
      p("w cancelled " + str(In.cancelled()));
    }
    AWAIT(F, 9, In);
    p("inner finished anyway " + num(In.result()));
    Fu = cosm::shield(slow("f", 0));
    AWAIT(F, 10, Fu);
    p("shield result " + num(Fu.result()));
    Fu = cosm::shield(boom());
    AWAIT(F, 11, Fu);
    try {
      Fu.result();
    } catch (const cosm::ValueError &E) {
      p(std::string("shield error ") + E.what());
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "a start @ 1", "a done @ 3", "in time 1 @ 3", "b start @ 3",
                "b cancelled @ 5", "TimeoutError 0 @ 5", "c start @ 5",
                "c cancelled @ 7", "TimeoutError past deadline @ 7",
                "d start @ 8", "d cancelled @ 9",
                "inner sees CancelledError @ 9", "t done True True @ 10",
                "e start @ 11", "shielded waiter cancelled @ 12",
                "w cancelled False @ 13", "e done @ 15",
                "inner finished anyway 1 @ 16", "f start @ 17", "f done @ 18",
                "shield result 1 @ 20", "shield error x @ 24"}));
}

TEST_F(Timeouts, TimeoutOutsideATaskIsAnError) {
  cosm::Loop L;
  bool Threw = false;
  L.call_soon([&] {
    auto C = cosm::timeout(1, quick(1));
    try {
      C.step();
      C.take_result();
    } catch (const cosm::RuntimeError &) {
      Threw = true;
    }
    L.stop();
  });
  // The body never started: asyncio warns the same way.
  EXPECT_EQ(stderrOf([&] { L.run_forever(); }),
            "RuntimeWarning: coroutine 'quick' was never awaited\n");
  EXPECT_TRUE(Threw);
}

} // namespace
