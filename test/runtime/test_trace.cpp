//===- test_trace.cpp - COSM_TRACE, RunOptions::trace, set_trace_file -----===//
///
/// \file
/// How tracing is turned on and off, where the file goes, and what a small
/// program's trace holds. The events are read line by line (the tracer
/// writes one per line, runtime/src/trace.cpp); test/run/trace.cpp checks a
/// lowered program's trace with a JSON parser.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace cosm_test;

namespace {

struct Trace : ::testing::Test, Fixture {
  /// A fresh path in the test's temporary directory.
  std::string path(const std::string &Name) {
    std::string P = ::testing::TempDir() + "cosm-trace-" +
                    std::to_string(::getpid()) + "-" + Name + ".json";
    std::remove(P.c_str());
    return P;
  }
  ~Trace() override { ::unsetenv("COSM_TRACE"); }
};

bool exists(const std::string &Path) {
  return ::access(Path.c_str(), F_OK) == 0;
}

std::string readFile(const std::string &Path) {
  std::ifstream In(Path);
  std::stringstream S;
  S << In.rdbuf();
  return S.str();
}

/// The event lines of a trace that match Pattern.
std::vector<std::string> events(const std::string &Trace,
                                const std::string &Pattern) {
  std::vector<std::string> Found;
  std::istringstream In(Trace);
  std::regex Re(Pattern);
  for (std::string Line; std::getline(In, Line);)
    if (std::regex_search(Line, Re))
      Found.push_back(Line);
  return Found;
}

/// `"Key":<number>` in an event line.
std::string field(const std::string &Line, const std::string &Key) {
  std::smatch M;
  if (!std::regex_search(Line, M, std::regex("\"" + Key + "\":([0-9.]+)")))
    return "";
  return M[1];
}

// async def parent():
//     t = asyncio.create_task(say("child"), name="child"); await t
cosm::Coro<void> parent() {
  return lambda_coro("parent",
                     [T = cosm::Task<void>()](auto &F) mutable -> cosm::Step {
                       switch (F.state) {
                       case 1:
                         goto resume_1;
                       }
                       T = cosm::create_task(say("child"), "child");
                       AWAIT(F, 1, T);
                       return F.finish();
                     });
}

TEST_F(Trace, RunOptionWritesAStepSliceAndFlowsPerTask) {
  std::string P = path("run-option");
  cosm::RunOptions Opts;
  Opts.trace = P;
  cosm::run(parent(), Opts);
  std::string T = readFile(P);

  EXPECT_EQ(T.rfind("{\"displayTimeUnit\"", 0), 0u) << T;
  EXPECT_EQ(T.substr(T.size() - 4), "\n]}\n");
  EXPECT_EQ(events(T, "\"ph\":\"X\",\"name\":\"parent\"").size(), 2u) << T;
  auto Child = events(T, "\"ph\":\"X\",\"name\":\"say\"");
  ASSERT_EQ(Child.size(), 1u) << T;
  EXPECT_NE(Child[0].find("\"task\":\"child\",\"step\":1,\"result\":\"done\""),
            std::string::npos);
  EXPECT_EQ(
      events(T, "\"name\":\"thread_name\".*\"name\":\"child say\"").size(), 1u);

  // create_task: from parent's track (1) to child's (2), one id.
  auto Start = events(T, "\"ph\":\"s\",\"name\":\"create_task\"");
  auto End = events(T, "\"ph\":\"f\",\"name\":\"create_task\"");
  ASSERT_EQ(Start.size(), 1u);
  ASSERT_EQ(End.size(), 1u);
  EXPECT_EQ(field(Start[0], "tid"), "1");
  EXPECT_EQ(field(End[0], "tid"), "2");
  EXPECT_EQ(field(Start[0], "id"), field(End[0], "id"));
  // await: from parent's first step to its second, on its own track.
  auto AwaitStart = events(T, "\"ph\":\"s\",\"name\":\"await\"");
  auto AwaitEnd = events(T, "\"ph\":\"f\",\"name\":\"await\"");
  ASSERT_EQ(AwaitStart.size(), 1u);
  ASSERT_EQ(AwaitEnd.size(), 1u);
  EXPECT_EQ(field(AwaitStart[0], "id"), field(AwaitEnd[0], "id"));
  EXPECT_EQ(field(AwaitEnd[0], "tid"), "1");
  EXPECT_NE(events(T, "\"name\":\"parent\".*\"waits_for\":\"child\"").size(),
            0u);
}

TEST_F(Trace, EnvironmentVariableTurnsItOn) {
  std::string P = path("env");
  ::setenv("COSM_TRACE", P.c_str(), 1);
  {
    cosm::Loop L;
    EXPECT_EQ(L.trace_file(), P);
    EXPECT_FALSE(exists(P)); // created when the loop first runs
    L.run_until_complete(say("hi"));
    EXPECT_TRUE(exists(P));
  }
  EXPECT_EQ(events(readFile(P), "\"ph\":\"X\",\"name\":\"say\"").size(), 1u);
}

TEST_F(Trace, EmptyRunOptionTurnsOffTheEnvironmentsTrace) {
  std::string P = path("off");
  ::setenv("COSM_TRACE", P.c_str(), 1);
  cosm::RunOptions Opts;
  Opts.trace = "";
  cosm::run(say("hi"), Opts);
  EXPECT_FALSE(exists(P));
  EXPECT_EQ(out(), (std::vector<std::string>{"hi"}));
}

TEST_F(Trace, OffByDefault) {
  ::unsetenv("COSM_TRACE");
  cosm::Loop L;
  EXPECT_EQ(L.trace_file(), "");
}

TEST_F(Trace, UnwritablePathIsAnOSErrorBeforeMainRuns) {
  cosm::RunOptions Opts;
  Opts.trace = "/nonexistent-cosm-dir/trace.json";
  std::string Error;
  std::string Stderr = stderrOf([&] {
    try {
      cosm::run(say("never"), Opts);
    } catch (const cosm::OSError &E) {
      Error = E.what();
    }
  });
  EXPECT_NE(Error.find("cannot write the trace file "
                       "'/nonexistent-cosm-dir/trace.json'"),
            std::string::npos)
      << Error;
  EXPECT_TRUE(out().empty());
  // As asyncio.run given a coroutine it fails before running.
  EXPECT_NE(Stderr.find("coroutine 'say' was never awaited"), std::string::npos)
      << Stderr;
}

TEST_F(Trace, SetTraceFileOnlyBeforeTheLoopRuns) {
  cosm::Loop L;
  L.run_until_complete(noop());
  EXPECT_THROW(L.set_trace_file(path("late")), cosm::RuntimeError);
}

TEST_F(Trace, LoopsTracedToOneFileAreProcessesOfIt) {
  std::string P = path("two-loops");
  cosm::RunOptions Opts;
  Opts.trace = P;
  cosm::run(say("first"), Opts);
  // Valid after each loop closes: the first loop's events are there.
  EXPECT_EQ(events(readFile(P), "\"ph\":\"X\",\"name\":\"say\"").size(), 1u);
  cosm::run(say("second"), Opts);
  std::string T = readFile(P);
  auto Says = events(T, "\"ph\":\"X\",\"name\":\"say\"");
  ASSERT_EQ(Says.size(), 2u) << T;
  EXPECT_EQ(field(Says[0], "pid"), "1");
  EXPECT_EQ(field(Says[1], "pid"), "2");
  EXPECT_EQ(events(T, "\"name\":\"process_name\"").size(), 2u);
  EXPECT_EQ(T.substr(T.size() - 4), "\n]}\n");
}

} // namespace
