// A static async member function (a factory that waits), defined in the class,
// reading a static data member across awaits.
//
// The frame of a member defined in its class would nest in the class, where
// the class is still incomplete, and could not hold a Conn result: cosm-lower
// moves the member out of the class first (docs/lowering.md, "Members that
// hold their class"), and it lowers.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/static-member-function.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

struct Conn {
  std::string host;
  int id;
  static int opened;
  COSM_ASYNC static cosm::Coro<Conn> open(std::string host) {
    int id = ++opened;
    cosm::await(cosm::sleep(0));
    std::printf("opened %s id %d of %d\n", host.c_str(), id, opened);
    return Conn{host, id};
  }
};
int Conn::opened = 0;

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<Conn> a = cosm::create_task(Conn::open("a.example"));
  cosm::Task<Conn> b = cosm::create_task(Conn::open("b.example"));
  Conn ca = cosm::await(a);
  Conn cb = cosm::await(b);
  Conn cc = cosm::await(Conn::open("c.example"));
  std::printf("%s %d, %s %d, %s %d\n", ca.host.c_str(), ca.id, cb.host.c_str(), cb.id, cc.host.c_str(), cc.id);
}

int main() { cosm::run(main_()); }
