//===- test_gather.cpp - cosm::gather (rule 11) ---------------------------===//
///
/// \file
/// Children start and report in argument order; the first exception comes
/// back at once while the others keep running; cancelling the waiting task
/// cancels the children. Expected lines come from the asyncio twin of each
/// test, with _run_once counted.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>

using namespace cosm_test;

namespace {

struct Gather : ::testing::Test, Fixture {};

// async def val(name, n, v):
//     p("start", name)
//     for _ in range(n): await asyncio.sleep(0)
//     p("end", name); return v
cosm::Coro<int> val(std::string Name, int N, int V) {
  return lambda_coro<int>(
      "val", [Name, N, V, I = 0, C = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        p("start " + Name);
        for (I = 0; I < N; ++I) {
          AWAIT_CORO(F, 1, C, cosm::sleep(0));
          C.take_result();
        }
        p("end " + Name);
        F.return_value(V);
        return F.finish();
      });
}

// async def bad(n): ... p("raise bad"); raise ValueError("bad")
cosm::Coro<int> bad(int N) {
  return lambda_coro<int>(
      "bad", [N, I = 0, C = cosm::Coro<void>()](auto &F) mutable -> cosm::Step {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        p("start bad");
        for (I = 0; I < N; ++I) {
          AWAIT_CORO(F, 1, C, cosm::sleep(0));
          C.take_result();
        }
        p("raise bad");
        throw std::invalid_argument("bad");
      });
}

// done = create_task(val("pre", 0, 0)); await sleep(0)
// r = await gather(val("a", 2, 1), done, val("b", 0, 2), sleep(0))
TEST_F(Gather, ChildrenStartAndReportInArgumentOrder) {
  using R = std::tuple<int, int, int, std::monostate>;
  cosm::run(
      lambda_coro("main", [Done = cosm::Task<int>(), C = cosm::Coro<void>(),
                           G = cosm::Coro<R>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        case 2:
          goto resume_2;
        }
        Done = cosm::create_task(val("pre", 0, 0));
        AWAIT_CORO(F, 1, C, cosm::sleep(0));
        C.take_result();
        AWAIT_CORO(
            F, 2, G,
            cosm::gather(val("a", 2, 1), Done, val("b", 0, 2), cosm::sleep(0)));
        {
          R Results = G.take_result();
          p("results [" + std::to_string(std::get<0>(Results)) + ", " +
            std::to_string(std::get<1>(Results)) + ", " +
            std::to_string(std::get<2>(Results)) + ", None]");
        }
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{"start pre @ 2", "end pre @ 2",
                                             "start a @ 3", "start b @ 3",
                                             "end b @ 3", "end a @ 5",
                                             "results [1, 0, 2, None] @ 7"}));
}

// try: await gather(val("a", 3, 1), bad(1), val("b", 1, 2))
// except ValueError as e: p("caught", e)
// await sleep(0) x3; p("end main")
TEST_F(Gather, TheFirstExceptionArrivesAtOnceAndOthersKeepRunning) {
  using R = std::tuple<int, int, int>;
  cosm::run(lambda_coro("main", [G = cosm::Coro<R>(), C = cosm::Coro<void>(),
                                 I = 0](auto &F) mutable {
    switch (F.state) {
    case 1:
      goto try_1;
    case 2:
      goto resume_2;
    }
  try_1:
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT_CORO(F, 1, G, cosm::gather(val("a", 3, 1), bad(1), val("b", 1, 2)));
      G.take_result();
    } catch (const std::invalid_argument &E) {
      p(std::string("caught ") + E.what());
    }
    for (I = 0; I < 3; ++I) {
      AWAIT_CORO(F, 2, C, cosm::sleep(0));
      C.take_result();
    }
    p("end main");
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{
                "start a @ 2", "start bad @ 2", "start b @ 2", "raise bad @ 3",
                "end b @ 3", "end a @ 5", "caught bad @ 5", "end main @ 8"}));
}

// async def w(): return await gather(val("a", 5, 1), val("b", 5, 2))
// t = create_task(w()); await sleep(0) x2; t.cancel(); await t
TEST_F(Gather, CancellingTheWaitingTaskCancelsEveryChild) {
  using R = std::tuple<int, int>;
  auto W = [] {
    return lambda_coro<R>("w", [G = cosm::Coro<R>()](auto &F) mutable {
      switch (F.state) {
      case 1:
        goto resume_1;
      }
      AWAIT_CORO(F, 1, G, cosm::gather(val("a", 5, 1), val("b", 5, 2)));
      F.return_value(G.take_result());
      return F.finish();
    });
  };
  cosm::run(lambda_coro("main", [W, T = cosm::Task<R>(),
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
      T = cosm::create_task(W());
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
      AWAIT_CORO(F, 2, C, cosm::sleep(0));
      C.take_result();
      p(std::string("cancel ") + (T.cancel() ? "True" : "False"));
      AWAIT(F, 3, T);
      T.result();
    } catch (const cosm::CancelledError &) {
      p(std::string("gather cancelled ") + (T.cancelled() ? "True" : "False"));
    }
    return F.finish();
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"start a @ 3", "start b @ 3",
                                             "cancel True @ 3",
                                             "gather cancelled True @ 7"}));
}

