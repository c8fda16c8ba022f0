// Task.cancel(msg) and Future.cancel(msg): the message reaches the cancelled
// coroutine and its awaiters as in CPython 3.11, including the hand-over of
// a task's own CancelledError to its first reader only, gather passing a
// child's message on, and str() of a plain CancelledError being empty.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/cancel-message.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> sleeper(const char *who) {
  try {
    cosm::await(cosm::sleep(10));
  } catch (const cosm::CancelledError &e) {
    std::printf("%s sees '%s'\n", who, e.what());
    throw;
  }
}

COSM_ASYNC cosm::Coro<void> awaiter(const char *who, cosm::Task<void> t) {
  try {
    cosm::await(t);
  } catch (const cosm::CancelledError &e) {
    std::printf("%s sees '%s'\n", who, e.what());
  }
}

COSM_ASYNC cosm::Coro<void> future_awaiter(const char *who,
                                           cosm::Future<int> f) {
  try {
    cosm::await(f);
  } catch (const cosm::CancelledError &e) {
    std::printf("%s sees '%s'\n", who, e.what());
  }
}

COSM_ASYNC cosm::Coro<void> raiser() {
  cosm::await(cosm::sleep(0));
  throw cosm::CancelledError("own");
}

COSM_ASYNC cosm::Coro<void> pair() {
  cosm::await(cosm::gather(sleeper("left"), sleeper("right")));
}

void result_of(const char *who, cosm::Task<void> t) {
  try {
    t.result();
  } catch (const cosm::CancelledError &e) {
    std::printf("%s result '%s'\n", who, e.what());
  }
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<void> t = cosm::create_task(sleeper("t"));
  cosm::Task<void> a = cosm::create_task(awaiter("a", t));
  cosm::Task<void> b = cosm::create_task(awaiter("b", t));
  cosm::await(cosm::sleep(0));
  t.cancel("m");
  cosm::await(a);
  cosm::await(b);
  result_of("t", t);

  cosm::Task<void> t2 = cosm::create_task(sleeper("t2"));
  t2.cancel("early");
  cosm::await(cosm::create_task(awaiter("a2", t2)));
  result_of("t2", t2);

  cosm::Task<void> t3 = cosm::create_task(raiser());
  a = cosm::create_task(awaiter("a3", t3));
  b = cosm::create_task(awaiter("b3", t3));
  cosm::await(a);
  cosm::await(b);

  cosm::Future<int> f;
  cosm::Task<void> fa = cosm::create_task(future_awaiter("fa", f));
  cosm::Task<void> fb = cosm::create_task(future_awaiter("fb", f));
  cosm::await(cosm::sleep(0));
  f.cancel("fm");
  cosm::await(fa);
  cosm::await(fb);

  cosm::Task<void> t4 = cosm::create_task(sleeper("t4"));
  cosm::await(cosm::sleep(0));
  t4.cancel("one");
  t4.cancel("two");
  cosm::await(cosm::create_task(awaiter("a4", t4)));

  cosm::Task<void> g = cosm::create_task(pair());
  cosm::await(cosm::sleep(0));
  cosm::Task<void> ga = cosm::create_task(awaiter("ga", g));
  cosm::await(cosm::sleep(0));
  g.cancel("gm");
  cosm::await(ga);

  cosm::Task<void> t5 = cosm::create_task(sleeper("t5"));
  cosm::await(cosm::sleep(0));
  t5.cancel();
  cosm::await(cosm::create_task(awaiter("a5", t5)));
}

int main() { cosm::run(main_()); }
