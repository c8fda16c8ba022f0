// A variadic template async function (template <class... Args>, a logging helper
// that waits and then formats its pack).
//
// The frame holds the pack in a std::tuple; the body sees it as a pack again.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/variadic-template.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

template <class... Args> COSM_ASYNC cosm::Coro<int> log_later(const char *fmt, Args... args) {
  cosm::await(cosm::sleep(0));
  std::printf(fmt, args...);
  return static_cast<int>(sizeof...(Args));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(log_later("a %d %d\n", 1, 2));
  cosm::Task<int> b = cosm::create_task(log_later("b %s\n", "x"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(log_later("c %s\n", "-"));
  std::printf("counts %d %d %d\n", ra, rb, rc);
}

int main() { cosm::run(main_()); }
