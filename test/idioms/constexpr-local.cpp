// constexpr locals in an async function: a constant used after an await, as an
// array bound of a local that lives across awaits, and as a template argument.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/constexpr-local.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <array>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> fill(const char *who, int base) {
  constexpr int N = 3;
  constexpr double scale = 1.5;
  int raw[N] = {};
  std::array<int, N> arr{};
  for (int i = 0; i < N; ++i) {
    cosm::await(cosm::sleep(0));
    raw[i] = base + i;
    arr[i] = static_cast<int>(raw[i] * scale);
    std::printf("%s i %d raw %d arr %d\n", who, i, raw[i], arr[i]);
  }
  static_assert(N == 3, "N");
  return arr[N - 1];
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(fill("a", 2));
  cosm::Task<int> b = cosm::create_task(fill("b", 10));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("last %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
