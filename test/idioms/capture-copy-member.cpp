// [=] inside an async member function, reading a data member (an implicit
// this capture) in a std::count_if predicate, on both sides of an await.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/capture-copy-member.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cstdio>
#include <vector>

struct Filter {
  int limit;
  COSM_ASYNC cosm::Coro<int> count(std::vector<int> v, const char *who) {
    int bonus = 1;
    auto n = std::count_if(v.begin(), v.end(), [=](int x) { return x + bonus > limit; });
    std::printf("%s before %d\n", who, (int)n);
    cosm::await(cosm::sleep(0));
    limit -= 5;
    n = std::count_if(v.begin(), v.end(), [=](int x) { return x + bonus > limit; });
    std::printf("%s after %d\n", who, (int)n);
    return (int)n;
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  Filter f{10}, g{4};
  cosm::Task<int> a = cosm::create_task(f.count({1, 6, 9, 12}, "f"));
  cosm::Task<int> b = cosm::create_task(g.count({1, 2, 3, 4}, "g"));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d limits %d %d\n", ra, rb, f.limit, g.limit);
}

int main() { cosm::run(main_()); }
