//===- cosm/future.hpp - Futures -------------------------------*- C++ -*-===//
///
/// \file
/// cosm::Future<T>, asyncio.Future for C++, and FutureBase, the machinery it
/// shares with tasks (a task IS a future, as in asyncio).
///
/// Differences from asyncio.Future, on purpose:
/// - result() returns a const reference to the stored value instead of
///   sharing an object; it stays valid while a handle to the future lives.
/// - A future created when no loop runs is bound lazily, to the loop running
///   when it first needs one (a done callback or an await).
///
//===----------------------------------------------------------------------===//
#ifndef COSM_FUTURE_HPP
#define COSM_FUTURE_HPP

#include "cosm/callback.hpp"
#include "cosm/errors.hpp"
#include "cosm/ref.hpp"

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cosm {

class Loop;

namespace detail {

/// The result slot of a future: a value, or nothing for void.
template <class T> class Slot {
public:
  template <class U> void set(U &&V) { Value.emplace(std::forward<U>(V)); }
  const T &get() const noexcept { return *Value; }
  T take() { return std::move(*Value); }

private:
  std::optional<T> Value;
};
template <> class Slot<void> {
public:
  void get() const noexcept {}
  void take() noexcept {}
};

/// Stores Text in an optional string, or frees it when Text is "": names
/// and messages most objects never get cost a pointer, not a std::string.
inline void assign_or_clear(std::unique_ptr<std::string> &Slot,
                            std::string Text) {
  if (Text.empty())
    Slot.reset();
  else if (Slot)
    *Slot = std::move(Text);
  else
    Slot = std::make_unique<std::string>(std::move(Text));
}

/// `const T &` for a value, `void` for void: what result() returns.
template <class T>
using ResultRef = std::conditional_t<std::is_void_v<T>, void,
                                     std::add_lvalue_reference_t<const T>>;

/// The untyped state of a future (asyncio's futures.Future without the
/// value). Lives as long as any handle, callback or waiter refers to it.
class FutureBase : public RefCounted {
public:
  enum class State : unsigned char { Pending, Cancelled, Finished };

  FutureBase(Loop *L, SourceLoc Loc) noexcept;
  ~FutureBase() override;

  bool done() const noexcept { return St != State::Pending; }
  bool cancelled() const noexcept { return St == State::Cancelled; }
  bool isTask() const noexcept { return IsTask; }

  /// asyncio's Future.cancel(msg); Msg "" stands for None. Tasks and
  /// gathering futures override cancelWith().
  bool cancel(std::string Msg = {}) { return cancelWith(std::move(Msg)); }
  virtual bool cancelWith(std::string Msg);

  /// asyncio's _make_cancelled_error(): the CancelledError a task ended
  /// with, to its first reader only (as CPython hands it over), else a new
  /// one carrying the cancel message.
  std::exception_ptr makeCancelledError();

  /// Throws what result() throws when it has no value to return: the
  /// stored exception, CancelledError or InvalidStateError. Marks the
  /// exception retrieved.
  void checkResult();
  /// asyncio's exception(): null when finished with a value.
  std::exception_ptr exception();
  /// Finishes with an exception (InvalidStateError if already done).
  void setException(std::exception_ptr E);
  /// Marks the stored exception retrieved: no "never retrieved" report.
  void markRetrieved() noexcept { LogTraceback = false; }
  /// The message of the cancel() that cancelled it ("" for None).
  const std::string &cancelMessage() const noexcept;
  /// Cancels this pending future as Other, a cancelled one, is: awaiting it
  /// raises what awaiting Other would (its message, or the CancelledError a
  /// task ended with). For shield() of a cancelled future, which asyncio
  /// returns itself.
  void cancelLike(FutureBase &Other);

  /// Registers a done callback; runs through call_soon when the future
  /// completes, or at once through call_soon if it is already done. Takes
  /// ownership of Obj.
  void addDoneCallback(const CallbackOps *Ops, void *Obj);
  /// Removes (and releases) every registration of (Ops, Obj); returns how
  /// many there were.
  int removeDoneCallback(const CallbackOps *Ops, const void *Obj) noexcept;
  /// The same for every registration of Ops whose Obj satisfies
  /// Pred(Obj, Ctx).
  int removeDoneCallbackIf(const CallbackOps *Ops,
                           bool (*Pred)(const void *Obj, const void *Ctx),
                           const void *Ctx) noexcept;

  /// The loop this future belongs to, binding it to the running loop if it
  /// has none yet (RuntimeError if no loop runs).
  Loop &bindLoop();
  Loop *loop() const noexcept { return L; }
  /// Binds an unbound future to Lp (no effect if already bound).
  void bindTo(Loop &Lp) noexcept;
  /// True if bound to a loop other than Lp, or to an earlier loop that had
  /// Lp's address.
  bool boundElsewhere(const Loop &Lp) const noexcept;
  SourceLoc createdAt() const noexcept { return Loc; }

  /// repr(): `<Future pending created at f.cpp:3>`, `<Task ...>`.
  virtual std::string describe() const;

  /// asyncio 3.14's future_add_to_awaited_by(self, Task): Task waits for
  /// this future (an await, or gather, TaskGroup, wait_for, shield on its
  /// behalf), for capture_call_graph(). Every edge goes when the future
  /// completes; discardAwaiter() removes one earlier.
  void addAwaiter(FutureBase &Task);
  void discardAwaiter(const FutureBase &Task) noexcept;
  /// The tasks waiting for this future, in the order they began to.
  std::vector<FutureBase *> awaiters() const;

protected:
  /// Throws InvalidStateError unless pending (set_result on a done future).
  void checkSettable() const;
  /// Pending -> finished with the value already stored; runs callbacks.
  void finishWithValue();
  /// asyncio's Future.cancel(msg) body; returns false if already done.
  bool cancelFuture(std::string Msg = {});
  /// Queues every done callback (asyncio __schedule_callbacks).
  void scheduleCallbacks();
  const char *stateName() const noexcept;

  Loop *L;
  std::exception_ptr Exc;
  /// _cancel_message ("" for None).
  void setCancelMessage(std::string Msg);
  /// _cancelled_exc.
  std::exception_ptr CancelledExc;
  State St = State::Pending;
  /// An exception was stored and nobody has looked at it yet.
  bool LogTraceback = false;
  bool IsTask = false;
  /// L's generation(): L may be a loop that ended, where a later one lives.
  std::uint32_t LoopGeneration;
  SourceLoc Loc;

  /// Drops every awaited-by edge (on completion; a task abandoned).
  void clearAwaiters() noexcept;

private:
  void pushCallback(CallbackEntry E);
  /// Null for no message: most futures are never cancelled with one, and
  /// a parked task should not carry an empty std::string.
  std::unique_ptr<std::string> CancelMsg;
  CallbackEntry FirstCallback;
  std::unique_ptr<std::vector<CallbackEntry>> MoreCallbacks;
  /// The awaited-by edges: one in place (the common case: one awaiter, no
  /// allocation), more in a vector.
  Ref<FutureBase> FirstAwaiter;
  std::unique_ptr<std::vector<Ref<FutureBase>>> MoreAwaiters;
};

/// A future holding a T: what cosm::Future<T> points to (gather's future
/// derives from it).
template <class T> class FutureImpl : public FutureBase {
public:
  using FutureBase::FutureBase;

  template <class... U> void setResult(U &&...V) {
    checkSettable();
    if constexpr (!std::is_void_v<T>)
      Value.set(std::forward<U>(V)...);
    finishWithValue();
  }
  ResultRef<T> result() {
    if (St != State::Finished || Exc)
      checkResult();
    return Value.get();
  }

private:
  Slot<T> Value;
};

Loop *runningLoopOrNull() noexcept;

/// A user's done callback Fn, called with a handle H to the future (or
/// task) that completed.
template <class H, class Impl, class F> struct DoneCallbackBox {
  F Fn;
  void call(FutureBase *Fut) { Fn(H(static_cast<Impl *>(Fut))); }

  /// remove_done_callback(Fn): asyncio compares callbacks with ==. Lambdas
  /// have no ==; a capture-less one equals every copy of itself.
  static int removeFrom(FutureBase &Fut, const F &Fn) noexcept {
    static_assert(IsComparable<F>::value || std::is_empty_v<F>,
                  "remove_done_callback() needs a callable that has == "
                  "(a function pointer) or a lambda without captures");
    return Fut.removeDoneCallbackIf(
        &BoxedDoneCallback<DoneCallbackBox>::Ops,
        [](const void *Obj, const void *Ctx) {
          if constexpr (IsComparable<F>::value)
            return bool(static_cast<const DoneCallbackBox *>(Obj)->Fn ==
                        *static_cast<const F *>(Ctx));
          else
            return true;
        },
        &Fn);
  }

  template <class G, class = void> struct IsComparable : std::false_type {};
  template <class G>
  struct IsComparable<G, std::void_t<decltype(std::declval<const G &>() ==
                                              std::declval<const G &>())>>
      : std::true_type {};
};

} // namespace detail

/// A shared handle to a pending-then-done value (asyncio.Future). Copies
/// refer to the same future. Use only on the thread of its loop.
template <class T> class Future {
public:
  /// Creates a pending future, bound to the running loop if there is one,
  /// else to the first loop that needs it. (A plain default constructor, with
  /// no defaulted SourceLoc: generated frames construct `Future<T> f;` locals
  /// in place, which must not depend on default arguments.)
  Future() : Impl(new detail::FutureImpl<T>(detail::runningLoopOrNull(), {})) {}
  /// Creates a pending future of a given loop (for a loop not running yet).
  explicit Future(Loop &L, detail::SourceLoc Loc = detail::SourceLoc::current())
      : Impl(new detail::FutureImpl<T>(&L, Loc)) {}

  bool done() const noexcept { return Impl->done(); }
  bool cancelled() const noexcept { return Impl->cancelled(); }

  /// The value; rethrows the stored exception; CancelledError if cancelled;
  /// InvalidStateError if pending.
  detail::ResultRef<T> result() const { return Impl->result(); }
  /// The stored exception or null; throws like result() when cancelled or
  /// pending.
  std::exception_ptr exception() const { return Impl->exception(); }

  /// Finishes the future (InvalidStateError if done). Done callbacks and
  /// waiting tasks run through call_soon, never inline.
  template <class U = T, class = std::enable_if_t<!std::is_void_v<U>>>
  void set_result(U Value) const {
    Impl->setResult(std::move(Value));
  }
  template <class U = T, class = std::enable_if_t<std::is_void_v<U>>>
  void set_result() const {
    Impl->setResult();
  }
  void set_exception(std::exception_ptr E) const {
    Impl->setException(std::move(E));
  }
  /// Convenience: set_exception(std::make_exception_ptr(E)).
  template <class E, class = std::enable_if_t<
                         !std::is_same_v<std::decay_t<E>, std::exception_ptr>>>
  void set_exception(E &&Error) const {
    Impl->setException(std::make_exception_ptr(std::forward<E>(Error)));
  }
  /// Cancels a pending future; false if it was already done. Its awaiters
  /// and result() get CancelledError(Msg).
  bool cancel(std::string Msg = {}) const {
    return Impl->cancel(std::move(Msg));
  }

  /// Calls Fn(future) through call_soon once the future is done.
  template <class F> void add_done_callback(F Fn) const {
    using Box = detail::DoneCallbackBox<Future, detail::FutureImpl<T>, F>;
    Impl->addDoneCallback(&detail::BoxedDoneCallback<Box>::Ops,
                          new Box{std::move(Fn)});
  }
  /// asyncio's remove_done_callback(fn): removes every registration of Fn
  /// not yet scheduled; returns how many. Fn is a function pointer (or any
  /// callable with ==) or a capture-less lambda (matching its own copies).
  template <class F> int remove_done_callback(F Fn) const {
    using Box = detail::DoneCallbackBox<Future, detail::FutureImpl<T>, F>;
    return Box::removeFrom(*Impl, Fn);
  }

  bool operator==(const Future &O) const noexcept {
    return Impl.get() == O.Impl.get();
  }
  bool operator!=(const Future &O) const noexcept { return !(*this == O); }

  /// The shared state, for the runtime (suspend_on, gather).
  detail::FutureImpl<T> *impl() const noexcept { return Impl.get(); }

protected:
  /// Adopts an existing future (gather's handle).
  explicit Future(detail::FutureImpl<T> *P) noexcept : Impl(P) {}

private:
  template <class, class, class> friend struct detail::DoneCallbackBox;
  detail::Ref<detail::FutureImpl<T>> Impl;
};

} // namespace cosm

#endif // COSM_FUTURE_HPP
