// [this] in a lambda inside an async member function (a std::sort comparator
// reading a member), both before and after an await; the lambda never crosses it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/capture-this.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <vector>

class Sorter {
public:
  Sorter(std::string n, int p) : name(std::move(n)), pivot(p) {}
  COSM_ASYNC cosm::Coro<void> run(std::vector<int> v) {
    std::sort(v.begin(), v.end(), [this](int a, int b) { return std::abs(a - pivot) < std::abs(b - pivot); });
    std::printf("%s first %d\n", name.c_str(), v.front());
    cosm::await(cosm::sleep(0));
    pivot += 10;
    std::sort(v.begin(), v.end(), [this](int a, int b) { return std::abs(a - pivot) < std::abs(b - pivot); });
    std::printf("%s after await first %d last %d\n", name.c_str(), v.front(), v.back());
  }
  std::string name;
  int pivot;
};

COSM_ASYNC cosm::Coro<void> main_() {
  Sorter a("a", 3), b("b", 12);
  cosm::Task<void> ta = cosm::create_task(a.run({1, 5, 9, 14, 20}));
  cosm::Task<void> tb = cosm::create_task(b.run({2, 11, 30, 25, 0}));
  cosm::await(ta);
  cosm::await(tb);
  std::printf("pivots %d %d\n", a.pivot, b.pivot);
}

int main() { cosm::run(main_()); }
