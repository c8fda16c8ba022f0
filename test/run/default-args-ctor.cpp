// A local whose default constructor has default arguments, alive across an
// await, keeps the value the constructor gave it.
//
// Fails: F13 in test/fuzz/FINDINGS.md (lowered to `::new (&q) Q(q);`).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/default-args-ctor.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
struct Q { Q(int a = 5) : a(a) {} int a; };
COSM_ASYNC cosm::Coro<void> main_() {
  Q q;
  cosm::await(cosm::sleep(0));
  std::printf("%d\n", q.a);
}
int main() { cosm::run(main_()); }
