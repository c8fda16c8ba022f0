// What asyncio prints for misuse and for nested combinators:
// - TaskGroup.create_task on a finished or shutting-down group names the
//   group by its repr (`TaskGroup <TaskGroup tasks=1 errors=1 cancelling>
//   is shutting down`);
// - QueueEmpty and QueueFull carry no message (str() is '');
// - a gather is a future wherever one is taken: gather of a gather,
//   wait_for and shield of a gather.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/combinator-messages.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <tuple>

COSM_ASYNC cosm::Coro<void> child(int n) {
  for (int i = 0; i < n; ++i)
    cosm::await(cosm::sleep(0));
  if (n == 1)
    throw cosm::ValueError("boom");
}

COSM_ASYNC cosm::Coro<void> body(cosm::TaskGroup tg) {
  tg.create_task(child(1));
  tg.create_task(child(5));
  try {
    cosm::await(cosm::sleep(1));
  } catch (const cosm::CancelledError &) {
    try {
      tg.create_task(child(0));
    } catch (const cosm::RuntimeError &e) {
      std::printf("RuntimeError: %s\n", e.what());
    }
    throw;
  }
}

COSM_ASYNC cosm::Coro<int> num(int v) {
  cosm::await(cosm::sleep(0));
  return v;
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::TaskGroup tg;
  tg.create_task(child(0));
  cosm::await(tg.wait());
  try {
    tg.create_task(child(0));
  } catch (const cosm::RuntimeError &e) {
    std::printf("RuntimeError: %s\n", e.what());
  }
  try {
    cosm::TaskGroup tg2;
    cosm::await(tg2.run(body(tg2)));
  } catch (const cosm::ExceptionGroup &eg) {
    std::printf("%s\n", eg.what());
  }

  cosm::Queue<int> q(1);
  try {
    q.get_nowait();
  } catch (const cosm::QueueEmpty &e) {
    std::printf("QueueEmpty: '%s'\n", e.what());
  }
  q.put_nowait(1);
  try {
    q.put_nowait(2);
  } catch (const cosm::QueueFull &e) {
    std::printf("QueueFull: '%s'\n", e.what());
  }

  auto nested = cosm::await(cosm::gather(cosm::gather(num(1), num(2)), num(3)));
  std::printf("nested: %d %d %d\n", std::get<0>(std::get<0>(nested)),
              std::get<1>(std::get<0>(nested)), std::get<1>(nested));
  auto timed = cosm::await(cosm::wait_for(cosm::gather(num(4), num(5)), 1.0));
  std::printf("wait_for: %d %d\n", std::get<0>(timed), std::get<1>(timed));
  auto shielded = cosm::await(cosm::shield(cosm::gather(num(6))));
  std::printf("shield: %d\n", std::get<0>(shielded));
}

int main() { cosm::run(main_()); }
