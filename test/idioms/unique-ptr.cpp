// std::unique_ptr locals and parameters across awaits: move-only objects in the
// frame, ownership handed to and returned from an awaited coroutine.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/unique-ptr.py > %t.want
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

COSM_ASYNC cosm::Coro<std::unique_ptr<Res>> touch(std::unique_ptr<Res> r) {
  cosm::await(cosm::sleep(0));
  r->name += "+";
  return r;
}

COSM_ASYNC cosm::Coro<void> user(const char *who) {
  auto p = std::make_unique<Res>(who);
  p = cosm::await(touch(std::move(p)));
  std::unique_ptr<Res> q = std::make_unique<Res>(std::string(who) + "2");
  cosm::await(cosm::sleep(0));
  std::printf("%s has %s and %s\n", who, p->name.c_str(), q->name.c_str());
  q.reset();
  cosm::await(cosm::sleep(0));
  std::printf("%s end\n", who);
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> a = cosm::create_task(user("a"));
  cosm::Task<void> b = cosm::create_task(user("b"));
  cosm::await(a);
  cosm::await(b);
}

int main() { cosm::run(main_()); }
