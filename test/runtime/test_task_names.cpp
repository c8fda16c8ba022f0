//===- test_task_names.cpp - Task names -----------------------------------===//
///
/// \file
/// CPython 3.11 numbers every task it creates, named or not, so a name given
/// to create_task (or TaskGroup.create_task) uses up a "Task-N" number; later
/// unnamed tasks carry the same numbers as in asyncio. Numbers are per
/// process, so the tests compare them with the number of a first task.
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

using namespace cosm_test;

namespace {

/// N of "Task-N".
long number(const std::string &Name) {
  EXPECT_EQ(Name.rfind("Task-", 0), 0u) << Name;
  return std::stol(Name.substr(5));
}

// a = create_task(noop()); b = create_task(noop(), name="named")
// c = create_task(noop())  ->  Task-K, named, Task-(K+2)
TEST(TaskNames, ANamedTaskUsesUpANumber) {
  cosm::Loop L;
  auto A = L.create_task(noop());
  auto B = L.create_task(noop(), "named");
  auto C = L.create_task(noop());
  EXPECT_EQ(B.name(), "named");
  EXPECT_EQ(number(C.name()), number(A.name()) + 2);
  L.run_until_complete(C);
}

TEST(TaskNames, ANamedTaskOfCosmCreateTaskUsesUpANumber) {
  std::vector<std::string> Names;
  cosm::run(lambda_coro("main", [&Names](auto &F) {
    Names.push_back(cosm::create_task(noop()).name());
    Names.push_back(cosm::create_task(noop(), "named").name());
    Names.push_back(cosm::create_task(noop()).name());
    return F.finish();
  }));
  ASSERT_EQ(Names.size(), 3u);
  EXPECT_EQ(Names[1], "named");
  EXPECT_EQ(number(Names[2]), number(Names[0]) + 2);
}

// async with TaskGroup() as tg:
//     d = tg.create_task(noop(), name="g"); e = tg.create_task(noop())
TEST(TaskNames, ANamedTaskGroupChildUsesUpANumber) {
  std::vector<std::string> Names;
  cosm::run(lambda_coro("main", [&Names, C = cosm::Coro<void>()](
                                    auto &F) mutable {
    switch (F.state) {
    case 1:
      goto resume_1;
    }
    {
      Names.push_back(cosm::create_task(noop()).name());
      cosm::TaskGroup TG;
      Names.push_back(TG.create_task(noop(), "g").name());
      Names.push_back(TG.create_task(noop()).name());
      C = TG.wait();
    }
    AWAIT_CORO(F, 1, C, std::move(C));
    C.take_result();
    return F.finish();
  }));
  ASSERT_EQ(Names.size(), 3u);
  EXPECT_EQ(Names[1], "g");
  EXPECT_EQ(number(Names[2]), number(Names[0]) + 2);
}

// t.set_name("renamed"); t.get_name()
TEST(TaskNames, SetNameRenames) {
  cosm::Loop L;
  auto T = L.create_task(noop());
  std::string Before = T.get_name();
  T.set_name("renamed");
  EXPECT_EQ(T.get_name(), "renamed");
  EXPECT_EQ(T.name(), "renamed");
  cosm::AnyTask(T).set_name("again");
  EXPECT_EQ(cosm::AnyTask(T).get_name(), "again");
  // "" stands for None: the task's own number comes back.
  T.set_name("");
  EXPECT_EQ(T.get_name(), Before);
  L.run_until_complete(T);
}

// current_task().set_name("main"): the running task renames itself.
TEST(TaskNames, TheRunningTaskCanRenameItself) {
  std::string Seen;
  cosm::run(lambda_coro("main", [&Seen](auto &F) {
    cosm::current_task().set_name("main");
    Seen = cosm::current_task().get_name();
    return F.finish();
  }));
  EXPECT_EQ(Seen, "main");
}

} // namespace
