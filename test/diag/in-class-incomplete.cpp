// A member defined in its class whose frame would hold the class by value is
// moved out of the class before it is lowered (test/run/
// in-class-held-members.cpp). What cannot be defined out of line keeps its
// frame nested in the class, which is incomplete there, and is refused with
// what to write instead: a hidden friend (out of line, ordinary lookup would
// find it) and a member of a local class. Nothing is written. A refusal in
// a moved member's body points at its line in the input.
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>
#include <optional>

struct Conn {
  int fd = -1;

  COSM_ASYNC cosm::Coro<int> dup() {
    Conn c = *this;
    cosm::await(cosm::sleep(0));
    // (Reported after the class, where the member is moved.)
    // CHECK-DAG: in-class-incomplete.cpp:[[@LINE+1]]:12: error: cosm-lower cannot lower 'cosm::await' inside a statement expression yet
    return ({ cosm::await(cosm::sleep(0)); 1; }) + c.fd;
  }

  COSM_ASYNC cosm::Coro<std::optional<Conn>> maybe() {
    cosm::await(cosm::sleep(0));
    return *this;
  }

  // A hidden friend's frame is nested in the class as well.
  // CHECK-DAG: in-class-incomplete.cpp:[[@LINE+1]]:53: error: cosm-lower cannot lower a COSM_ASYNC friend defined in its class that keeps 'c', which holds the class 'Conn' by value, across a suspension (define it out of line, after the class) yet
  COSM_ASYNC friend cosm::Coro<int> descriptor(Conn c) {
    cosm::await(cosm::sleep(0));
    return c.fd;
  }
};

int use() {
  struct Local {
    int v = 0;
    // CHECK-DAG: in-class-incomplete.cpp:[[@LINE+1]]:34: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class whose result is the class itself (declare the class outside the function) yet
    COSM_ASYNC cosm::Coro<Local> again() {
      cosm::await(cosm::sleep(0));
      return *this;
    }
  };
  return Local{}.v;
}
