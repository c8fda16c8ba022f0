//===- cosm/pool.hpp - Free lists for frames and futures --------*- C++ -*-===//
///
/// \file
/// Frames, tasks, futures and handles are small, short-lived and allocated
/// and freed in a steady rhythm (a `sleep(0)` frame per yield, a task and
/// its root frame per spawn). Pooled gives a class hierarchy operator
/// new/delete backed by per-thread free lists, one per 16-byte size class up
/// to 512 bytes: in a steady state they cost a pointer swap, not a malloc.
/// Larger and over-aligned objects go to the global operator new. The
/// lists are used only while a loop runs, and not at all with COSM_NO_POOL=1
/// or under AddressSanitizer (runtime/src/pool.cpp). docs/performance.md has
/// the measurements.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_POOL_HPP
#define COSM_POOL_HPP

#include <cstddef>
#include <new>

namespace cosm::detail {

/// A block of at least Size bytes, aligned for any fundamental type.
void *pool_allocate(std::size_t Size);
/// Returns a block pool_allocate(Size) gave, with the same Size.
void pool_deallocate(void *Block, std::size_t Size) noexcept;

/// Turns this thread's lists on while a loop runs in it; turning them off
/// frees the blocks they keep.
void pool_activate(bool On) noexcept;

/// Mixed into a polymorphic base: every class derived from it is allocated
/// from the pool (the virtual destructor hands the sized delete the most
/// derived class's size).
struct Pooled {
  static void *operator new(std::size_t Size) { return pool_allocate(Size); }
  static void operator delete(void *Block, std::size_t Size) noexcept {
    pool_deallocate(Block, Size);
  }
  static void *operator new(std::size_t Size, std::align_val_t Align) {
    return ::operator new(Size, Align);
  }
  static void operator delete(void *Block, std::size_t Size,
                              std::align_val_t Align) noexcept {
    ::operator delete(Block, Size, Align);
  }
  // Placement new stays available (a parent frame's ChildSlot).
  static void *operator new(std::size_t, void *Where) noexcept {
    return Where;
  }
  static void operator delete(void *, void *) noexcept {}
};

} // namespace cosm::detail

#endif // COSM_POOL_HPP
