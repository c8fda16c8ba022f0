// User macros that expand to ordinary code (LOG, a variadic LOGF, TWICE)
// written around awaits and using locals that live across them.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/user-macros.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

#define LOG(x) std::printf("%s\n", x)
#define LOGF(fmt, ...) std::printf(fmt "\n", __VA_ARGS__)
#define TWICE(e) ((e) * 2)

COSM_ASYNC cosm::Coro<int> job(const char *who, int n) {
  std::string tag = std::string("[") + who + "]";
  LOG(tag.c_str());
  if (n <= 0)
    return -1;
  cosm::await(cosm::sleep(0));
  int v = TWICE(n);
  LOGF("%s doubled %d", tag.c_str(), v);
  cosm::await(cosm::sleep(0));
  LOGF("%s end", tag.c_str());
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(job("a", 2));
  cosm::Task<int> b = cosm::create_task(job("b", -1));
  cosm::Task<int> c = cosm::create_task(job("c", 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  int rc = cosm::await(c);
  LOGF("results %d %d %d", ra, rb, rc);
}

int main() { cosm::run(main_()); }
