//===- test_cancel_message.cpp - Task.cancel(msg) -------------------------===//
///
/// \file
/// The message of cancel(msg) as CPython 3.11 delivers it. A future keeps
/// its message for every reader. A task that ends by raising CancelledError
/// keeps that exception (_cancelled_exc) and hands it to its FIRST reader
/// only; later readers get a plain CancelledError, since the task itself
/// was cancelled with no message (Task.__step's `super().cancel()`).
/// Expected lines come from the asyncio twin quoted with each test.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

using Lines = std::vector<std::string>;

struct CancelMessage : ::testing::Test, Fixture {};

std::string quoted(const cosm::CancelledError &E) {
  return std::string("'") + E.what() + "'";
}

// async def sleeper():
//     try: await asyncio.sleep(10)
//     except CancelledError as e: p(f"sleeper '{e}'"); raise
cosm::Coro<void> sleeper() {
  return lambda_coro("sleeper", [C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT_CORO(F, 1, C, cosm::sleep(10));
      C.take_result();
    } catch (const cosm::CancelledError &E) {
      p("sleeper " + quoted(E));
      throw;
    }
    return F.finish();
  });
}

// async def awaiter(name, t):
//     try: await t
//     except CancelledError as e: p(f"{name} '{e}'")
template <class H> cosm::Coro<void> awaiter(std::string Name, H T) {
  return lambda_coro("awaiter", [Name, T](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT(F, 1, T);
      T.result();
    } catch (const cosm::CancelledError &E) {
      p(Name + " " + quoted(E));
    }
    return F.finish();
  });
}

// def res(name, t):
//     try: t.result()
//     except CancelledError as e: p(f"{name} '{e}'")
template <class H> void res(const std::string &Name, const H &T) {
  try {
    T.result();
  } catch (const cosm::CancelledError &E) {
    p(Name + " " + quoted(E));
  }
}

// async def two_awaiters(t, msg=None, yield_first=True):
//     a = create_task(awaiter("a", t)); b = create_task(awaiter("b", t))
//     if yield_first: await asyncio.sleep(0)
//     if msg is not None: t.cancel(msg)
//     await a; await b
//     res("result", t)
template <class H>
cosm::Coro<void> twoAwaiters(H T, const char *Msg = nullptr,
                             bool YieldFirst = true) {
  return lambda_coro("two_awaiters", [T, Msg, YieldFirst,
                                      A = cosm::Task<void>(),
                                      B = cosm::Task<void>(),
                                      C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    A = cosm::create_task(awaiter("a", T));
    B = cosm::create_task(awaiter("b", T));
    if (YieldFirst) {
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
    }
    if (Msg)
      T.cancel(Msg);
    AWAIT(F, 2, A);
    AWAIT(F, 3, B);
    res("result", T);
    return F.finish();
  });
}

/// Runs Body(main frame) as asyncio.run(main()) would.
template <class Body> void runMain(Body B) {
  cosm::run(lambda_coro("main", std::move(B)));
}

// await two_awaiters(create_task(sleeper()), "m")
TEST_F(CancelMessage, ReachesTheTaskThenItsFirstReaderOnly) {
  runMain([C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, twoAwaiters(cosm::create_task(sleeper()), "m"));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"sleeper 'm' @ 3", "a 'm' @ 4", "b '' @ 4",
                          "result '' @ 5"}));
}

// t = create_task(sleeper()); t.cancel("early")
// await two_awaiters(t, None, False)
TEST_F(CancelMessage, CancelledBeforeItStarts) {
  runMain([T = cosm::Task<void>(), C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    T = cosm::create_task(sleeper());
    T.cancel("early");
    AWAIT_CORO(F, 1, C, twoAwaiters(T, nullptr, false));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"a 'early' @ 2", "b '' @ 2", "result '' @ 3"}));
}

// async def raiser():
//     await asyncio.sleep(0); raise CancelledError("own")
// await two_awaiters(create_task(raiser()))
TEST_F(CancelMessage, ATaskRaisingItsOwnCancelledErrorKeepsIt) {
  runMain([C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C,
               twoAwaiters(cosm::create_task(lambda_coro(
                   "raiser", [Y = cosm::Coro<void>()](auto &G) mutable {
                     switch (G.state) {
                     case 1:
                       goto resume_1;
                     }
                     AWAIT_CORO(G, 1, Y, cosm::sleep(0));
                     Y.take_result();
                     throw cosm::CancelledError("own");
                   }))));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"a 'own' @ 4", "b '' @ 4", "result '' @ 5"}));
}

