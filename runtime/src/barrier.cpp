//===- barrier.cpp - cosm::Barrier ----------------------------------------===//
///
/// \file
/// Barrier.wait, reset and abort as hand-written frames
/// (docs/frame-protocol.md), following asyncio 3.11.7's locks.py.
///
//===----------------------------------------------------------------------===//
#include "cosm/barrier.hpp"

#include "cosm/errors.hpp"

#include <utility>

namespace cosm {
namespace detail {

void BarrierState::exit() {
  if (Count == 0) {
    if (State == St::Resetting || State == St::Draining)
      State = St::Filling;
    Cond.notify_all();
  }
}

} // namespace detail

namespace {

using detail::BarrierState;
using St = BarrierState::St;

// async def wait(self):
//     async with self._cond:
//         await self._block()
//         try:
//             index = self._count; self._count += 1
//             if index + 1 == self._parties: await self._release()
//             else: await self._wait()
//             return index
//         finally:
//             self._count -= 1; self._exit()
class BarrierWaitFrame final : public Frame<int> {
public:
  explicit BarrierWaitFrame(detail::Ref<BarrierState> B) : B(std::move(B)) {}
  ~BarrierWaitFrame() override { unwind(); }

  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    case 3:
      goto resume_3;
    default:
      break;
    }
    child = B->Cond.acquire();
  resume_1:
    if (child.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    child.take_result();
    Locked = true;
    // _block(): wait while the barrier drains or resets.
    child = B->Cond.wait_for([B = B.get()] {
      return B->State != St::Draining && B->State != St::Resetting;
    });
  resume_2:
    if (child.step() == Step::Suspended) {
      state = 2;
      return Step::Suspended;
    }
    child.take_result();
    if (B->State == St::Broken)
      throw BrokenBarrierError("Barrier aborted");
    Index = B->Count++;
    Counted = true;
    if (Index + 1 == B->Parties) {
      // _release()
      B->State = St::Draining;
      B->Cond.notify_all();
    } else {
      // _wait()
      child =
          B->Cond.wait_for([B = B.get()] { return B->State != St::Filling; });
    resume_3:
      if (child.step() == Step::Suspended) {
        state = 3;
        return Step::Suspended;
      }
      child.take_result();
      if (B->State == St::Broken || B->State == St::Resetting)
        throw BrokenBarrierError("Abort or reset of barrier");
    }
    leave();
    return_value(Index);
    return finish();
  }

  /// The `finally` and the `async with` exit when an exception leaves the
  /// body (the lock is then held). Destroyed while suspended, the frame
  /// does not hold the lock: it only gives its place back.
  void unwind() noexcept override {
    bool Suspended = bool(child);
    child = {};
    if (!Suspended) {
      try {
        leave();
      } catch (...) {
      }
      return;
    }
    if (Counted) {
      Counted = false;
      if (--B->Count == 0 &&
          (B->State == St::Resetting || B->State == St::Draining))
        B->State = St::Filling;
    }
    Locked = false;
  }

  const char *function_name() const noexcept override { return "Barrier.wait"; }

private:
  void leave() {
    if (Counted) {
      Counted = false;
      --B->Count;
      B->exit();
    }
    if (Locked) {
      Locked = false;
      B->Cond.release();
    }
  }

  detail::Ref<BarrierState> B;
  Coro<bool> child;
  int Index = 0;
  bool Locked = false;
  bool Counted = false;
};

// async def reset(self) / abort(self):
//     async with self._cond: <change the state>; self._cond.notify_all()
class BarrierChangeFrame final : public Frame<void> {
public:
  BarrierChangeFrame(detail::Ref<BarrierState> B, bool Abort)
      : B(std::move(B)), Abort(Abort) {}
  ~BarrierChangeFrame() override { unwind(); }

  Step resume() override {
    if (state == 1)
      goto resume_1;
    child = B->Cond.acquire();
  resume_1:
    if (child.step() == Step::Suspended) {
      state = 1;
      return Step::Suspended;
    }
    child.take_result();
    if (Abort)
      B->State = St::Broken;
    else if (B->Count > 0)
      B->State = St::Resetting;
    else
      B->State = St::Filling;
    B->Cond.notify_all();
    B->Cond.release();
    return finish();
  }
  void unwind() noexcept override { child = {}; }
  const char *function_name() const noexcept override {
    return Abort ? "Barrier.abort" : "Barrier.reset";
  }

private:
  detail::Ref<BarrierState> B;
  bool Abort;
  Coro<bool> child;
};

const char *stateValue(St S) {
  switch (S) {
  case St::Filling:
    return "filling";
  case St::Draining:
    return "draining";
  case St::Resetting:
    return "resetting";
  case St::Broken:
    return "broken";
  }
  return "?";
}

} // namespace

Barrier::Barrier(int Parties) {
  if (Parties < 1)
    throw ValueError("parties must be > 0");
  S = new BarrierState(Parties);
}

Coro<int> Barrier::wait() const {
  return Coro<int>::make_awaited<BarrierWaitFrame>(S);
}

Coro<void> Barrier::reset() const {
  return Coro<void>::make_awaited<BarrierChangeFrame>(S, false);
}

Coro<void> Barrier::abort() const {
  return Coro<void>::make_awaited<BarrierChangeFrame>(S, true);
}

std::string Barrier::state_text() const {
  std::string Text = stateValue(S->State);
  if (!broken())
    Text += ", waiters:" + std::to_string(n_waiting()) + "/" +
            std::to_string(parties());
  return Text;
}

} // namespace cosm
