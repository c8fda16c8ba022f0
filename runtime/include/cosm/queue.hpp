//===- cosm/queue.hpp - cosm::Queue ----------------------------*- C++ -*-===//
///
/// \file
/// asyncio.Queue (FIFO), PriorityQueue (lowest first, heapq's order) and
/// LifoQueue (last in, first out), which share Queue's implementation as in
/// asyncio and differ only in where an item goes and which comes out
/// (asyncio's _put/_get). put() on a queue with room and get() on a queue
/// with items return at once (rule 12). A waiting getter or putter is woken
/// through its future, first come first served, and resumes in the next
/// pass. A maxsize <= 0 means unbounded (asyncio accepts any int there).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_QUEUE_HPP
#define COSM_QUEUE_HPP

#include "cosm/errors.hpp"
#include "cosm/event.hpp"
#include "cosm/frame.hpp"
#include "cosm/future.hpp"
#include "cosm/loop_bound.hpp"
#include "cosm/task.hpp"
#include "cosm/waiters.hpp"

#include <cstddef>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

namespace cosm {
namespace detail {

/// Queue's _put/_get: first in, first out.
struct FifoOrder {
  template <class T> using Store = std::deque<T>;
  template <class T> static void put(Store<T> &S, T Item) {
    S.push_back(std::move(Item));
  }
  template <class T> static T get(Store<T> &S) {
    T Item = std::move(S.front());
    S.pop_front();
    return Item;
  }
};

/// LifoQueue's: last in, first out.
struct LifoOrder {
  template <class T> using Store = std::vector<T>;
  template <class T> static void put(Store<T> &S, T Item) {
    S.push_back(std::move(Item));
  }
  template <class T> static T get(Store<T> &S) {
    T Item = std::move(S.back());
    S.pop_back();
    return Item;
  }
};

/// PriorityQueue's: heapq.heappush and heappop, step for step, so items
/// that compare equal come out in the same order as in asyncio. Needs
/// `operator<`.
struct PriorityOrder {
  template <class T> using Store = std::vector<T>;
  template <class T> static void put(Store<T> &S, T Item) {
    S.push_back(std::move(Item));
    siftDown(S, 0, S.size() - 1);
  }
  template <class T> static T get(Store<T> &S) {
    T Last = std::move(S.back());
    S.pop_back();
    if (S.empty())
      return Last;
    T Item = std::move(S.front());
    S.front() = std::move(Last);
    siftUp(S, 0);
    return Item;
  }

private:
  // heapq._siftdown(heap, startpos, pos)
  template <class T>
  static void siftDown(Store<T> &S, std::size_t Start, std::size_t Pos) {
    T New = std::move(S[Pos]);
    while (Pos > Start) {
      std::size_t Parent = (Pos - 1) / 2;
      if (!(New < S[Parent]))
        break;
      S[Pos] = std::move(S[Parent]);
      Pos = Parent;
    }
    S[Pos] = std::move(New);
  }
  // heapq._siftup(heap, pos)
  template <class T> static void siftUp(Store<T> &S, std::size_t Pos) {
    std::size_t End = S.size(), Start = Pos;
    T New = std::move(S[Pos]);
    std::size_t Child = 2 * Pos + 1;
    while (Child < End) {
      std::size_t Right = Child + 1;
      if (Right < End && !(S[Child] < S[Right]))
        Child = Right;
      S[Pos] = std::move(S[Child]);
      Pos = Child;
      Child = 2 * Pos + 1;
    }
    S[Pos] = std::move(New);
    siftDown(S, Start, Pos);
  }
};

template <class T, class Order = FifoOrder>
struct QueueState : RefCounted, LoopBound {
  explicit QueueState(int MaxSize) : MaxSize(MaxSize) { Finished.set(); }

  bool full() const noexcept {
    return MaxSize > 0 && Items.size() >= std::size_t(MaxSize);
  }
  void putNowait(T Item) {
    if (full())
      throw QueueFull();
    Order::put(Items, std::move(Item));
    ++Unfinished;
    Finished.clear();
    Getters.popAndWakeNext(); // _wakeup_next
  }
  T getNowait() {
    if (Items.empty())
      throw QueueEmpty();
    T Item = Order::get(Items);
    Putters.popAndWakeNext();
    return Item;
  }

  int MaxSize;
  typename Order::template Store<T> Items;
  WaiterQueue<void> Getters;
  WaiterQueue<void> Putters;
  int Unfinished = 0;
  Event Finished;
};

/// The waiting half of put() and get(): `while blocked(): await a new
/// future from Waiters`, with asyncio's cleanup when the wait fails.
/// Finish(Frame) completes the operation once unblocked.
template <class T, class R, bool IsPut, class Order = FifoOrder>
class QueueOpFrame final : public Frame<R> {
public:
  using State = QueueState<T, Order>;
  template <class... A>
  explicit QueueOpFrame(Ref<State> Q, A &&...Item)
      : Q(std::move(Q)), Item(std::forward<A>(Item)...) {}
  ~QueueOpFrame() override { unwind(); }

