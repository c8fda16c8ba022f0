//===- timeouts.cpp - wait_for, timeout -----------------------------------===//
///
/// \file
/// The non-template parts of cosm/timeouts.hpp: asyncio's _release_waiter
/// and timeouts.Timeout's __aenter__/__aexit__/_on_timeout.
///
//===----------------------------------------------------------------------===//
#include "cosm/timeouts.hpp"

#include <cstdio>

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
  return L.call_later(
      Delay, [R = Ref<FutureImpl<void>>(&W)] { runRelease(R.get(), nullptr); });
}

void TimeoutState::enter() {
  // 3.11 lets a Timeout be entered again (3.12 refuses): a fresh scope.
  State = St::Entered;
  AnyTask Current = current_task();
  if (!Current)
    throw RuntimeError("Timeout should be used inside a task");
  Task = Current.impl();
  CancellingAtEnter = Task->cancelling();
  reschedule(When);
}

void TimeoutState::reschedule(std::optional<double> NewWhen) {
  if (State == St::Created)
    throw RuntimeError("Timeout has not been entered");
  if (State != St::Entered)
    throw RuntimeError("Cannot change state of " + std::string(stateValue()) +
                       " Timeout");
  When = NewWhen;
  Handler.cancel();
  Handler = Handle();
  if (!When)
    return;
  Loop &L = get_running_loop();
  // _on_timeout. The handler holds the state; the state lets go of the
  // handler when it runs, is cancelled or the scope exits.
  auto OnTimeout = [Self = Ref<TimeoutState>(this)] {
    Self->Task->cancel();
    Self->State = St::Expiring;
    Self->Handler = Handle();
  };
  if (*When <= L.time())
    Handler = L.call_soon(OnTimeout);
  else
    Handler = L.call_at(*When, OnTimeout);
}

const char *TimeoutState::stateValue() const noexcept {
  switch (State) {
  case St::Created:
    return "created";
  case St::Entered:
    return "active";
  case St::Expiring:
    return "expiring";
  case St::Expired:
    return "expired";
  case St::Exited:
    return "finished";
  }
  return "?";
}

std::string TimeoutState::repr() const {
  std::string Info;
  if (State == St::Entered) {
    Info = " when=";
    if (!When) {
      Info += "None";
    } else {
      // Python's repr of round(when, 3): shortest form, at least one decimal.
      char Buf[64];
      std::snprintf(Buf, sizeof Buf, "%.3f", *When);
      std::string V = Buf;
      while (V.size() > 1 && V.back() == '0' && V[V.size() - 2] != '.')
        V.pop_back();
      Info += V;
    }
  }
  return "<Timeout [" + std::string(stateValue()) + "]" + Info + ">";
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

namespace cosm {
Timeout timeout(std::optional<double> Seconds) {
  Loop &L = get_running_loop();
  std::optional<double> When;
  if (Seconds)
    When = L.time() + *Seconds;
  return Timeout(When);
}
} // namespace cosm
