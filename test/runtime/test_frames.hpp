//===- test_frames.hpp - Helpers for hand-written test frames ---*- C++ -*-===//
///
/// \file
/// Tests write frames the way cosm-lower generates them
/// (docs/frame-protocol.md). Most are structs; LambdaFrame lets a short test
/// keep its body inline: the lambda is the resume callback and its captures
/// are the frame's locals.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_TEST_FRAMES_HPP
#define COSM_TEST_FRAMES_HPP

#include <cosm/cosm.hpp>

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace cosm_test {

/// What the program under test "prints", one line per entry.
inline std::vector<std::string> &out() {
  static std::vector<std::string> Lines;
  return Lines;
}
inline void print(std::string Line) { out().push_back(std::move(Line)); }

/// The running loop's pass number, to check pass costs.
inline std::uint64_t pass() { return cosm::get_running_loop().passes(); }

/// print(line, "@", pass): a line tagged with the pass it ran in, as the
/// asyncio twins of these tests print it (they count _run_once calls).
inline void p(const std::string &Line) {
  print(Line + " @ " + std::to_string(pass()));
}

/// Everything written to stderr while Fn runs.
template <class F> std::string stderrOf(F &&Fn) {
  ::testing::internal::CaptureStderr();
  Fn();
  return ::testing::internal::GetCapturedStderr();
}

template <class T, class Body> class LambdaFrame final : public cosm::Frame<T> {
public:
  LambdaFrame(const char *Name, Body B) : Name(Name), B(std::move(B)) {}
  cosm::Step resume() override { return B(*this); }
  const char *function_name() const noexcept override { return Name; }

private:
  const char *Name;
  Body B;
};

/// A coroutine whose resume callback is B(frame) (B returns cosm::Step).
template <class T = void, class Body>
cosm::Coro<T> lambda_coro(const char *Name, Body B) {
  return cosm::Coro<T>::template make<LambdaFrame<T, Body>>(Name, std::move(B));
}

/// async def noop(): pass
inline cosm::Coro<void> noop() {
  return lambda_coro("noop", [](auto &F) { return F.finish(); });
}

/// async def value(v): return v
inline cosm::Coro<int> value(int V) {
  return lambda_coro<int>("value", [V](auto &F) {
    F.return_value(V);
    return F.finish();
  });
}

/// async def say(line): print(line)
inline cosm::Coro<void> say(std::string Line) {
  return lambda_coro("say", [Line](auto &F) {
    print(Line);
    return F.finish();
  });
}

/// async def fail(msg): raise RuntimeError(msg)
inline cosm::Coro<int> fail(std::string Msg) {
  return lambda_coro<int>(
      "fail", [Msg](auto &) -> cosm::Step { throw std::runtime_error(Msg); });
}

/// `cosm::await(Expr)` on a coroutine, as cosm-lower emits it at resume
/// point N; Slot is the frame's child_N. The result is then
/// `Slot.take_result()`.
#define AWAIT_CORO(F, N, Slot, Expr)                                           \
  Slot = Expr;                                                                 \
  resume_##N : if (Slot.step() == cosm::Step::Suspended) {                     \
    F.state = N;                                                               \
    return cosm::Step::Suspended;                                              \
  }

/// `cosm::await(X)` on a task or future, as cosm-lower emits it at resume
/// point N. The result is then `X.result()`.
#define AWAIT(F, N, X)                                                         \
  if (!(X).done()) {                                                           \
    F.state = N;                                                               \
    return cosm::suspend_on(X);                                                \
    resume_##N : cosm::resume_point();                                         \
  }

/// Test fixture: a fresh output log per test.
struct Fixture {
  Fixture() { out().clear(); }
};

} // namespace cosm_test

#endif // COSM_TEST_FRAMES_HPP
