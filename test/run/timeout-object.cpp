// The Timeout object of timeout()/timeout_at(): when(), reschedule() (to
// no deadline, into the past, later), expired(), repr(), and the errors of
// a scope that is no longer active, against asyncio 3.11.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/timeout-object.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>

const char *py(bool b) { return b ? "True" : "False"; }

COSM_ASYNC cosm::Coro<int> body(cosm::Timeout cm, std::string label,
                                double first, std::string then) {
  cosm::Loop &loop = cosm::get_running_loop();
  std::printf("%s: expired %s, has deadline %s\n", label.c_str(),
              py(cm.expired()), py(cm.when().has_value()));
  if (then == "none")
    cm.reschedule(std::nullopt);
  else if (then == "past")
    cm.reschedule(loop.time() - 1);
  else if (then == "later")
    cm.reschedule(loop.time() + 0.5);
  std::printf("%s: rescheduled, has deadline %s\n", label.c_str(),
              py(cm.when().has_value()));
  cosm::await(cosm::sleep(first));
  return 1;
}

COSM_ASYNC cosm::Coro<void> scope(std::string label, double delay,
                                  double first, std::string then) {
  cosm::Timeout cm = cosm::timeout(delay);
  try {
    cosm::await(cm.async_with(body(cm, label, first, then)));
    std::printf("%s: finished, expired %s\n", label.c_str(),
                py(cm.expired()));
  } catch (const cosm::TimeoutError &) {
    std::printf("%s: TimeoutError, expired %s\n", label.c_str(),
                py(cm.expired()));
  }
  try {
    cm.reschedule(std::nullopt);
  } catch (const cosm::RuntimeError &e) {
    std::printf("%s: %s\n", label.c_str(), e.what());
  }
}

COSM_ASYNC cosm::Coro<void> print_repr(cosm::Timeout cm) {
  std::printf("%s\n", cm.repr().c_str());
}

COSM_ASYNC cosm::Coro<void> sleeper(cosm::Timeout cm) {
  cm.reschedule(cosm::get_running_loop().time());
  try {
    cosm::await(cosm::sleep(10));
  } catch (const cosm::CancelledError &) {
    std::printf("cancelled inside, expired %s\n", py(cm.expired()));
    try {
      cm.reschedule(std::nullopt);
    } catch (const cosm::RuntimeError &e) {
      std::printf("%s\n", e.what());
    }
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  cosm::await(scope("none", 0.01, 0.05, "none"));
  cosm::await(scope("past", 10, 10, "past"));
  cosm::await(scope("later", 0.01, 0.02, "later"));
  cosm::await(scope("plain", 0.01, 10, "keep"));
  cosm::Timeout none = cosm::timeout(std::nullopt);
  std::printf("None when: %s %s\n", none.when() ? "?" : "None",
              none.repr().c_str());
  cosm::await(none.async_with(print_repr(none)));
  std::printf("%s\n", none.repr().c_str());
  double when = loop.time() + 100;
  cosm::Timeout at = cosm::timeout_at(when);
  std::printf("timeout_at when kept: %s\n", py(at.when() == when));
  cosm::await(at.async_with(sleeper(at)));
  std::printf("not reached\n");
}

int main() {
  try {
    cosm::run(main_());
  } catch (const cosm::TimeoutError &) {
    std::printf("main: TimeoutError\n");
  }
}
