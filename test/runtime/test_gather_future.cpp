//===- test_gather_future.cpp - gather()'s future, return_exceptions ------===//
///
/// \file
/// gather() returns asyncio's _GatheringFuture: done callbacks, cancel()
/// that cancels the children and ends in CancelledError even with
/// return_exceptions, and return_exceptions' result list. Expected lines
/// come from the asyncio twin quoted with each test (its _run_once calls
/// counted).
//
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>

using namespace cosm_test;

namespace {

struct GatherFuture : ::testing::Test, Fixture {};
using Lines = std::vector<std::string>;

// async def val(name, n, v, fail=False):
//     try:
//         for _ in range(n): await asyncio.sleep(0)
//     except CancelledError as e: p("cancelled", name, repr(str(e))); raise
//     p("end", name)
//     if fail: raise ValueError(name)
//     return v
cosm::Coro<int> val(std::string Name, int N, int V, bool Fail = false) {
  return lambda_coro<int>("val", [Name, N, V, Fail, I = 0,
                                  C = cosm::Coro<void>()](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto try_1;
    }
  try_1:
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      for (I = 0; I < N; ++I) {
        AWAIT_CORO(F, 1, C, cosm::sleep(0));
        C.take_result();
      }
    } catch (const cosm::CancelledError &E) {
      p("cancelled " + Name + " '" + E.what() + "'");
      throw;
    }
    p("end " + Name);
    if (Fail)
      throw std::invalid_argument(Name);
    F.return_value(V);
    return F.finish();
  });
}

std::string what(const std::exception_ptr &E) {
  try {
    std::rethrow_exception(E);
  } catch (const std::invalid_argument &Err) {
    return std::string("ValueError ") + Err.what();
  } catch (const cosm::CancelledError &Err) {
    return std::string("CancelledError '") + Err.what() + "'";
  }
  return "?";
}

using Pair = std::tuple<cosm::ResultOrError<int>, cosm::ResultOrError<int>>;

// g = gather(val("a", 1, 1), val("b", 0, 2, True), return_exceptions=True)
// g.add_done_callback(lambda f: p("callback", f.done()))
// r = await g; p("r", r[0], type(r[1]).__name__, str(r[1]))
// g = gather(val("c", 3, 1), val("d", 3, 2)); await sleep(0)
// p("cancel", g.cancel("stop"), g.cancel("again"))
// try: await g
// except CancelledError as e: p("gather cancelled", repr(str(e)),
// g.cancelled()) t = create_task(val("e", 3, 1)) g = gather(t, val("f", 1, 2),
// return_exceptions=True); await sleep(0) t.cancel("ce"); r = await g p("r2",
// type(r[0]).__name__, repr(str(r[0])), r[1]) p("late cancel", g.cancel())
TEST_F(GatherFuture, CallbacksCancelAndReturnExceptionsAsAsyncio) {
  cosm::run(lambda_coro(
      "main", [G1 = cosm::GatherFuture<Pair>(nullptr),
               G2 = cosm::GatherFuture<std::tuple<int, int>>(nullptr),
               G3 = cosm::GatherFuture<Pair>(nullptr), T = cosm::Task<int>(),
               C = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        case 2:
          goto resume_2;
        case 3:
          goto try_3;
        case 4:
          goto resume_4;
        case 5:
          goto resume_5;
        }
        G1 = cosm::gather(cosm::return_exceptions, val("a", 1, 1),
                          val("b", 0, 2, true));
        G1.add_done_callback([](const cosm::Future<Pair> &Fut) {
          p(std::string("callback ") + (Fut.done() ? "True" : "False"));
        });
        AWAIT(F, 1, G1);
        {
          const Pair &R = G1.result();
          p("r " + std::to_string(std::get<0>(std::get<0>(R))) + " " +
            what(std::get<1>(std::get<1>(R))));
        }
        G2 = cosm::gather(val("c", 3, 1), val("d", 3, 2));
        AWAIT_CORO(F, 2, C, cosm::sleep(0));
        C.take_result();
        {
          bool First = G2.cancel("stop");
          bool Second = G2.cancel("again");
          p(std::string("cancel ") + (First ? "True" : "False") +
            (Second ? " True" : " False"));
        }
      try_3:
        try {
          switch (F.state) {
          case 3:
            goto resume_3;
          }
          AWAIT(F, 3, G2);
          G2.result();
        } catch (const cosm::CancelledError &E) {
          p(std::string("gather cancelled '") + E.what() + "' " +
            (G2.cancelled() ? "True" : "False"));
        }
        T = cosm::create_task(val("e", 3, 1));
        G3 = cosm::gather(cosm::return_exceptions, T, val("f", 1, 2));
        AWAIT_CORO(F, 4, C, cosm::sleep(0));
        C.take_result();
        T.cancel("ce");
        AWAIT(F, 5, G3);
        {
          const Pair &R = G3.result();
          p("r2 " + what(std::get<1>(std::get<0>(R))) + " " +
            std::to_string(std::get<0>(std::get<1>(R))));
        }
        p(std::string("late cancel ") + (G3.cancel() ? "True" : "False"));
        return F.finish();
      }));
  EXPECT_EQ(out(),
            (Lines{"end b @ 2", "end a @ 3", "callback True @ 5",
                   "r 1 ValueError b @ 5", "cancel True True @ 6",
                   "cancelled c 'again' @ 7", "cancelled d 'again' @ 7",
                   "gather cancelled 'again' False @ 9",
                   "cancelled e 'ce' @ 11", "end f @ 11",
                   "r2 CancelledError '' 2 @ 13", "late cancel False @ 13"}));
}

// gather() with no arguments: a done future, cancel() is False.
TEST_F(GatherFuture, EmptyIsDoneAtOnce) {
  cosm::Loop L;
  L.run_until_complete(lambda_coro("main", [](auto &F) {
    auto G = cosm::gather();
    EXPECT_TRUE(G.done());
    EXPECT_FALSE(G.cancel());
    return F.finish();
  }));
}

// t1, t2 = tasks(sleep 10); await sleep(0); t1.cancel("one"); t2.cancel("two")
// g = gather(t1, t2, t1, return_exceptions=True); p(g.cancel())
// try: await g
// except CancelledError as e: p(repr(str(e)))       # 'one'
// The gathering ends with the CancelledError of children[-1] (3.11's
// results loop leaves `fut` on it): t1 here, though t2 came last among the
// distinct children.
TEST_F(GatherFuture, ARepeatedLastArgumentGivesTheCancelledError) {
  using R = std::tuple<cosm::ResultOrError<void>, cosm::ResultOrError<void>,
                       cosm::ResultOrError<void>>;
  std::string Got;
  cosm::run(lambda_coro("main",
                        [&, C = cosm::Coro<void>(), T1 = cosm::Task<void>(),
                         T2 = cosm::Task<void>(),
                         G = cosm::GatherFuture<R>(nullptr)](auto &F) mutable {
                          switch (F.state) {
                          case 1:
                            goto resume_1;
                          case 2:
                            goto resume_2;
                          }
                          T1 = cosm::create_task(cosm::sleep(10));
                          T2 = cosm::create_task(cosm::sleep(10));
                          AWAIT_CORO(F, 1, C, cosm::sleep(0));
                          C.take_result();
                          T1.cancel("one");
                          T2.cancel("two");
                          G = cosm::gather(cosm::return_exceptions, T1, T2, T1);
                          EXPECT_TRUE(G.cancel());
                          AWAIT(F, 2, G);
                          Got = what(G.exception());
                          return F.finish();
                        }));
  EXPECT_EQ(Got, "CancelledError 'one'");
}

} // namespace
