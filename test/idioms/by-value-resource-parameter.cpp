// A by-value parameter with a destructor (a moved-in resource handle): in Python
// it is released when the coroutine returns, before its awaiter resumes.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/by-value-resource-parameter.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <memory>
#include <string>

struct Res {
  std::string name;
  explicit Res(std::string n) : name(std::move(n)) { std::printf("open %s\n", name.c_str()); }
  ~Res() { std::printf("close %s\n", name.c_str()); }
};

COSM_ASYNC cosm::Coro<int> use(std::unique_ptr<Res> r) {
  cosm::await(cosm::sleep(0));
  std::printf("using %s\n", r->name.c_str());
  return (int)r->name.size();
}

COSM_ASYNC cosm::Coro<void> main_() {
  int n = cosm::await(use(std::make_unique<Res>("awaited")));
  std::printf("awaited returned %d\n", n);
  cosm::Task<int> t = cosm::create_task(use(std::make_unique<Res>("task")));
  int m = cosm::await(t);
  std::printf("task returned %d\n", m);
  cosm::await(cosm::sleep(0));
  std::printf("end of main\n");
}

int main() { cosm::run(main_()); }
