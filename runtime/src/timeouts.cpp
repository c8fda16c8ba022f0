//===- timeouts.cpp - wait_for, timeout -----------------------------------===//
///
/// \file
/// The non-template parts of cosm/timeouts.hpp: asyncio's _release_waiter
/// and timeouts.Timeout's __aenter__/__aexit__/_on_timeout.
///
//===----------------------------------------------------------------------===//
#include "cosm/timeouts.hpp"

namespace cosm::detail {

namespace {
void runRelease(void *Obj, FutureBase *) {
  auto *W = static_cast<FutureImpl<void> *>(Obj);
  if (!W->done())
    W->setResult();
}
void releaseWaiter(void *Obj) noexcept {
  static_cast<FutureImpl<void> *>(Obj)->release();
}
std::string describeRelease(const void *) {
  return "<Handle _release_waiter()>";
}
} // namespace

const CallbackOps ReleaseWaiterOps{&runRelease, &releaseWaiter,
                                   &describeRelease};

void addReleaseWaiter(FutureBase &Fut, FutureImpl<void> &W) {
  W.retain();
  Fut.addDoneCallback(&ReleaseWaiterOps, &W);
}

void removeReleaseWaiter(FutureBase &Fut, FutureImpl<void> &W) noexcept {
  Fut.removeDoneCallback(&ReleaseWaiterOps, &W);
}

TimerHandle releaseLater(Loop &L, double Delay, FutureImpl<void> &W) {
  return L.call_later(Delay, [R = Ref<FutureImpl<void>>(&W)] {
    runRelease(R.get(), nullptr);
  });
}

void TimeoutState::enter(std::optional<double> When) {
  AnyTask Current = current_task();
  if (!Current)
    throw RuntimeError("Timeout should be used inside a task");
  Task = Current.impl();
  CancellingAtEnter = Task->cancelling();
  Loop &L = get_running_loop();
  // The frame owns this state and cancels the handler before it goes: the
  // callback may hold a plain pointer.
  auto OnTimeout = [this] {
    Task->cancel();
    State = St::Expiring;
    Handler = Handle();
  };
  if (!When)
    return;
  if (*When <= L.time())
    Handler = L.call_soon(OnTimeout);
  else
    Handler = L.call_at(*When, OnTimeout);
}

bool TimeoutState::exit(const std::exception_ptr &E) {
  Handler.cancel();
  Handler = Handle();
  if (State == St::Expiring) {
    State = St::Expired;
    bool IsCancel = false;
    if (E) {
      try {
        std::rethrow_exception(E);
      } catch (const CancelledError &) {
        IsCancel = true;
      } catch (...) {
      }
    }
    return Task->uncancel() <= CancellingAtEnter && IsCancel;
  }
  State = St::Exited;
  return false;
}

} // namespace cosm::detail
