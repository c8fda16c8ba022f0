//===- test_cancel.cpp - Cancellation (rule 10) ---------------------------===//
///
/// \file
/// Task.cancel() in every state a task can be in. Expected lines come from
/// the asyncio twin of each test, with _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>

using namespace cosm_test;

namespace {

struct Cancel : ::testing::Test, Fixture {};

// async def spinner():
//     try:
//         while True: await asyncio.sleep(0)
//     except asyncio.CancelledError: p("spinner cancelled at its yield"); raise
cosm::Coro<void> spinner() {
  return lambda_coro("spinner", [C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      for (;;) {
        AWAIT_CORO(F, 1, C, cosm::sleep(0));
        C.take_result();
      }
    } catch (const cosm::CancelledError &) {
      p("spinner cancelled at its yield");
      throw;
    }
  });
}

// A task that is not waiting on a future (its step is queued) gets the
// CancelledError at its next step (asyncio's _must_cancel).
TEST_F(Cancel, ATaskBetweenStepsSeesItAtItsNextStep) {
  cosm::run(lambda_coro("main", [T = cosm::Task<void>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      }
      T = cosm::create_task(spinner());
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
      p(std::string("cancel ") + (T.cancel() ? "True" : "False"));
      p("cancelling " + std::to_string(T.cancelling()));
      AWAIT(F, 2, T);
      T.result();
    } catch (const cosm::CancelledError &) {
      p(std::string("main sees ") + (T.cancelled() ? "True" : "False"));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"cancel True @ 2", "cancelling 1 @ 2",
                                      "spinner cancelled at its yield @ 3",
                                      "main sees True @ 4"}));
}

// async def inner(): try: await asyncio.sleep(10) except CancelledError:
// p(...); raise
cosm::Coro<void> sleeper(const char *Who, double Seconds) {
  return lambda_coro("sleeper",
                     [Who, Seconds, C = cosm::Coro<void>()](auto &F) mutable {
                       try {
                         switch (F.state) {
                         case 1:
                           goto resume_1;
                         }
                         AWAIT_CORO(F, 1, C, cosm::sleep(Seconds));
                         C.take_result();
                         p(std::string(Who) + " woke");
                       } catch (const cosm::CancelledError &) {
                         p(std::string(Who) + " cancelled");
                         throw;
                       }
                       return F.finish();
                     });
}

// async def outer(t): try: await t except CancelledError: p(...); raise
template <class T> cosm::Coro<void> awaiter(const char *Who, cosm::Task<T> Tk) {
  return lambda_coro("awaiter", [Who, Tk](auto &F) -> cosm::Step {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT(F, 1, Tk);
      Tk.result();
    } catch (const cosm::CancelledError &) {
      p(std::string(Who) + " cancelled");
      throw;
    }
    return F.finish();
  });
}

// Cancelling a sleeping task cancels its sleep's future; a task blocked on a
// task cancels that inner task first.
TEST_F(Cancel, CancellingATaskBlockedOnATaskCancelsTheInnerOne) {
  cosm::run(lambda_coro("main", [I = cosm::Task<void>(), O = cosm::Task<void>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      }
      I = cosm::create_task(sleeper("inner", 10));
      O = cosm::create_task(awaiter("outer", I));
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
      p("cancel outer");
      O.cancel();
      AWAIT(F, 2, O);
      O.result();
    } catch (const cosm::CancelledError &) {
      p(std::string("main: o ") + (O.cancelled() ? "True" : "False") + " i " +
        (I.cancelled() ? "True" : "False"));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "cancel outer @ 2", "inner cancelled @ 3",
                       "outer cancelled @ 4", "main: o True i True @ 5"}));
}

// async def inner_swallow():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: p("inner swallows"); return 42
cosm::Coro<int> inner_swallow() {
  return lambda_coro<int>("inner_swallow",
                          [C = cosm::Coro<void>()](auto &F) mutable {
                            try {
                              switch (F.state) {
                              case 1:
                                goto resume_1;
                              }
                              AWAIT_CORO(F, 1, C, cosm::sleep(10));
                              C.take_result();
                            } catch (const cosm::CancelledError &) {
                              p("inner swallows");
                              F.return_value(42);
                            }
                            return F.finish();
                          });
}

// async def outer(t): r = await t; p("outer got", r); return r
cosm::Coro<int> outer(cosm::Task<int> Tk) {
  return lambda_coro<int>("outer", [Tk](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT(F, 1, Tk);
    p("outer got " + std::to_string(Tk.result()));
    F.return_value(Tk.result());
    return F.finish();
  });
}

