// [*this] (C++17: the lambda copies the object) inside an async member function:
// the copy taken before an await must not see the member changed after it.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/capture-star-this.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <functional>
#include <vector>

struct Box {
  int value;
  COSM_ASYNC cosm::Coro<void> run(const char *who) {
    std::vector<std::function<int()>> snaps;
    snaps.push_back([*this] { return value; });
    cosm::await(cosm::sleep(0));
    value *= 10;
    snaps.push_back([*this] { return value; });
    cosm::await(cosm::sleep(0));
    value += 1;
    for (auto &s : snaps)
      std::printf("%s snap %d now %d\n", who, s(), value);
  }
};

COSM_ASYNC cosm::Coro<void> main_() {
  Box a{1}, b{2};
  cosm::Task<void> ta = cosm::create_task(a.run("a"));
  cosm::Task<void> tb = cosm::create_task(b.run("b"));
  cosm::await(ta);
  cosm::await(tb);
}

int main() { cosm::run(main_()); }
