//===- cosm/callback.hpp - Callbacks and the ready queue -------*- C++ -*-===//
///
/// \file
/// The loop's ready queue holds type-erased callbacks: a static operations
/// table plus two pointers. Task steps and task wake-ups, the hot path, are
/// queued without any allocation; only user callables (call_soon,
/// add_done_callback) are boxed on the heap, as asyncio allocates a Handle.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_CALLBACK_HPP
#define COSM_CALLBACK_HPP

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <utility>

namespace cosm {
namespace detail {

class FutureBase;

/// Where something was created, for debug messages. Used as a defaulted
/// parameter `SourceLoc Loc = SourceLoc::current()`, it records the caller.
struct SourceLoc {
  const char *File = "";
  unsigned Line = 0;
  static constexpr SourceLoc current(const char *F = __builtin_FILE(),
                                     unsigned L = __builtin_LINE()) noexcept {
    return {F, L};
  }
};

/// What the loop knows of a callback. `Obj` is owned by whoever holds the
/// callback (one reference, or the box itself); `Fut` is the future whose
/// completion queued it (null for call_soon), passed as asyncio passes the
/// future to its done callbacks.
struct CallbackOps {
  void (*Run)(void *Obj, FutureBase *Fut);
  void (*Release)(void *Obj) noexcept;
  /// asyncio's _format_handle, for debug messages.
  std::string (*Describe)(const void *Obj);
};

/// A done callback registered on a future.
struct CallbackEntry {
  const CallbackOps *Ops = nullptr;
  void *Obj = nullptr;
};

/// An entry of the ready queue. Owns Obj and one reference to Fut.
struct ReadyItem {
  const CallbackOps *Ops;
  void *Obj;
  FutureBase *Fut;
};

/// A FIFO ring buffer of ReadyItems (asyncio's `_ready` deque). Capacity is
/// a power of two and only grows, so steady state allocates nothing.
class ReadyQueue {
public:
  ReadyQueue() = default;
  ReadyQueue(const ReadyQueue &) = delete;
  ReadyQueue &operator=(const ReadyQueue &) = delete;
  ~ReadyQueue() { std::free(Buf); }

  bool empty() const noexcept { return Count == 0; }
  std::size_t size() const noexcept { return Count; }

  void push(const ReadyItem &Item) {
    if (Count == Cap)
      grow();
    // Field by field: the caller has just stored Item on its stack, 8 bytes
    // at a time, and one 16-byte load of it would stall on those stores.
    ReadyItem &Slot = Buf[(Head + Count) & (Cap - 1)];
    Slot.Ops = Item.Ops;
    Slot.Obj = Item.Obj;
    Slot.Fut = Item.Fut;
    ++Count;
  }
  ReadyItem pop() noexcept {
    ReadyItem Item = Buf[Head];
    Head = (Head + 1) & (Cap - 1);
    --Count;
    return Item;
  }

private:
  __attribute__((noinline)) void grow() {
    std::size_t NewCap = Cap ? Cap * 2 : 64;
    auto *NewBuf =
        static_cast<ReadyItem *>(std::malloc(NewCap * sizeof(ReadyItem)));
    if (!NewBuf)
      throw std::bad_alloc();
    for (std::size_t I = 0; I != Count; ++I)
      NewBuf[I] = Buf[(Head + I) & (Cap - 1)];
    std::free(Buf);
    Buf = NewBuf;
    Cap = NewCap;
    Head = 0;
  }

  ReadyItem *Buf = nullptr;
  std::size_t Cap = 0;
  std::size_t Head = 0;
  std::size_t Count = 0;
};

/// Ops for a boxed user callable `Fn(Arg)` where Arg is built from the
/// completed future (add_done_callback).
template <class Box> struct BoxedDoneCallback {
  static void run(void *Obj, FutureBase *Fut) {
    static_cast<Box *>(Obj)->call(Fut);
  }
  static void release(void *Obj) noexcept { delete static_cast<Box *>(Obj); }
  static std::string describe(const void *) { return "<done callback>"; }
  static constexpr CallbackOps Ops{&run, &release, &describe};
};

} // namespace detail
} // namespace cosm

#endif // COSM_CALLBACK_HPP
