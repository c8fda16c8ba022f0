// A member (or a friend) defined in its class has its frame nested in the
// class, which is incomplete there: a frame that would hold the class by
// value (its result, a kept local, an array or a std::optional of it) is
// refused, with what to write instead, and nothing is written. (In a class
// template the nested frame is instantiated in the member's body, where the
// class is complete; std::vector may hold an incomplete type: both lower,
// test/run/in-class-members.cpp.)
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>
#include <optional>

struct Conn {
  int fd = -1;

  COSM_ASYNC cosm::Coro<int> dup() {
    // CHECK: in-class-incomplete.cpp:[[@LINE+1]]:10: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class that keeps 'c', which holds the class 'Conn' by value, across a suspension (define it out of line, after the class) yet
    Conn c = *this;
    cosm::await(cosm::sleep(0));
    return c.fd;
  }

  COSM_ASYNC cosm::Coro<int> pair() {
    // CHECK: in-class-incomplete.cpp:[[@LINE+1]]:10: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class that keeps 'two', which holds the class 'Conn' by value, across a suspension (define it out of line, after the class) yet
    Conn two[2] = {*this, *this};
    cosm::await(cosm::sleep(0));
    return two[1].fd;
  }

  // CHECK: in-class-incomplete.cpp:[[@LINE+1]]:46: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class whose result holds the class 'Conn' by value (define it out of line, after the class) yet
  COSM_ASYNC cosm::Coro<std::optional<Conn>> maybe() {
    cosm::await(cosm::sleep(0));
    return *this;
  }

  struct Inner {
    // CHECK: in-class-incomplete.cpp:[[@LINE+1]]:41: error: cosm-lower cannot lower a COSM_ASYNC member defined in its class that keeps 'outer', which holds the class 'Conn' by value, across a suspension (define it out of line, after the class) yet
    COSM_ASYNC cosm::Coro<int> get(Conn outer) {
      cosm::await(cosm::sleep(0));
      return outer.fd;
    }
  };

  // A hidden friend's frame is nested in the class as well.
  // CHECK: in-class-incomplete.cpp:[[@LINE+1]]:53: error: cosm-lower cannot lower a COSM_ASYNC friend defined in its class that keeps 'c', which holds the class 'Conn' by value, across a suspension (define it out of line, after the class) yet
  COSM_ASYNC friend cosm::Coro<int> descriptor(Conn c) {
    cosm::await(cosm::sleep(0));
    return c.fd;
  }
};
