// Init-captures ([n = x * 2], [s = std::move(s)], [&r = total]) of locals that
// live across awaits; the capture list is kept as written.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/init-capture.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -
// RUN: grep -v CHECK %t.cpp | FileCheck %s

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <utility>

COSM_ASYNC cosm::Coro<int> job(const char *who, int x) {
  std::string s = std::string(who) + "-tag";
  int total = 0;
  cosm::await(cosm::sleep(0));
  // CHECK: [n = x * 2, &r = total]
  int got = [n = x * 2, &r = total]() { r += n; return n + 1; }();
  cosm::await(cosm::sleep(0));
  // CHECK: [t = std::move(s)]
  std::size_t len = [t = std::move(s)] { return t.size(); }();
  std::printf("%s got %d total %d len %zu moved-from-empty %d\n", who, got, total, len, (int)s.empty());
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(job("a", 5));
  cosm::Task<int> b = cosm::create_task(job("bb", 6));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