// A cancelled child fails the gathering with CancelledError at once.
TEST_F(Gather, ACancelledChildFailsTheGathering) {
  using R = std::tuple<int, int>;
  cosm::run(lambda_coro("main", [Ch = cosm::Task<int>(), G = cosm::Coro<R>(),
                                 C = cosm::Coro<void>()](auto &F) mutable {
    try {
      switch (F.state) {
      case 1:
        goto resume_1;
      case 2:
        goto resume_2;
      }
      Ch = cosm::create_task(val("c", 5, 1));
      G = cosm::gather(Ch, val("d", 1, 2));
      AWAIT_CORO(F, 1, C, cosm::sleep(0));
      C.take_result();
      Ch.cancel();
    resume_2:
      if (G.step() == cosm::Step::Suspended) {
        F.state = 2;
        return cosm::Step::Suspended;
      }
      G.take_result();
    } catch (const cosm::CancelledError &) {
      p("child cancel -> CancelledError");
    }
    return F.finish();
  }));
  EXPECT_EQ(out(),
            (std::vector<std::string>{"start c @ 2", "start d @ 2", "end d @ 3",
                                      "child cancel -> CancelledError @ "
                                      "5"}));
}

TEST_F(Gather, NothingToGatherCostsNothing) {
  cosm::run(
      lambda_coro("main", [G = cosm::Coro<std::tuple<>>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        p("before");
        AWAIT_CORO(F, 1, G, cosm::gather());
        G.take_result();
        p("after []");
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{"before @ 1", "after [] @ 1"}));
}

// The same task given twice is waited on once and reported twice.
TEST_F(Gather, ATaskGivenTwiceIsWaitedOnOnce) {
  using R = std::tuple<int, int>;
  cosm::run(lambda_coro(
      "main", [T = cosm::Task<int>(), G = cosm::Coro<R>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        T = cosm::create_task(val("t", 1, 7));
        AWAIT_CORO(F, 1, G, cosm::gather(T, T));
        {
          R Results = G.take_result();
          p("dup [" + std::to_string(std::get<0>(Results)) + ", " +
            std::to_string(std::get<1>(Results)) + "]");
        }
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{"start t @ 2", "end t @ 3",
                                             "dup [7, 7] @ 5"}));
}

TEST_F(Gather, VectorsOfTasksAndOfCoroutines) {
  using V = std::vector<int>;
  cosm::run(lambda_coro(
      "main",
      [G = cosm::Coro<V>(), GV = cosm::Coro<std::vector<std::monostate>>(),
       Tasks = std::vector<cosm::Task<int>>(),
       Voids = std::vector<cosm::Task<void>>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        case 2:
          goto resume_2;
        case 3:
          goto resume_3;
        }
        {
          std::vector<cosm::Coro<int>> Coros;
          Coros.push_back(val("x", 2, 10));
          Coros.push_back(val("y", 0, 20));
          G = cosm::gather(std::move(Coros));
        }
      resume_1:
        if (G.step() == cosm::Step::Suspended) {
          F.state = 1;
          return cosm::Step::Suspended;
        }
        {
          V R = G.take_result();
          p("coros " + std::to_string(R[0]) + " " + std::to_string(R[1]));
        }
        Tasks.push_back(cosm::create_task(val("z", 1, 3)));
        AWAIT_CORO(F, 2, G, cosm::gather(Tasks));
        p("tasks " + std::to_string(G.take_result().at(0)));
        Voids.push_back(cosm::create_task(noop()));
        Voids.push_back(cosm::create_task(noop()));
        AWAIT_CORO(F, 3, GV, cosm::gather(Voids));
        p("voids " + std::to_string(GV.take_result().size()));
        return F.finish();
      }));
  EXPECT_EQ(out(), (std::vector<std::string>{
                       "start x @ 2", "start y @ 2", "end y @ 2", "end x @ 4",
                       "coros 10 20 @ 6", "start z @ 7", "end z @ 8",
                       "tasks 3 @ 10", "voids 2 @ 13"}));
}

TEST_F(Gather, GatherNeedsARunningLoop) {
  std::string Err = stderrOf(
      [] { EXPECT_THROW((void)cosm::gather(value(1)), cosm::RuntimeError); });
  EXPECT_NE(Err.find("coroutine 'value' was never awaited"), std::string::npos);
}

} // namespace