// Rule 10: if the inner task swallows the cancellation and returns, the
// outer task gets its result and is not cancelled.
TEST_F(Cancel, InnerTaskSwallowingTheCancellationShieldsTheOuterOne) {
  cosm::run(lambda_coro("main", [I = cosm::Task<int>(), O = cosm::Task<int>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    I = cosm::create_task(inner_swallow());
    O = cosm::create_task(outer(I));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    p(std::string("cancel outer ") + (O.cancel() ? "True" : "False"));
    AWAIT(F, 3, O);
    p("result " + std::to_string(O.result()) + " outer cancelled " +
      (O.cancelled() ? "True" : "False") + " inner cancelled " +
      (I.cancelled() ? "True" : "False"));
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "cancel outer True @ 3", "inner swallows @ 4",
                       "outer got 42 @ 5",
                       "result 42 outer cancelled False inner cancelled "
                       "False @ 6"}));
}

// async def body(): p("body ran")
// A task cancelled before its first step never runs its body, and its
// coroutine is not reported as never awaited.
TEST_F(Cancel, ATaskCancelledBeforeItStartsNeverRunsItsBody) {
  std::string Err = stderrOf([] {
    cosm::run(lambda_coro("main", [T = cosm::Task<void>()](auto &F) mutable {
      try {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        T = cosm::create_task(say("body ran"));
        p(std::string("cancel before start ") +
          (T.cancel() ? "True" : "False"));
        T.add_done_callback([](const cosm::Task<void> &Done) {
          p(std::string("done cb ") + (Done.cancelled() ? "True" : "False"));
        });
        AWAIT(F, 1, T);
        T.result();
      } catch (const cosm::CancelledError &) {
        p(std::string("cancelled ") + (T.cancelled() ? "True" : "False"));
      }
      return F.finish();
    }));
  });
  EXPECT_EQ(out(), (std::vector<std::string>{"cancel before start True @ 1",
                                             "done cb True @ 3",
                                             "cancelled True @ 3"}));
  EXPECT_EQ(Err, "");
}

// async def selfcancel(): asyncio.current_task().cancel(); return 5
// Cancelled right before its coroutine returns: the result is dropped.
TEST_F(Cancel, ATaskCancelledDuringItsLastStepEndsCancelled) {
  cosm::Loop L;
  auto T = L.create_task(lambda_coro<int>("selfcancel", [](auto &F) {
    EXPECT_TRUE(cosm::current_task().cancel());
    F.return_value(5);
    return F.finish();
  }));
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
  EXPECT_TRUE(T.cancelled());
}

// CancelledError is not a std::exception: `catch (const std::exception &)`
// in a coroutine does not swallow a cancellation, as `except Exception`
// does not in Python.
TEST_F(Cancel, CatchingStdExceptionDoesNotSwallowACancellation) {
  cosm::Loop L;
  bool Swallowed = false;
  auto T = L.create_task(lambda_coro(
      "careless", [&Swallowed, C = cosm::Coro<void>()](auto &F) mutable {
        try {
          switch (F.state) {
          case 1:
            goto resume_1;
          }
          AWAIT_CORO(F, 1, C, cosm::sleep(10));
          C.take_result();
        } catch (const std::exception &) {
          Swallowed = true;
        }
        return F.finish();
      }));
  L.call_soon([T] { T.cancel(); });
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
  EXPECT_FALSE(Swallowed);
  EXPECT_TRUE(T.cancelled());
  static_assert(!std::is_base_of_v<std::exception, cosm::CancelledError>);
}

TEST_F(Cancel, CancellingCountsRequestsAndUncancelTakesThemBack) {
  cosm::Loop L;
  auto T = L.create_task(sleeper("s", 10));
  EXPECT_TRUE(T.cancel());
  EXPECT_TRUE(T.cancel());
  EXPECT_EQ(T.cancelling(), 2);
  EXPECT_EQ(T.uncancel(), 1);
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
  EXPECT_FALSE(T.cancel());
}

// Cancelling a task blocked on a plain future cancels that future.
TEST_F(Cancel, CancellingATaskCancelsTheFutureItWaitsOn) {
  cosm::Loop L;
  cosm::Future<int> Fut(L);
  auto T = L.create_task(lambda_coro("w", [Fut](auto &F) {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT(F, 1, Fut);
    Fut.result();
    return F.finish();
  }));
  L.call_soon([T] { T.cancel(); });
  EXPECT_THROW(L.run_until_complete(T), cosm::CancelledError);
  EXPECT_TRUE(Fut.cancelled());
}

} // namespace
