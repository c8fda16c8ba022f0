// sleep, call_later, call_at, wait_for and timeout given NaN, negative,
// infinite and huge delays: what fires, in which pass, and that whatever
// never fires stays cancellable. A NaN timer fires once it reaches the head
// of the timer heap (heapq leaves it where it lands); the last part puts one
// behind a later timer. Real deadlines are at least 50 ms apart.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/bad-delays.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <limits>

namespace {
const char *const Names[] = {"nan", "-1", "-inf", "inf", "1e300", "max", "0"};
const double Values[] = {std::numeric_limits<double>::quiet_NaN(),
                         -1.0,
                         -std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::infinity(),
                         1e300,
                         DBL_MAX,
                         0.0};

void p(const char *What, const char *Name) {
  std::printf("%s %s @ %llu\n", What, Name,
              (unsigned long long)cosm::get_running_loop().passes());
}
} // namespace

COSM_ASYNC cosm::Coro<void> sleeper(double d) {
  cosm::await(cosm::sleep(d));
  p("slept", "");
}

COSM_ASYNC cosm::Coro<int> inner() {
  cosm::await(cosm::sleep(0.05));
  p("inner done", "");
  return 7;
}

COSM_ASYNC cosm::Coro<void> wait_forever(double d) {
  cosm::await(cosm::wait_for(cosm::sleep(3600), d));
}

COSM_ASYNC cosm::Coro<void> timeout_forever(double d) {
  cosm::await(cosm::timeout(d, cosm::sleep(3600)));
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  for (int i = 0; i < 7; ++i) {
    p("sleep", Names[i]);
    cosm::Task<void> t = cosm::create_task(sleeper(Values[i]));
    for (int k = 0; k < 4; ++k)
      cosm::await(cosm::sleep(0));
    p(t.done() ? "done" : "pending", Names[i]);
    if (!t.done()) {
      t.cancel();
      try {
        cosm::await(t);
      } catch (const cosm::CancelledError &) {
        p("cancelled", Names[i]);
      }
    }
  }
  for (int i = 0; i < 7; ++i) {
    p("call_later", Names[i]);
    cosm::TimerHandle h = loop.call_later(Values[i], [] { p("fired", ""); });
    cosm::await(cosm::sleep(0));
    cosm::await(cosm::sleep(0));
    h.cancel();
    p("call_at", Names[i]);
    h = loop.call_at(Values[i], [] { p("fired", ""); });
    cosm::await(cosm::sleep(0));
    cosm::await(cosm::sleep(0));
    h.cancel();
  }
  for (int i = 0; i < 7; ++i) {
    p("wait_for", Names[i]);
    try {
      int r = cosm::await(cosm::wait_for(inner(), Values[i]));
      std::printf("result %d\n", r);
    } catch (const cosm::TimeoutError &) {
      p("timeout", "");
    }
  }
  for (int i = 0; i < 7; ++i) {
    p("timeout", Names[i]);
    try {
      int r = cosm::await(cosm::timeout(Values[i], inner()));
      std::printf("result %d\n", r);
    } catch (const cosm::TimeoutError &) {
      p("timeout", "");
    }
  }
  // Never-expiring deadlines stay cancellable.
  for (int i = 3; i < 6; ++i) {
    for (int scope = 0; scope < 2; ++scope) {
      p(scope ? "cancel timeout" : "cancel wait_for", Names[i]);
      cosm::Task<void> t = cosm::create_task(
          scope ? timeout_forever(Values[i]) : wait_forever(Values[i]));
      cosm::await(cosm::sleep(0));
      cosm::await(cosm::sleep(0));
      t.cancel();
      try {
        cosm::await(t);
      } catch (const cosm::CancelledError &) {
        p("cancelled", "");
      }
    }
  }
  // A NaN timer behind a later one fires right after it.
  loop.call_later(0.1, [] { p("fired", "0.1"); });
  loop.call_later(Values[0], [] { p("fired", "nan"); });
  loop.call_later(0.05, [] { p("fired", "0.05"); });
  cosm::await(cosm::sleep(0.2));
  p("end", "");
}

int main() { cosm::run(main_()); }
