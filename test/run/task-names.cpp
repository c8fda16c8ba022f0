// Task names: a name given to create_task or TaskGroup::create_task uses up
// a Task-N number, as in CPython 3.11, so unnamed tasks carry asyncio's
// numbers; get_name/set_name.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/task-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> noop() {}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(noop());
  cosm::Task<void> b = cosm::create_task(noop(), "named");
  cosm::Task<void> c = cosm::create_task(noop());
  std::printf("%s %s %s %s\n", cosm::current_task().get_name().c_str(),
              a.get_name().c_str(), b.get_name().c_str(),
              c.get_name().c_str());
  cosm::TaskGroup tg;
  cosm::Task<void> d = tg.create_task(noop(), "g");
  cosm::Task<void> e = tg.create_task(noop());
  cosm::await(tg.wait());
  std::printf("%s %s\n", d.get_name().c_str(), e.get_name().c_str());
  e.set_name("renamed");
  std::printf("%s\n", e.get_name().c_str());
  cosm::Task<void> f = cosm::create_task(noop());
  std::printf("%s\n", f.get_name().c_str());
  cosm::await(f);
  std::printf("%s %s\n", cosm::current_task().get_coro_name(),
              f.get_coro_name());
}

int main() { cosm::run(main_()); }
