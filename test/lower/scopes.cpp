// Nested blocks and shadowed names get separate storage; objects in the frame
// are constructed where declared and destroyed where their scope ends, on
// every iteration and on break, continue and return.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/scopes.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string name;
  explicit Noisy(std::string n) : name(std::move(n)) {
    std::printf("enter %s\n", name.c_str());
  }
  ~Noisy() { std::printf("exit %s\n", name.c_str()); }
};

// Two locals named x in sibling blocks, and a third shadowing them: each
// has its own member.
// CHECK-LABEL: struct shadows_frame
// CHECK: int x;
// CHECK: int x_2;
// CHECK: int x_3;
COSM_ASYNC cosm::Coro<void> shadows() {
  {
    int x = 1;
    cosm::await(cosm::sleep(0));
    std::printf("first x %d\n", x);
  }
  {
    int x = 2;
    cosm::await(cosm::sleep(0));
    {
      int x = 3;
      cosm::await(cosm::sleep(0));
      std::printf("inner x %d\n", x);
    }
    std::printf("second x %d\n", x);
  }
}

// CHECK-LABEL: struct guards_frame
// CHECK: union {
// CHECK-NEXT: Noisy outer;
// CHECK: ::new (&outer) Noisy("outer " + std::to_string(i));
// CHECK-NEXT: live.set(0);
// A break leaves two scopes: both objects end, inner first.
// CHECK: if (i == 2) {
// CHECK-NEXT: live.reset(1);
// CHECK-NEXT: std::destroy_at(&inner);
// CHECK-NEXT: live.reset(0);
// CHECK-NEXT: std::destroy_at(&outer);
// CHECK-NEXT: break;
COSM_ASYNC cosm::Coro<int> guards() {
  for (int i = 0; i < 5; ++i) {
    Noisy outer("outer " + std::to_string(i));
    cosm::await(cosm::sleep(0));
    {
      Noisy inner("inner " + std::to_string(i));
      cosm::await(cosm::sleep(0));
      if (i == 0)
        continue;
      if (i == 2)
        break;
    }
    std::printf("end of iteration %d\n", i);
  }
  Noisy last("last");
  cosm::await(cosm::sleep(0));
  return 7;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::await(shadows());
  int r = cosm::await(guards());
  std::printf("guards returned %d\n", r);
}

int main() { cosm::run(main_()); }
