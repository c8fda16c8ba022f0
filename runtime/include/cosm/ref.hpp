//===- cosm/ref.hpp - Intrusive reference counting -------------*- C++ -*-===//
///
/// \file
/// Futures, tasks and handles are shared, like Python objects, but only ever
/// touched from their loop's thread: a plain (non-atomic) intrusive count is
/// enough and keeps handles one pointer wide.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_REF_HPP
#define COSM_REF_HPP

#include "cosm/pool.hpp"

#include <cstdint>
#include <utility>

namespace cosm::detail {

/// Base of every shared runtime object. Deleted when the count drops to 0.
class RefCounted : public Pooled {
public:
  RefCounted() = default;
  RefCounted(const RefCounted &) = delete;
  RefCounted &operator=(const RefCounted &) = delete;
  virtual ~RefCounted() = default;

  void retain() const noexcept { ++Refs; }
  void release() const noexcept {
    if (--Refs == 0)
      deleteSelf();
  }
  std::uint32_t refCount() const noexcept { return Refs; }

protected:
  /// Frees the object once the last reference goes; a task that shares its
  /// block with its root frame frees the block instead.
  virtual void deleteSelf() const noexcept { delete this; }

private:
  mutable std::uint32_t Refs = 0;
};

/// An owning pointer to a RefCounted object.
template <class T> class Ref {
public:
  Ref() noexcept = default;
  Ref(T *P) noexcept : P(P) {
    if (P)
      P->retain();
  }
  Ref(const Ref &O) noexcept : Ref(O.P) {}
  Ref(Ref &&O) noexcept : P(std::exchange(O.P, nullptr)) {}
  template <class U> Ref(const Ref<U> &O) noexcept : Ref(O.get()) {}
  ~Ref() {
    if (P)
      P->release();
  }
  Ref &operator=(Ref O) noexcept {
    std::swap(P, O.P);
    return *this;
  }

  /// Adopts a pointer whose reference the caller already owns.
  static Ref adopt(T *P) noexcept {
    Ref R;
    R.P = P;
    return R;
  }
  /// Gives up ownership without releasing.
  T *leak() noexcept { return std::exchange(P, nullptr); }
  void reset() noexcept { Ref().swap(*this); }
  void swap(Ref &O) noexcept { std::swap(P, O.P); }

  T *get() const noexcept { return P; }
  T *operator->() const noexcept { return P; }
  T &operator*() const noexcept { return *P; }
  explicit operator bool() const noexcept { return P != nullptr; }

private:
  T *P = nullptr;
};

} // namespace cosm::detail

#endif // COSM_REF_HPP
