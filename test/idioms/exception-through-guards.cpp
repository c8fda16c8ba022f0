// An exception thrown after an await, unwinding through RAII guards in two
// coroutine frames and a loop, caught by the caller: destructors run in Python's
// finally order, before the handler.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/exception-through-guards.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>

struct Scope {
  std::string name;
  explicit Scope(std::string n) : name(std::move(n)) { std::printf("enter %s\n", name.c_str()); }
  ~Scope() { std::printf("exit %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<int> inner(const char *who, int fail_at) {
  Scope s(std::string(who) + ".inner");
  for (int i = 0; i < 3; ++i) {
    Scope step(std::string(who) + ".step" + std::to_string(i));
    cosm::await(cosm::sleep(0));
    if (i == fail_at)
      throw std::runtime_error(std::string(who) + " failed at " + std::to_string(i));
  }
  return 3;
}

COSM_ASYNC cosm::Coro<void> outer(const char *who, int fail_at) {
  Scope s(std::string(who) + ".outer");
  try {
    int n = cosm::await(inner(who, fail_at));
    std::printf("%s ok %d\n", who, n);
  } catch (const std::exception &e) {
    std::printf("%s caught: %s\n", who, e.what());
    cosm::await(cosm::sleep(0));
    std::printf("%s handled\n", who);
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(outer("a", 1));
  cosm::Task<void> b = cosm::create_task(outer("b", 7));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
