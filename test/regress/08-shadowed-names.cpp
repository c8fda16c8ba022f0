// Issue 4, named regression test 8: variables with the same name in sibling
// and nested blocks (and shadowing a parameter-free outer one) get separate
// storage in the frame, are constructed where declared on every iteration,
// and are destroyed at their block's end, each keeping its own value across
// awaits.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/08-shadowed-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Noisy {
  std::string n;
  explicit Noisy(std::string s) : n(std::move(s)) { std::printf("+%s\n", n.c_str()); }
  Noisy(const Noisy &) = delete;
  ~Noisy() { std::printf("-%s\n", n.c_str()); }
};

// Four objects named v, four ints named k: eight members.
// CHECK-LABEL: struct shadows_frame
// CHECK-DAG: Noisy v;
// CHECK-DAG: Noisy v_2;
// CHECK-DAG: Noisy v_3;
// CHECK-DAG: Noisy v_4;
// CHECK-DAG: int k;
// CHECK-DAG: int k_2;
// CHECK-DAG: int k_3;
// CHECK-DAG: int k_4;
// CHECK: ::new (&v) Noisy("outer" + std::to_string(i));
// CHECK: ::new (&v_2) Noisy("sibling1-" + std::to_string(i));
// CHECK: std::destroy_at(&v_2);
// CHECK: ::new (&v_3) Noisy("sibling2-" + std::to_string(i));
// CHECK: ::new (&v_4) Noisy("nested-" + std::to_string(i));
// CHECK: std::destroy_at(&v_4);
// CHECK: std::destroy_at(&v_3);
// CHECK: std::destroy_at(&v);
COSM_ASYNC cosm::Coro<int> shadows() {
  int sum = 0;
  for (int i = 0; i < 2; ++i) {
    Noisy v("outer" + std::to_string(i));
    int k = 1000 * (i + 1);
    cosm::await(cosm::sleep(0));
    {
      Noisy v("sibling1-" + std::to_string(i));
      int k = 1;
      cosm::await(cosm::sleep(0));
      std::printf("sibling1 v=%s k=%d\n", v.n.c_str(), k);
      sum += k;
    }
    {
      Noisy v("sibling2-" + std::to_string(i));
      int k = 2;
      cosm::await(cosm::sleep(0));
      {
        Noisy v("nested-" + std::to_string(i));
        int k = 3;
        cosm::await(cosm::sleep(0));
        std::printf("nested v=%s k=%d\n", v.n.c_str(), k);
        sum += k;
      }
      std::printf("sibling2 v=%s k=%d\n", v.n.c_str(), k);
      sum += k;
    }
    std::printf("outer v=%s k=%d\n", v.n.c_str(), k);
    sum += k;
  }
  return sum;
}

// Two tasks run the same function at once: each frame has its own storage.
COSM_ASYNC cosm::Coro<void> twice(int id) {
  {
    int x = id;
    cosm::await(cosm::sleep(0));
    std::printf("task %d first x %d\n", id, x);
  }
  {
    int x = id * 100;
    cosm::await(cosm::sleep(0));
    std::printf("task %d second x %d\n", id, x);
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  std::printf("shadows -> %d\n", cosm::await(shadows()));
  auto a = cosm::create_task(twice(1));
  auto b = cosm::create_task(twice(2));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
