//===- pool.cpp - Per-thread free lists for frames and futures ------------===//
///
/// \file
/// One singly linked free list per 16-byte size class, per thread, used
/// while a loop runs in the thread: between two runs, and in a program that
/// never runs a loop, blocks come from and go straight back to the global
/// operator new, so that nothing stays cached when run() returns. Every
/// block of a class has the class's size, wherever it came from, so any list
/// may take it (a block freed by another thread joins that thread's list).
/// Each list keeps at most MaxKept blocks: a burst of a million tasks gives
/// its memory back.
///
/// COSM_NO_POOL=1 in the environment, or AddressSanitizer's runtime in the
/// program, turns the lists off: every frame is then a malloc of its own,
/// which is what a use-after-free checker must see.
///
//===----------------------------------------------------------------------===//
#include "cosm/pool.hpp"

#include <cstdlib>
#include <cstring>

extern "C" {
// Defined when the program links AddressSanitizer's runtime.
void __asan_init() __attribute__((weak));
}

namespace cosm::detail {
namespace {

constexpr std::size_t Granule = 16;
constexpr std::size_t MaxPooled = 512;
constexpr std::size_t Classes = MaxPooled / Granule;
constexpr unsigned MaxKept = 4096;

struct FreeBlock {
  FreeBlock *Next;
};

struct FreeLists {
  FreeBlock *Head[Classes] = {};
  unsigned Kept[Classes] = {};
  bool Active = false;

  ~FreeLists() { trim(); }
  void trim() noexcept {
    for (std::size_t C = 0; C < Classes; ++C) {
      while (FreeBlock *B = Head[C]) {
        Head[C] = B->Next;
        ::operator delete(B, (C + 1) * Granule);
      }
      Kept[C] = 0;
    }
  }
};

thread_local FreeLists Lists;

bool disabled() noexcept {
  if (__asan_init != nullptr)
    return true;
  const char *Env = std::getenv("COSM_NO_POOL");
  return Env && *Env && std::strcmp(Env, "0") != 0;
}

std::size_t classOf(std::size_t Size) noexcept {
  return Size == 0 ? 0 : (Size - 1) / Granule;
}

} // namespace

void *pool_allocate(std::size_t Size) {
  if (Size > MaxPooled)
    return ::operator new(Size);
  std::size_t C = classOf(Size);
  FreeLists &L = Lists;
  if (FreeBlock *B = L.Head[C]) {
    L.Head[C] = B->Next;
    --L.Kept[C];
    return B;
  }
  return ::operator new((C + 1) * Granule);
}

void pool_deallocate(void *Block, std::size_t Size) noexcept {
  if (!Block)
    return;
  if (Size > MaxPooled)
    return ::operator delete(Block, Size);
  std::size_t C = classOf(Size);
  FreeLists &L = Lists;
  if (!L.Active || L.Kept[C] == MaxKept)
    return ::operator delete(Block, (C + 1) * Granule);
  auto *B = static_cast<FreeBlock *>(Block);
  B->Next = L.Head[C];
  L.Head[C] = B;
  ++L.Kept[C];
}

void pool_activate(bool On) noexcept {
  FreeLists &L = Lists;
  L.Active = On && !disabled();
  if (!L.Active)
    L.trim();
}

} // namespace cosm::detail
