//===- cosm/waiters.hpp - The waiter queue of the primitives ---*- C++ -*-===//
///
/// \file
/// Private. The deque of futures that Lock, Semaphore, Event, Condition,
/// Queue and StreamWriter.drain park their waiting tasks on (asyncio's
/// `self._waiters`), and the frame-side half of `fut = create_future();
/// _waiters.append(fut); try: await fut finally: _waiters.remove(fut)`.
///
/// Each primitive keeps its own wake rule, because asyncio's differ and the
/// order they give is observable: Lock wakes the front waiter only if it is
/// not done, Semaphore the first one not done, Queue pops until it finds one
/// not done, Event and drain every one not done, Condition up to N.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_WAITERS_HPP
#define COSM_WAITERS_HPP

#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/ref.hpp"

#include <cstddef>
#include <deque>
#include <exception>
#include <utility>

namespace cosm {

class Loop;

namespace detail {

Step suspendOn(FutureBase &Awaited);

/// The futures tasks wait on, in the order they started waiting. V is the
/// futures' result type.
template <class V> class WaiterQueue {
public:
  using Waiter = Ref<FutureImpl<V>>;

  /// `fut = loop.create_future(); self._waiters.append(fut)`. What names
  /// the future in debug output ("Lock.acquire").
  Waiter add(Loop &L, const char *What) {
    Waiter W(new FutureImpl<V>(&L, {What, 0}));
    Ws.push_back(W);
    return W;
  }
  /// `self._waiters.remove(fut)`, without the ValueError; false if absent.
  bool remove(const FutureImpl<V> *W) noexcept {
    for (auto It = Ws.begin(); It != Ws.end(); ++It)
      if (It->get() == W) {
        Ws.erase(It);
        return true;
      }
    return false;
  }

  bool empty() const noexcept { return Ws.empty(); }
  std::size_t size() const noexcept { return Ws.size(); }
  /// The first waiter that is not done, or null.
  FutureImpl<V> *firstPending() const noexcept {
    for (const Waiter &W : Ws)
      if (!W->done())
        return W.get();
    return nullptr;
  }
  /// True if every waiter is cancelled (also when there is none).
  bool allCancelled() const noexcept {
    for (const Waiter &W : Ws)
      if (!W->cancelled())
        return false;
    return true;
  }

  /// Lock._wake_up_first: completes the front waiter unless it is done.
  template <class... U> void wakeFront(U &&...Value) {
    if (!Ws.empty() && !Ws.front()->done())
      Ws.front()->setResult(std::forward<U>(Value)...);
  }
  /// Queue._wakeup_next: pops waiters until one is not done, completes it.
  template <class... U> void popAndWakeNext(U &&...Value) {
    while (!Ws.empty()) {
      Waiter W = std::move(Ws.front());
      Ws.pop_front();
      if (!W->done()) {
        W->setResult(std::forward<U>(Value)...);
        return;
      }
    }
  }
  /// Completes up to N waiters that are not done, in order (Condition's
  /// notify(n); N = size() for Event.set and drain). Returns how many.
  template <class... U> std::size_t wakeUpTo(std::size_t N, const U &...Value) {
    std::size_t Woken = 0;
    for (const Waiter &W : Ws) {
      if (Woken >= N)
        break;
      if (!W->done()) {
        ++Woken;
        W->setResult(Value...);
      }
    }
    return Woken;
  }
  template <class... U> void wakeAll(const U &...Value) {
    wakeUpTo(Ws.size(), Value...);
  }
  /// Fails every waiter that is not done with E.
  void failAll(const std::exception_ptr &E) {
    for (const Waiter &W : Ws)
      if (!W->done())
        W->setException(E);
  }

private:
  std::deque<Waiter> Ws;
};

/// A frame's one wait in a WaiterQueue: start() appends a new future and
/// suspends on it; leave() is the `finally: _waiters.remove(fut)` (also
/// from the frame's unwind(), when it is destroyed while waiting).
template <class V> class WaiterSlot {
public:
  /// Appends a new future of L to Q and suspends the current task on it.
  Step start(WaiterQueue<V> &Q, Loop &L, const char *What) {
    Owner = &Q;
    Fut = Q.add(L, What);
    return suspendOn(*Fut);
  }
  /// Removes the future from its queue (no effect if there is none).
  void leave() noexcept {
    if (Fut)
      Owner->remove(Fut.get());
    Fut.reset();
  }
  /// Forgets the future without touching the queue (Queue: whoever woke
  /// it has already popped it).
  void drop() noexcept { Fut.reset(); }
  explicit operator bool() const noexcept { return bool(Fut); }
  FutureImpl<V> *operator->() const noexcept { return Fut.get(); }
  FutureImpl<V> *get() const noexcept { return Fut.get(); }

private:
  WaiterQueue<V> *Owner = nullptr;
  Ref<FutureImpl<V>> Fut;
};

} // namespace detail
} // namespace cosm

#endif // COSM_WAITERS_HPP
