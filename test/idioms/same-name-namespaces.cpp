// The same async function name (load) in two namespaces, and in a namespace
// and the global one; each caller awaits its own.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/same-name-namespaces.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<int> load(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("global load %d\n", x);
  return x;
}

namespace disk {
COSM_ASYNC cosm::Coro<int> load(int x) {
  cosm::await(cosm::sleep(0));
  std::printf("disk load %d\n", x);
  return x * 10;
}
} // namespace disk

namespace net {
COSM_ASYNC cosm::Coro<int> load(int x) {
  int a = cosm::await(disk::load(x));
  int b = cosm::await(::load(x));
  std::printf("net load %d\n", x);
  return a + b + 1000;
}
} // namespace net

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(net::load(1));
  cosm::Task<int> b = cosm::create_task(disk::load(2));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("results %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