// await two_awaiters(loop.create_future(), "fm")
TEST_F(CancelMessage, AFutureKeepsItsMessageForEveryReader) {
  runMain([C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C, twoAwaiters(cosm::Future<void>(), "fm"));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"a 'fm' @ 3", "b 'fm' @ 3", "result 'fm' @ 4"}));
}

// t = create_task(sleeper()); await sleep(0)
// t.cancel("one"); t.cancel("two")
// await two_awaiters(t, None, False)
TEST_F(CancelMessage, ASecondCancelDoesNotReplaceTheFirstMessage) {
  runMain([T = cosm::Task<void>(), C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    }
    T = cosm::create_task(sleeper());
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    T.cancel("one");
    T.cancel("two");
    AWAIT_CORO(F, 2, C, twoAwaiters(T, nullptr, false));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"sleeper 'one' @ 3", "a 'one' @ 3", "b '' @ 3",
                          "result '' @ 4"}));
}

// async def selfcancel(): current_task().cancel("self"); return 1
// await two_awaiters(create_task(selfcancel()))
TEST_F(CancelMessage, CancelledInItsLastStepEveryReaderSeesIt) {
  runMain([C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(F, 1, C,
               twoAwaiters(cosm::create_task(lambda_coro("selfcancel",
                                                         [](auto &G) {
                                                           cosm::current_task()
                                                               .cancel("self");
                                                           return G.finish();
                                                         }))));
    C.take_result();
    return F.finish();
  });
  EXPECT_EQ(out(),
            (Lines{"a 'self' @ 2", "b 'self' @ 2", "result 'self' @ 2"}));
}

// t = create_task(sleeper()); await sleep(0)
// a = create_task(awaiter("g", gather(t))); await sleep(0)
// t.cancel("gm"); await a
TEST_F(CancelMessage, GatherPassesOnACancelledChildsMessage) {
  runMain([T = cosm::Task<void>(), A = cosm::Task<void>(),
           C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    T = cosm::create_task(sleeper());
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    A = cosm::create_task(lambda_coro(
        "awaiter", [T = T, G = cosm::Coro<std::tuple<std::monostate>>()](
                       auto &H) mutable {
          try {
            switch (H.state) {
            case 1:
              goto resume_1;
            }
            AWAIT_CORO(H, 1, G, cosm::gather(T));
            G.take_result();
          } catch (const cosm::CancelledError &E) {
            p("g " + quoted(E));
          }
          return H.finish();
        }));
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    T.cancel("gm");
    AWAIT(F, 3, A);
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"sleeper 'gm' @ 4", "g 'gm' @ 6"}));
}

// async def g2(): await asyncio.gather(sleeper(), sleeper())
// t = create_task(g2()); await sleep(0)
// a = create_task(awaiter("waiter", t)); await sleep(0)
// t.cancel("gm2"); await a
TEST_F(CancelMessage, CancellingAGatherReachesEveryChild) {
  runMain([T = cosm::Task<void>(), A = cosm::Task<void>(),
           C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    }
    T = cosm::create_task(lambda_coro(
        "g2", [G = cosm::Coro<std::tuple<std::monostate, std::monostate>>()](
                  auto &H) mutable {
          switch (H.state) {
          case 1:
            goto resume_1;
          }
          AWAIT_CORO(H, 1, G, cosm::gather(sleeper(), sleeper()));
          G.take_result();
          return H.finish();
        }));
    AWAIT_CORO(F, 1, C, cosm::sleep(0));
    C.take_result();
    A = cosm::create_task(awaiter("waiter", T));
    AWAIT_CORO(F, 2, C, cosm::sleep(0));
    C.take_result();
    T.cancel("gm2");
    AWAIT(F, 3, A);
    return F.finish();
  });
  EXPECT_EQ(out(), (Lines{"sleeper 'gm2' @ 4", "sleeper 'gm2' @ 4",
                          "waiter 'gm2' @ 7"}));
}

TEST(CancelledErrorText, IsEmptyWithoutAMessage) {
  EXPECT_STREQ(cosm::CancelledError().what(), "");
  EXPECT_STREQ(cosm::CancelledError("why").what(), "why");
}

} // namespace
