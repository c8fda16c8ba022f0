// Issue 18, idiom 2: types declared inside an async function. When a local
// that lives across an await has such a type, the frame struct (declared
// outside the function) must name it: the function's types move into the
// frame as nested types, under their own names, where resume() sees them
// too. Without such a member they stay where they are. Static locals stay
// one object shared by every call; constants stay constants (static, so a
// resumption can jump past them).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/local-types.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <array>
#include <cstdio>

// CHECK-LABEL: struct shapes_frame final
// CHECK-NEXT: // The types shapes() declares, which members of its frame name.
// CHECK-NEXT: struct Point {
// CHECK: enum Color { Red, Green, Blue };
// CHECK: using Num = long;
// CHECK: typedef int Int;
// CHECK: Point p;
// CHECK: Color c;
// CHECK: Num n;
// CHECK: Int i;
COSM_ASYNC cosm::Coro<long> shapes(int x) {
  struct Point {
    int x, y;
    int sum() const { return x + y; }
  };
  enum Color { Red, Green, Blue };
  using Num = long;
  typedef int Int;
  Point p{x, 2};
  Color c = Blue;
  Num n = 40;
  Int i = 2;
  cosm::await(cosm::sleep(0));
  return p.sum() + c + n + i + Green;
}

// No member names the type: it stays in resume(), as written.
// CHECK-LABEL: struct counted_frame final
// CHECK-NOT: struct Tally
// CHECK: cosm::Step resume() override {
// CHECK: static int calls = 0;
// CHECK: static constexpr int Limit = 3;
// CHECK: static const int Width = 2;
// CHECK: struct Tally {
COSM_ASYNC cosm::Coro<int> counted() {
  static int calls = 0;
  constexpr int Limit = 3;
  const int Width = 2;
  ++calls;
  cosm::await(cosm::sleep(0));
  struct Tally {
    int n;
  };
  Tally t{calls};
  std::array<int, Limit * Width> cells{};
  if constexpr (Limit > 2)
    cells[Limit] = t.n;
  return cells[Limit] * 10 + static_cast<int>(cells.size());
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("shapes %ld\n", cosm::await(shapes(1)));
  auto a = cosm::create_task(counted());
  auto b = cosm::create_task(counted());
  std::printf("counted %d\n", cosm::await(a));
  std::printf("counted %d\n", cosm::await(b));
  std::printf("counted %d\n", cosm::await(counted()));
}

int main() { cosm::run(main_()); }
