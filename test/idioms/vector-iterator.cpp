// std::vector<T>::iterator locals (explicitly typed) across awaits: a cursor
// into a vector, advanced and erased through after each await.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/vector-iterator.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <vector>

COSM_ASYNC cosm::Coro<int> prune(const char *who, std::vector<int> v) {
  std::vector<int>::iterator it = v.begin();
  std::vector<int>::const_iterator first = v.cbegin();
  int removed = 0;
  while (it != v.end()) {
    cosm::await(cosm::sleep(0));
    if (*it % 2 == 0) {
      std::printf("%s erase %d\n", who, *it);
      it = v.erase(it);
      ++removed;
    } else {
      std::printf("%s keep %d\n", who, *it);
      ++it;
    }
  }
  (void)first;
  std::vector<int>::reverse_iterator r = v.rbegin();
  cosm::await(cosm::sleep(0));
  std::printf("%s left %zu last %d\n", who, v.size(), r == v.rend() ? -1 : *r);
  return removed;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(prune("a", {1, 2, 4, 5}));
  cosm::Task<int> b = cosm::create_task(prune("b", {6, 7}));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("removed %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
