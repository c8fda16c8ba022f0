// Timers with equal deadlines fire in the order CPython's heapq gives them,
// which is not the order they were scheduled in: asyncio's heap compares
// deadlines only, and cosm's is heapq move for move. Also with cancelled
// timers leaving from the heap's top, and with the rebuild (heapify) of a
// heap of over 100 timers more than half cancelled.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %python %S/Inputs/timer-ties.py > %t.want
// RUN: %t.gcc | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

namespace {
std::string Out;

void print(const char *What, int I) { std::printf("%s %d\n", What, I); }
} // namespace

COSM_ASYNC cosm::Coro<void> amain() {
  cosm::Loop &Loop = cosm::get_running_loop();

  // Six timers with one deadline: heapq's order, not the scheduling order.
  double T = Loop.time() + 0.02;
  for (int I = 0; I < 6; ++I)
    Loop.call_at(T, [I] { print("six", I); });
  cosm::await(cosm::sleep(0.05));

  // Two deadlines interleaved, a later one first, some cancelled before
  // they fire: the cancelled ones leave the heap only from its top.
  T = Loop.time() + 0.02;
  std::vector<cosm::TimerHandle> Handles;
  Loop.call_at(T + 0.02, [] { std::printf("late\n"); });
  for (int I = 0; I < 10; ++I)
    Handles.push_back(
        Loop.call_at(T + (I % 2 ? 0.01 : 0), [I] { print("two", I); }));
  for (int I : {0, 3, 4})
    Handles[I].cancel();
  cosm::await(cosm::sleep(0.08));

  // Over 100 timers with more than half cancelled: the loop rebuilds the
  // heap (heapify) and the survivors fire in the rebuilt heap's order.
  T = Loop.time() + 0.02;
  Handles.clear();
  for (int I = 0; I < 150; ++I)
    Handles.push_back(
        Loop.call_at(T, [I] { Out += " " + std::to_string(I); }));
  for (int I = 0; I < 150; ++I)
    if (I % 3)
      Handles[I].cancel();
  cosm::await(cosm::sleep(0.05));
  std::printf("many%s\n", Out.c_str());
}

int main() { cosm::run(amain()); }
