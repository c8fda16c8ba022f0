// Lambdas passed to <algorithm> (std::transform, std::count_if, std::for_each)
// over a vector that lives across awaits, capturing locals by value and by reference.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/algorithms.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <algorithm>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<int> process(const char *who, std::vector<int> v, int k) {
  std::vector<int> out(v.size());
  std::transform(v.begin(), v.end(), out.begin(), [k](int x) { return x * k; });
  cosm::await(cosm::sleep(0));
  int big = (int)std::count_if(out.begin(), out.end(), [&](int x) { return x > k * 2; });
  std::printf("%s big %d\n", who, big);
  cosm::await(cosm::sleep(0));
  int sum = 0;
  std::for_each(out.begin(), out.end(), [&sum](int x) { sum += x; });
  std::printf("%s sum %d\n", who, sum);
  return sum + big;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(process("a", {1, 2, 3, 4}, 3));
  cosm::Task<int> b = cosm::create_task(process("b", {5, 1}, 2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