  Step resume() override {
    switch (this->state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    while (blocked()) {
      this->state = 1;
      return Waiter.start(waiters(), Q->boundLoop("Queue"),
                          IsPut ? "Queue.put" : "Queue.get");
    resume_1:
      try {
        resume_point();
        Waiter->result();
      } catch (...) {
        unwind();
        throw;
      }
      Waiter.drop(); // _wakeup_next popped it
    }
    if constexpr (IsPut) {
      Q->putNowait(std::move(*Item));
    } else {
      this->return_value(Q->getNowait());
    }
    return this->finish();
  }

  /// asyncio's bare `except:` around the await, which also runs when the
  /// frame is destroyed while waiting (GeneratorExit).
  void unwind() noexcept override {
    if (!Waiter)
      return;
    Ref<FutureImpl<void>> W(Waiter.get());
    W->cancel();
    Waiter.leave();
    if (!blocked() && !W->cancelled()) {
      // Woken for an item (or a slot) this frame will not take: pass it on.
      try {
        waiters().popAndWakeNext();
      } catch (...) {
      }
    }
  }

  const char *function_name() const noexcept override {
    return IsPut ? "Queue.put" : "Queue.get";
  }

private:
  bool blocked() const noexcept {
    if constexpr (IsPut)
      return Q->full();
    else
      return Q->Items.empty();
  }
  WaiterQueue<void> &waiters() const noexcept {
    if constexpr (IsPut)
      return Q->Putters;
    else
      return Q->Getters;
  }

  Ref<State> Q;
  std::optional<T> Item; ///< the item to put
  WaiterSlot<void> Waiter;
};

// async def join(self):
//     if self._unfinished_tasks > 0: await self._finished.wait()
template <class T, class Order = FifoOrder>
class QueueJoinFrame final : public Frame<void> {
public:
  explicit QueueJoinFrame(Ref<QueueState<T, Order>> Q) : Q(std::move(Q)) {}
  ~QueueJoinFrame() override { unwind(); }
  Step resume() override {
    switch (state) {
    case 1:
      goto resume_1;
    default:
      break;
    }
    if (Q->Unfinished > 0) {
      child_1 = Q->Finished.wait();
    resume_1:
      if (child_1.step() == Step::Suspended) {
        state = 1;
        return Step::Suspended;
      }
      child_1.take_result();
    }
    return finish();
  }
  void unwind() noexcept override { child_1 = {}; }
  const char *function_name() const noexcept override { return "Queue.join"; }

private:
  Ref<QueueState<T, Order>> Q;
  Coro<bool> child_1;
};

} // namespace detail

/// A shared handle to a FIFO queue (copies refer to the same queue).
/// MaxSize <= 0 means unbounded. (Order is how PriorityQueue and LifoQueue
/// reuse it.)
template <class T, class Order = detail::FifoOrder> class Queue {
public:
  /// An unbounded queue. (Not a defaulted MaxSize, for the same reason as
  /// Future's default constructor.)
  Queue() : Queue(0) {}
  explicit Queue(int MaxSize) : S(new detail::QueueState<T, Order>(MaxSize)) {}

  std::size_t qsize() const noexcept { return S->Items.size(); }
  int maxsize() const noexcept { return S->MaxSize; }
  bool empty() const noexcept { return S->Items.empty(); }
  bool full() const noexcept { return S->full(); }

  /// Adds Item, waiting for room if the queue is full.
  Coro<void> put(T Item) const {
    return Coro<void>::make_awaited<detail::QueueOpFrame<T, void, true, Order>>(
        S, std::move(Item));
  }
  /// Adds Item now; QueueFull if there is no room.
  void put_nowait(T Item) const { S->putNowait(std::move(Item)); }
  /// Removes and returns the first item, waiting for one if needed.
  Coro<T> get() const {
    return Coro<T>::template make_awaited<
        detail::QueueOpFrame<T, T, false, Order>>(S);
  }
  /// Removes and returns the first item now; QueueEmpty if there is none.
  T get_nowait() const { return S->getNowait(); }

  /// One item taken with get() is fully processed; ValueError if called
  /// more times than items were put.
  void task_done() const {
    if (S->Unfinished <= 0)
      throw ValueError("task_done() called too many times");
    if (--S->Unfinished == 0)
      S->Finished.set();
  }
  /// Waits until every item put has been marked task_done().
  Coro<void> join() const {
    return Coro<void>::make_awaited<detail::QueueJoinFrame<T, Order>>(S);
  }

private:
  detail::Ref<detail::QueueState<T, Order>> S;
};

/// asyncio.PriorityQueue: get() returns the smallest item (by operator<),
/// items that compare equal in heapq's order. Typically T is a
/// std::pair<priority, data> or a std::tuple.
template <class T>
class PriorityQueue : public Queue<T, detail::PriorityOrder> {
public:
  PriorityQueue() : PriorityQueue(0) {}
  explicit PriorityQueue(int MaxSize)
      : Queue<T, detail::PriorityOrder>(MaxSize) {}
};

/// asyncio.LifoQueue: get() returns the most recently put item.
template <class T> class LifoQueue : public Queue<T, detail::LifoOrder> {
public:
  LifoQueue() : LifoQueue(0) {}
  explicit LifoQueue(int MaxSize) : Queue<T, detail::LifoOrder>(MaxSize) {}
};

} // namespace cosm

#endif // COSM_QUEUE_HPP
