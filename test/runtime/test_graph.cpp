//===- test_graph.cpp - Call-graph introspection --------------------------===//
///
/// \file
/// capture_call_graph / format_call_graph for each awaited-by kind of
/// asyncio 3.14 (an await, gather, TaskGroup, wait_for, shield, a future
/// awaited by several tasks), call stacks through inline awaits, limit and
/// the current task. Frames here report lines as cosm-lower's do (a
/// FrameLines table per frame); ids are masked.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <chrono>
#include <regex>

using namespace cosm_test;

namespace {

struct Graphs : ::testing::Test, Fixture {};

/// A frame as cosm-lower emits it for a function of 'app.cpp': Lines[s] is
/// the line of state s's await; Child is its child slot.
template <class Body, class ChildT = void>
class SitedFrame final : public cosm::Frame<void> {
public:
  SitedFrame(const char *Name, cosm::FrameLines<3> Lines, Body B)
      : Name(Name), Lines(Lines), B(std::move(B)) {}
  cosm::Step resume() override { return B(*this); }
  const char *function_name() const noexcept override { return Name; }
  cosm::SourceLine await_point() const noexcept override {
    return Lines.at(Child.active() ? 1 : state);
  }
  const cosm::FrameBase *awaited_frame() const noexcept override {
    return cosm::active_child(Child);
  }
  cosm::Coro<ChildT> Child;

private:
  const char *Name;
  cosm::FrameLines<3> Lines;
  Body B;
};

template <class ChildT = void, class Body>
cosm::Coro<void> sited(const char *Name, cosm::FrameLines<3> Lines, Body B) {
  return cosm::Coro<void>::make<SitedFrame<Body, ChildT>>(Name, Lines,
                                                          std::move(B));
}

/// async def wait_on(f): await f        # line 3 (function at line 2)
cosm::Coro<void> wait_on(const char *Name, cosm::Future<void> F) {
  return sited(Name, {"app.cpp", {2, 3, 0}}, [F](auto &Fr) -> cosm::Step {
    switch (Fr.state) {
    case 1:
      goto resume_1;
    }
    AWAIT(Fr, 1, F);
    F.result();
    return Fr.finish();
  });
}

/// async def middle(f): await wait_on(f)   # line 7 (function at line 6)
cosm::Coro<void> middle(cosm::Future<void> F) {
  return sited("middle", {"app.cpp", {6, 7, 0}}, [F](auto &Fr) -> cosm::Step {
    switch (Fr.state) {
    case 1:
      goto resume_1;
    }
    AWAIT_CORO(Fr, 1, Fr.Child, wait_on("leaf", F));
    Fr.Child.take_result();
    return Fr.finish();
  });
}

/// async def main(): await make()   # line 11 (function at line 10); the
/// coroutine Make() returns is awaited inline.
template <class T> T childOf(const cosm::Coro<T> &);
template <class T> T childOf(const cosm::GatherFuture<T> &);

template <class Make> cosm::Coro<void> awaiting(const char *Name, Make M) {
  using ChildT = decltype(childOf(M()));
  return sited<ChildT>(Name, {"app.cpp", {10, 11, 0}},
                       [M](auto &Fr) -> cosm::Step {
                         switch (Fr.state) {
                         case 1:
                           goto resume_1;
                         }
                         AWAIT_CORO(Fr, 1, Fr.Child, M());
                         Fr.Child.take_result();
                         return Fr.finish();
                       });
}

std::string masked(const std::string &S) {
  return std::regex_replace(S, std::regex("0x[0-9a-f]+"), "0x?");
}

/// Runs Main, and Probe() from a plain callback once every task has had a
/// few passes to suspend; returns what Probe returned.
std::string probe(std::function<cosm::Coro<void>(cosm::Future<void>)> Main,
                  std::function<std::string()> Probe) {
  std::string Seen;
  cosm::run(lambda_coro("main",
                        [&, Release = cosm::Future<void>(),
                         C = cosm::Coro<void>(), T = cosm::Task<void>(),
                         N = 0](auto &F) mutable -> cosm::Step {
                          switch (F.state) {
                          case 1:
                            goto resume_1;
                          case 2:
                            goto resume_2;
                          }
                          T = cosm::create_task(Main(Release), "main");
                          for (N = 0; N < 6; ++N) {
                            AWAIT_CORO(F, 1, C, cosm::sleep(0));
                            C.take_result();
                          }
                          Seen = masked(Probe());
                          Release.set_result();
                          AWAIT(F, 2, T);
                          T.result();
                          return F.finish();
                        }));
  return Seen;
}

TEST_F(Graphs, TaskAwaitingATaskThroughInlineFrames) {
  cosm::Task<void> Leaf;
  std::string Text = probe(
      [&](cosm::Future<void> Release) {
        return awaiting("main", [&, Release] {
          Leaf = cosm::create_task(middle(Release), "leaf");
          return cosm::wait_for(Leaf, std::nullopt);
        });
      },
      [&] { return cosm::format_call_graph(Leaf); });
  EXPECT_EQ(Text, "* Task(name='leaf', id=0x?)\n"
                  "  + Call stack:\n"
                  "  |   File 'app.cpp', line 3, in async leaf()\n"
                  "  |   File 'app.cpp', line 7, in async middle()\n"
                  "  + Awaited by:\n"
                  "    * Task(name='main', id=0x?)\n"
                  "      + Call stack:\n"
                  "      |   File '<cosm>', line 0, in async wait_for()\n"
                  "      |   File 'app.cpp', line 11, in async main()");
}

TEST_F(Graphs, FutureAwaitedBySeveralTasks) {
  cosm::Future<void> Shared;
  std::string Text = probe(
      [&](cosm::Future<void> Release) {
        Shared = Release;
        return awaiting("main", [&] {
          cosm::Task<void> A = cosm::create_task(wait_on("a", Shared), "a");
          cosm::Task<void> B = cosm::create_task(wait_on("b", Shared), "b");
          return cosm::gather(A, B);
        });
      },
      [&] { return cosm::format_call_graph(Shared); });
  EXPECT_EQ(Text, "* Future(id=0x?)\n"
                  "  + Awaited by:\n"
                  "    * Task(name='a', id=0x?)\n"
                  "      + Call stack:\n"
                  "      |   File 'app.cpp', line 3, in async a()\n"
                  "      + Awaited by:\n"
                  "        * Task(name='main', id=0x?)\n"
                  "          + Call stack:\n"
                  "          |   File '<cosm>', line 0, in async gather()\n"
                  "          |   File 'app.cpp', line 11, in async main()\n"
                  "    * Task(name='b', id=0x?)\n"
                  "      + Call stack:\n"
                  "      |   File 'app.cpp', line 3, in async b()\n"
                  "      + Awaited by:\n"
                  "        * Task(name='main', id=0x?)\n"
                  "          + Call stack:\n"
                  "          |   File '<cosm>', line 0, in async gather()\n"
                  "          |   File 'app.cpp', line 11, in async main()");
}

TEST_F(Graphs, TaskGroupChild) {
  cosm::Task<void> Child;
  std::string Text = probe(
      [&](cosm::Future<void> Release) {
        return awaiting("main", [&, Release] {
          cosm::TaskGroup Tg;
          Child = Tg.create_task(wait_on("child", Release), "child");
          return Tg.wait();
        });
      },
      [&] { return cosm::format_call_graph(Child); });
  EXPECT_EQ(Text,
            "* Task(name='child', id=0x?)\n"
            "  + Call stack:\n"
            "  |   File 'app.cpp', line 3, in async child()\n"
            "  + Awaited by:\n"
            "    * Task(name='main', id=0x?)\n"
            "      + Call stack:\n"
            "      |   File '<cosm>', line 0, in async TaskGroup.__aexit__()\n"
            "      |   File 'app.cpp', line 11, in async main()");
}

TEST_F(Graphs, WaitForWithATimeoutAndShield) {
  cosm::Task<void> Inner, Shielded;
  std::string Text = probe(
      [&](cosm::Future<void> Release) {
        Inner = cosm::create_task(wait_on("inner", Release), "inner");
        Shielded = cosm::create_task(wait_on("shielded", Release), "shielded");
        return awaiting("main", [&] {
          cosm::Task<void> Timed = cosm::create_task(
              awaiting("timed", [&] { return cosm::wait_for(Inner, 1000.0); }),
              "timed");
          cosm::Task<void> Guard = cosm::create_task(
              awaiting("guard",
                       [&] {
                         return cosm::wait_for(cosm::shield(Shielded),
                                               std::nullopt);
                       }),
              "guard");
          return cosm::gather(Timed, Guard);
        });
      },
      [&] {
        return cosm::format_call_graph(Inner, 1, 0) + "\n" +
               cosm::format_call_graph(Shielded, 1, 0);
      });
  EXPECT_EQ(Text, "* Task(name='inner', id=0x?)\n"
                  "  + Awaited by:\n"
                  "    * Task(name='timed', id=0x?)\n"
                  "      + Awaited by:\n"
                  "        * Task(name='main', id=0x?)\n"
                  "* Task(name='shielded', id=0x?)\n"
                  "  + Awaited by:\n"
                  "    * Task(name='guard', id=0x?)\n"
                  "      + Awaited by:\n"
                  "        * Task(name='main', id=0x?)");
}

TEST_F(Graphs, LimitKeepsOutermostOrInnermost) {
  cosm::Task<void> Leaf;
  std::string Text = probe(
      [&](cosm::Future<void> Release) {
        Leaf = cosm::create_task(middle(Release), "leaf");
        return wait_on("main", Release);
      },
      [&] {
        return cosm::format_call_graph(Leaf, 1, 1) + "\n" +
               cosm::format_call_graph(Leaf, 1, -1);
      });
  EXPECT_EQ(Text, "* Task(name='leaf', id=0x?)\n"
                  "  + Call stack:\n"
                  "  |   File 'app.cpp', line 7, in async middle()\n"
                  "* Task(name='leaf', id=0x?)\n"
                  "  + Call stack:\n"
                  "  |   File 'app.cpp', line 3, in async leaf()");
}

TEST_F(Graphs, CurrentTask) {
  std::string Text;
  std::optional<cosm::FutureCallGraph> Outside;
  cosm::run(awaiting("main", [&] {
    cosm::current_task().set_name("main");
    return awaiting("outer", [&] {
      return lambda_coro("inner", [&](auto &G) {
        Text = masked(cosm::format_call_graph()) + "\n" +
               masked(cosm::format_call_graph({}, 2, -1));
        cosm::get_running_loop().call_soon(
            [&] { Outside = cosm::capture_call_graph(); });
        return G.finish();
      });
    });
  }));
  EXPECT_EQ(Text, "* Task(name='main', id=0x?)\n"
                  "  + Call stack:\n"
                  "  |   File '<cosm>', line 0, in async inner()\n"
                  "  |   File 'app.cpp', line 11, in async outer()\n"
                  "  |   File 'app.cpp', line 11, in async main()\n"
                  "* Task(name='main', id=0x?)\n"
                  "  + Call stack:\n"
                  "  |   File 'app.cpp', line 11, in async outer()");
  EXPECT_FALSE(Outside);
  EXPECT_THROW(cosm::capture_call_graph(), cosm::RuntimeError);
}

// Debug mode adds the call graph of the task involved to its reports.
struct DebugGraphs : ::testing::Test, Fixture {
  cosm::Loop L;
  DebugGraphs() {
    L.set_debug(true);
    L.slow_callback_duration = 0.02;
  }
};

TEST_F(DebugGraphs, TaskDestroyedPending) {
  std::string Err = stderrOf([] {
    cosm::Loop Lp;
    Lp.set_debug(true);
    cosm::Future<void> Never(Lp);
    Lp.create_task(wait_on("stuck", Never), "stuck-task");
    Lp.call_soon([&Lp] { Lp.stop(); });
    Lp.run_forever();
  });
  EXPECT_NE(masked(Err).find("Task was destroyed but it is pending!\n"
                             "task: <Task pending name='stuck-task'"),
            std::string::npos)
      << Err;
  EXPECT_NE(masked(Err).find(">\n* Task(name='stuck-task', id=0x?)\n"
                             "  + Call stack:\n"
                             "  |   File 'app.cpp', line 3, in async stuck()\n"),
            std::string::npos)
      << Err;
}

TEST_F(DebugGraphs, SlowStep) {
  cosm::Future<void> Gate(L);
  auto T = L.create_task(
      sited("slow", {"app.cpp", {2, 3, 0}}, [Gate](auto &Fr) -> cosm::Step {
        switch (Fr.state) {
        case 1:
          goto resume_1;
        }
        {
          auto End = std::chrono::steady_clock::now() +
                     std::chrono::milliseconds(30);
          while (std::chrono::steady_clock::now() < End) {
          }
        }
        AWAIT(Fr, 1, Gate);
        return Fr.finish();
      }),
      "slow-task");
  L.call_later(0.05, [Gate] { Gate.set_result(); });
  std::string Err = stderrOf([&] { L.run_until_complete(T); });
  EXPECT_NE(masked(Err).find(" seconds\n* Task(name='slow-task', id=0x?)\n"
                             "  + Call stack:\n"
                             "  |   File 'app.cpp', line 3, in async slow()\n"),
            std::string::npos)
      << Err;
}

TEST_F(DebugGraphs, NeverAwaited) {
  auto T = L.create_task(lambda_coro("dropper",
                                     [](auto &F) {
                                       { cosm::Coro<void> Dropped = noop(); }
                                       return F.finish();
                                     }),
                         "dropper-task");
  std::string Err = stderrOf([&] { L.run_until_complete(T); });
  EXPECT_EQ(masked(Err), "RuntimeWarning: coroutine 'noop' was never awaited\n"
                         "* Task(name='dropper-task', id=0x?)\n"
                         "  + Call stack:\n"
                         "  |   File '<cosm>', line 0, in async dropper()\n");
}

} // namespace
