// A const async member function (a getter that waits): 'this' is a pointer to
// const in the frame; mutable members still change.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/const-member-function.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

class Store {
public:
  explicit Store(std::string n) : name(n) {}
  COSM_ASYNC cosm::Coro<std::string> get(int key) const {
    ++reads;
    cosm::await(cosm::sleep(0));
    std::string v = name + ":" + std::to_string(key);
    std::printf("read %s (reads %d)\n", v.c_str(), reads);
    return v;
  }
  int read_count() const { return reads; }

private:
  std::string name;
  mutable int reads = 0;
};

COSM_ASYNC cosm::Coro<void> main_() {
  const Store s("db");
  cosm::Task<std::string> a = cosm::create_task(s.get(1));
  cosm::Task<std::string> b = cosm::create_task(s.get(2));
  std::string ra = cosm::await(a);
  std::string rb = cosm::await(b);
  std::printf("%s %s %d\n", ra.c_str(), rb.c_str(), s.read_count());
}

int main() { cosm::run(main_()); }
