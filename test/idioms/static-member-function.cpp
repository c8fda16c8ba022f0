// A static async member function (a factory that waits), defined in the class,
// reading a static data member across awaits.
//
// Refused, with the fix in the message: the frame of a member defined in its class is nested in the class, where the class is still incomplete, so it cannot hold a Conn result. Defined out of line (after the class) it lowers.
//
// RUN: rm -f %t.cpp
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: test ! -e %t.cpp
// CHECK: static-member-function.cpp:{{[0-9]+}}:{{[0-9]+}}: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class whose result is the class itself (define it out of line, after the class)

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
