// A cancel message survives where asyncio keeps it:
// - a task that cancels itself and then awaits a future, a task or a timed
//   sleep passes the message on to what it awaits (__step's
//   `_fut_waiter.cancel(msg=self._cancel_message)`);
// - shield() of a future or task that is already cancelled raises its
//   CancelledError, message included (asyncio returns the inner itself).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/cancel-message-kept.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

COSM_ASYNC cosm::Coro<void> forever() { cosm::await(cosm::sleep(3600)); }

COSM_ASYNC cosm::Coro<void> raises_cancel() {
  throw cosm::CancelledError("inner-msg");
}

COSM_ASYNC cosm::Coro<void> self_cancel(int how) {
  cosm::current_task().cancel("A" + std::to_string(how));
  cosm::Future<int> fut;
  cosm::Task<void> other = cosm::create_task(forever());
  try {
    if (how == 0)
      cosm::await(cosm::sleep(0.01));
    else if (how == 1)
      cosm::await(fut);
    else
      cosm::await(other);
  } catch (const cosm::CancelledError &e) {
    std::printf("%d caught: '%s'", how, e.what());
    if (how == 1)
      std::printf(", future cancelled: %d", fut.cancelled() ? 1 : 0);
    std::printf("\n");
  }
  other.cancel();
}

COSM_ASYNC cosm::Coro<void> main_() {
  for (int how = 0; how < 3; ++how)
    cosm::await(cosm::create_task(self_cancel(how)));

  cosm::Future<int> f;
  f.cancel("fm");
  try {
    cosm::await(cosm::shield(f));
  } catch (const cosm::CancelledError &e) {
    std::printf("shield(future): '%s'\n", e.what());
  }
  cosm::Task<void> t = cosm::create_task(raises_cancel());
  cosm::await(cosm::sleep(0));
  std::printf("task cancelled: %d\n", t.cancelled() ? 1 : 0);
  try {
    cosm::await(cosm::shield(t));
  } catch (const cosm::CancelledError &e) {
    std::printf("shield(task): '%s'\n", e.what());
  }
}

int main() { cosm::run(main_()); }
