//===- future.cpp - Futures -----------------------------------------------===//
///
/// \file
/// FutureBase: states, results and done callbacks (asyncio futures.Future).
/// Done callbacks never run inline: completing a future queues each of them
/// on the loop, in registration order (asyncio rule: __schedule_callbacks).
///
//===----------------------------------------------------------------------===//
#include "cosm/future.hpp"

#include "cosm/loop.hpp"
#include "debug.hpp"

namespace cosm::detail {

FutureBase::~FutureBase() {
  if (LogTraceback && Exc)
    logError("Future exception was never retrieved\nfuture: " +
             FutureBase::describe());
  if (FirstCallback.Ops)
    FirstCallback.Ops->Release(FirstCallback.Obj);
  if (MoreCallbacks)
    for (const CallbackEntry &E : *MoreCallbacks)
      E.Ops->Release(E.Obj);
}

const char *FutureBase::stateName() const noexcept {
  switch (St) {
  case State::Pending:
    return "pending";
  case State::Cancelled:
    return "cancelled";
  case State::Finished:
    break;
  }
  return "finished";
}

std::string FutureBase::describe() const {
  std::string S = std::string("<Future ") + stateName();
  if (St == State::Finished && Exc)
    S += " exception=" + describeException(Exc);
  return S + detail::createdAt(Loc) + ">";
}

bool FutureBase::cancelWith(std::string Msg) {
  return cancelFuture(std::move(Msg));
}

bool FutureBase::cancelFuture(std::string Msg) {
  LogTraceback = false;
  if (St != State::Pending)
    return false;
  St = State::Cancelled;
  setCancelMessage(std::move(Msg));
  scheduleCallbacks();
  return true;
}

const std::string &FutureBase::cancelMessage() const noexcept {
  static const std::string None;
  return CancelMsg ? *CancelMsg : None;
}

void FutureBase::setCancelMessage(std::string Msg) {
  assign_or_clear(CancelMsg, std::move(Msg));
}

void FutureBase::cancelLike(FutureBase &Other) {
  std::exception_ptr E = Other.makeCancelledError();
  if (cancelFuture(Other.cancelMessage()))
    CancelledExc = std::move(E);
}

std::exception_ptr FutureBase::makeCancelledError() {
  if (CancelledExc)
    return std::exchange(CancelledExc, nullptr);
  return std::make_exception_ptr(CancelledError(cancelMessage()));
}

void FutureBase::checkResult() {
  if (St == State::Cancelled)
    std::rethrow_exception(makeCancelledError());
  if (St == State::Pending)
    throw InvalidStateError("Result is not set."); // CPython's C futures
  LogTraceback = false;
  if (Exc)
    std::rethrow_exception(Exc);
}

std::exception_ptr FutureBase::exception() {
  if (St == State::Cancelled)
    std::rethrow_exception(makeCancelledError());
  if (St == State::Pending)
    throw InvalidStateError("Exception is not set.");
  LogTraceback = false;
  return Exc;
}

void FutureBase::checkSettable() const {
  if (St != State::Pending)
    throw InvalidStateError("invalid state");
}

void FutureBase::setException(std::exception_ptr E) {
  checkSettable();
  if (!E)
    throw InvalidStateError("set_exception() needs an exception");
  Exc = std::move(E);
  St = State::Finished;
  scheduleCallbacks();
  LogTraceback = true;
}

void FutureBase::finishWithValue() {
  St = State::Finished;
  scheduleCallbacks();
}

FutureBase::FutureBase(Loop *L, SourceLoc Loc) noexcept
    : L(L), LoopGeneration(L ? L->generation() : 0), Loc(Loc) {}

Loop &FutureBase::bindLoop() {
  if (!L)
    bindTo(runningLoop());
  return *L;
}

void FutureBase::bindTo(Loop &Lp) noexcept {
  if (!L) {
    L = &Lp;
    LoopGeneration = Lp.generation();
  }
}

bool FutureBase::boundElsewhere(const Loop &Lp) const noexcept {
  return L && (L != &Lp || LoopGeneration != Lp.generation());
}

void FutureBase::pushCallback(CallbackEntry E) {
  if (!FirstCallback.Ops) {
    FirstCallback = E;
    return;
  }
  if (!MoreCallbacks)
    MoreCallbacks = std::make_unique<std::vector<CallbackEntry>>();
  MoreCallbacks->push_back(E);
}

void FutureBase::addDoneCallback(const CallbackOps *Ops, void *Obj) {
  Loop *Lp;
  try {
    Lp = &bindLoop();
    if (done())
      Lp->checkOpen();
    else
      pushCallback({Ops, Obj});
  } catch (...) {
    Ops->Release(Obj);
    throw;
  }
  if (!done())
    return;
  // Already done: still through call_soon, never inline.
  retain();
  Lp->pushReady({Ops, Obj, this});
}

int FutureBase::removeDoneCallback(const CallbackOps *Ops,
                                   const void *Obj) noexcept {
  return removeDoneCallbackIf(
      Ops, [](const void *Entry, const void *Obj) { return Entry == Obj; },
      Obj);
}

int FutureBase::removeDoneCallbackIf(const CallbackOps *Ops,
                                     bool (*Pred)(const void *Obj,
                                                  const void *Ctx),
                                     const void *Ctx) noexcept {
  auto Matches = [&](const CallbackEntry &E) {
    return E.Ops == Ops && Pred(E.Obj, Ctx);
  };
  int Removed = 0;
  if (MoreCallbacks) {
    auto &More = *MoreCallbacks;
    std::size_t Kept = 0;
    for (const CallbackEntry &E : More) {
      if (!Matches(E)) {
        More[Kept++] = E;
        continue;
      }
      E.Ops->Release(E.Obj);
      ++Removed;
    }
    More.resize(Kept);
  }
  if (FirstCallback.Ops && Matches(FirstCallback)) {
    FirstCallback.Ops->Release(FirstCallback.Obj);
    ++Removed;
    FirstCallback = {};
    if (MoreCallbacks && !MoreCallbacks->empty()) {
      FirstCallback = MoreCallbacks->front();
      MoreCallbacks->erase(MoreCallbacks->begin());
    }
  }
  return Removed;
}

void FutureBase::addAwaiter(FutureBase &Task) {
  if (done() || FirstAwaiter.get() == &Task)
    return;
  if (!FirstAwaiter) {
    FirstAwaiter = &Task;
    return;
  }
  if (!MoreAwaiters)
    MoreAwaiters = std::make_unique<std::vector<Ref<FutureBase>>>();
  for (const Ref<FutureBase> &A : *MoreAwaiters)
    if (A.get() == &Task)
      return;
  MoreAwaiters->emplace_back(&Task);
}

void FutureBase::discardAwaiter(const FutureBase &Task) noexcept {
  if (MoreAwaiters) {
    auto &More = *MoreAwaiters;
    for (auto It = More.begin(); It != More.end(); ++It)
      if (It->get() == &Task) {
        More.erase(It);
        return;
      }
  }
  if (FirstAwaiter.get() != &Task)
    return;
  FirstAwaiter.reset();
  if (MoreAwaiters && !MoreAwaiters->empty()) {
    FirstAwaiter = MoreAwaiters->front();
    MoreAwaiters->erase(MoreAwaiters->begin());
  }
}

std::vector<FutureBase *> FutureBase::awaiters() const {
  std::vector<FutureBase *> Out;
  if (FirstAwaiter)
    Out.push_back(FirstAwaiter.get());
  if (MoreAwaiters)
    for (const Ref<FutureBase> &A : *MoreAwaiters)
      Out.push_back(A.get());
  return Out;
}

void FutureBase::clearAwaiters() noexcept {
  // Released last: an awaiter may hold the last reference to this future.
  Ref<FutureBase> First = std::move(FirstAwaiter);
  std::unique_ptr<std::vector<Ref<FutureBase>>> More = std::move(MoreAwaiters);
}

void FutureBase::scheduleCallbacks() {
  clearAwaiters();
  if (!FirstCallback.Ops)
    return;
  CallbackEntry First = std::exchange(FirstCallback, {});
  std::unique_ptr<std::vector<CallbackEntry>> More = std::move(MoreCallbacks);
  if (L->Closed) {
    // Only while a closed loop destroys what it held: asyncio would raise
    // from call_soon there; nothing can run them anyway.
    First.Ops->Release(First.Obj);
    if (More)
      for (const CallbackEntry &E : *More)
        E.Ops->Release(E.Obj);
    return;
  }
  retain();
  L->pushReady({First.Ops, First.Obj, this});
  if (More)
    for (const CallbackEntry &E : *More) {
      retain();
      L->pushReady({E.Ops, E.Obj, this});
    }
}

} // namespace cosm::detail
