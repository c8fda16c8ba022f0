// 'using' and 'typedef' aliases declared inside an async function, naming the
// types of locals that live across awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-alias.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> tally(const char *who, int n) {
  using Counts = std::map<std::string, int>;
  typedef std::vector<int> Ints;
  Counts counts;
  Ints seen;
  for (int i = 0; i < n; ++i) {
    cosm::await(cosm::sleep(0));
    counts[i % 2 ? "odd" : "even"] += 1;
    seen.push_back(i * i);
    std::printf("%s i %d last %d\n", who, i, seen.back());
  }
  std::printf("%s even %d odd %d\n", who, counts["even"], counts["odd"]);
  return (int)seen.size();
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(tally("a", 3));
  cosm::Task<int> b = cosm::create_task(tally("b", 2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("sizes %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
