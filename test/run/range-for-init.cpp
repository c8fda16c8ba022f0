// C++20's range-for init-statement in a loop that suspends: the init's
// object lives in the frame for the whole loop (a block around it), and the
// loop's elements are read after each suspension. Two tasks interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++20 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags -std=c++20 %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags -std=c++20 %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/range-for-init.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct Batch {
  std::string tag;
  std::vector<int> items;
  Batch(std::string t, int n) : tag(std::move(t)) {
    for (int i = 0; i < n; ++i)
      items.push_back(i * 10);
    std::printf("make batch %s\n", tag.c_str());
  }
  ~Batch() { std::printf("drop batch %s\n", tag.c_str()); }
};

COSM_ASYNC cosm::Coro<int> handle(const std::string &tag, int item) {
  std::printf("%s handles %d\n", tag.c_str(), item);
  cosm::await(cosm::sleep(0));
  return item + 1;
}

COSM_ASYNC cosm::Coro<int> drain(std::string tag, int n) {
  int total = 0;
  for (Batch b(tag, n); int item : b.items)
    total += cosm::await(handle(b.tag, item));
  std::printf("%s total %d\n", tag.c_str(), total);
  return total;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> one = cosm::create_task(drain("A", 3));
  cosm::Task<int> two = cosm::create_task(drain("B", 2));
  int a = cosm::await(one);
  int b = cosm::await(two);
  std::printf("sum %d\n", a + b);
}

int main() { cosm::run(main_()); }
