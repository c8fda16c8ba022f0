//===- timeouts.cpp - wait_for, timeout -----------------------------------===//
///
/// \file
/// The non-template parts of cosm/timeouts.hpp: asyncio's _release_waiter
/// and timeouts.Timeout's __aenter__/__aexit__/_on_timeout.
///
//===----------------------------------------------------------------------===//
#include "cosm/timeouts.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

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

namespace {
/// Python's round(X, 3): X's exact value rounded to three decimals (glibc's
/// printf rounds exactly, ties to even, as CPython's dtoa does).
double round3(double X) {
  if (!std::isfinite(X))
    return X;
  int N = std::snprintf(nullptr, 0, "%.3f", X);
  std::string Text(std::size_t(N) + 1, '\0');
  std::snprintf(Text.data(), Text.size(), "%.3f", X);
  return std::strtod(Text.c_str(), nullptr);
}

/// Python's repr(float): the shortest digits that read back as X, written
/// positionally from 1e-4 up to 1e16 (with at least one decimal) and with an
/// exponent of at least two digits outside that range.
std::string floatRepr(double X) {
  if (std::isnan(X))
    return "nan";
  if (std::isinf(X))
    return X < 0 ? "-inf" : "inf";
  char Buf[40];
  for (int Digits = 1; Digits <= 17; ++Digits) {
    std::snprintf(Buf, sizeof Buf, "%.*e", Digits - 1, X);
    if (std::strtod(Buf, nullptr) == X)
      break;
  }
  // Buf is [-]d[.ddd]e[+-]XX: split it into digits and exponent.
  std::string Sci = Buf;
  std::size_t E = Sci.find('e');
  int Exp = std::atoi(Sci.c_str() + E + 1);
  bool Negative = Sci[0] == '-';
  std::string Digits;
  for (std::size_t I = Negative; I < E; ++I)
    if (Sci[I] != '.')
      Digits += Sci[I];
  std::string Out = Negative ? "-" : "";
  if (Exp < -4 || Exp >= 16) {
    Out += Digits.substr(0, 1);
    if (Digits.size() > 1)
      Out += "." + Digits.substr(1);
    char ExpText[8];
    std::snprintf(ExpText, sizeof ExpText, "e%c%02d", Exp < 0 ? '-' : '+',
                  Exp < 0 ? -Exp : Exp);
    return Out + ExpText;
  }
  if (Exp < 0)
    return Out + "0." + std::string(std::size_t(-Exp - 1), '0') + Digits;
  std::size_t Point = std::size_t(Exp) + 1;
  if (Digits.size() <= Point)
    return Out + Digits + std::string(Point - Digits.size(), '0') + ".0";
  return Out + Digits.substr(0, Point) + "." + Digits.substr(Point);
}
} // namespace

void TimeoutState::enter() {
  // CPython 3.11.7's __aenter__ (3.11.2 let a Timeout be entered again).
  if (State != St::Created)
    throw RuntimeError("Timeout has already been entered");
  AnyTask Current = current_task();
  if (!Current)
    throw RuntimeError("Timeout should be used inside a task");
  State = St::Entered;
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
    Info += When ? floatRepr(round3(*When)) : "None";
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
