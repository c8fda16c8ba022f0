// auto locals of iterator type (std::list<T>::iterator, a map's const_iterator)
// held across awaits while walking containers by hand.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/auto-iterator.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <list>
#include <map>
#include <string>

COSM_ASYNC cosm::Coro<int> walk(const char *who, std::list<int> items, std::map<int, std::string> names) {
  int sum = 0;
  auto it = items.begin();
  auto end = items.end();
  while (it != end) {
    cosm::await(cosm::sleep(0));
    auto found = names.find(*it);
    std::printf("%s %d -> %s\n", who, *it, found == names.end() ? "?" : found->second.c_str());
    sum += *it;
    ++it;
  }
  auto last = names.cbegin();
  cosm::await(cosm::sleep(0));
  std::printf("%s first name %s\n", who, last->second.c_str());
  return sum;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(walk("a", {1, 2}, {{1, "one"}, {2, "two"}}));
  cosm::Task<int> b = cosm::create_task(walk("b", {3}, {{0, "zero"}}));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  std::printf("sums %d %d\n", ra, rb);
}

int main() { cosm::run(main_()); }
