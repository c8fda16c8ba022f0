//===- test_pack.cpp - The coroutines behind awaits in pack expansions ----===//
///
/// \file
/// cosm/pack.hpp, as the code cosm-lower generates for
/// `(print(cosm::await(f(xs))), ...)` uses it: each element's coroutine is
/// made only when the element before it has finished, `&&` and `||` stop at
/// the element that decides, an exception stops the expansion, and an empty
/// pack gives what C++ gives. (test/run/pack-awaits.cpp runs the lowered
/// programs against CPython.)
///
//===----------------------------------------------------------------------===//
#include "test_frames.hpp"

#include <stdexcept>
#include <tuple>
#include <type_traits>

using namespace cosm_test;
using cosm::detail::VoidSlot;

namespace {

struct Pack : ::testing::Test, Fixture {};

/// async def element(i): print("start", i); await sleep(0); print("end",
/// i); if i < 0: raise ...; return i * 10
cosm::Coro<int> element(int I) {
  print("make " + std::to_string(I));
  return lambda_coro<int>(
      "element", [I, Child = cosm::Coro<void>()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        print("start " + std::to_string(I));
        AWAIT_CORO(F, 1, Child, cosm::sleep(0));
        Child.take_result();
        print("end " + std::to_string(I));
        if (I < 0)
          throw std::runtime_error("element " + std::to_string(I));
        F.return_value(I * 10);
        return F.finish();
      });
}

/// Runs \p Make()'s coroutine to its end and returns its result.
template <class T, class MakeFn> T awaited(MakeFn Make) {
  return cosm::run(lambda_coro<T>(
      "main", [Make, Child = decltype(Make())()](auto &F) mutable {
        switch (F.state) {
        case 1:
          goto resume_1;
        }
        AWAIT_CORO(F, 1, Child, Make());
        F.return_value(Child.take_result());
        return F.finish();
      }));
}

TEST_F(Pack, ElementsRunOneAfterTheOther) {
  int A = 1, B = 2, C = 3;
  auto Each = [](int &X) { return element(X); };
  auto Got = awaited<std::tuple<int, int, int>>([&] {
    return cosm::detail::in_order(Each, std::forward_as_tuple(A),
                                  std::forward_as_tuple(B),
                                  std::forward_as_tuple(C));
  });
  EXPECT_EQ(Got, std::make_tuple(10, 20, 30));
  EXPECT_EQ(out(), (std::vector<std::string>{"make 1", "start 1", "end 1",
                                             "make 2", "start 2", "end 2",
                                             "make 3", "start 3", "end 3"}));
}

TEST_F(Pack, AllStopsAtTheFirstFalseElement) {
  int A = 1, B = 0, C = 3;
  auto Each = [](int &X) {
    return lambda_coro<bool>("check", [&X](auto &F) {
      print("check " + std::to_string(X));
      F.return_value(X != 0);
      return F.finish();
    });
  };
  EXPECT_FALSE(awaited<bool>([&] {
    return cosm::detail::all_in_order(Each, std::forward_as_tuple(A),
                                      std::forward_as_tuple(B),
                                      std::forward_as_tuple(C));
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"check 1", "check 0"}));
  out().clear();
  EXPECT_TRUE(awaited<bool>([&] {
    return cosm::detail::any_in_order(Each, std::forward_as_tuple(B),
                                      std::forward_as_tuple(C),
                                      std::forward_as_tuple(A));
  }));
  EXPECT_EQ(out(), (std::vector<std::string>{"check 0", "check 3"}));
}

TEST_F(Pack, AnExceptionStopsTheExpansion) {
  int A = 1, B = -2, C = 3;
  auto Each = [](int &X) { return element(X); };
  auto Expansion = [&] {
    return cosm::detail::in_order(Each, std::forward_as_tuple(A),
                                  std::forward_as_tuple(B),
                                  std::forward_as_tuple(C));
  };
  using Three = std::tuple<int, int, int>;
  EXPECT_THROW(awaited<Three>(Expansion), std::runtime_error);
  EXPECT_EQ(out(), (std::vector<std::string>{"make 1", "start 1", "end 1",
                                             "make -2", "start -2", "end -2"}));
}

TEST_F(Pack, AnEmptyPackGivesWhatCxxGives) {
  auto Each = [](int &X) { return element(X); };
  EXPECT_EQ(awaited<std::tuple<>>([&] { return cosm::detail::in_order(Each); }),
            std::tuple<>());
  EXPECT_TRUE(awaited<bool>([&] { return cosm::detail::all_in_order(Each); }));
  EXPECT_FALSE(awaited<bool>([&] { return cosm::detail::any_in_order(Each); }));
  EXPECT_TRUE(out().empty());
}

TEST_F(Pack, AVoidPatternGivesAVoidSlot) {
  static_assert(std::is_same_v<decltype((void(), VoidSlot())), VoidSlot>);
  static_assert(std::is_same_v<decltype((42, VoidSlot())), int &&>);
  int X = 5;
  EXPECT_EQ(&(X, VoidSlot()), &X);
  EXPECT_EQ(cosm::detail::last_of(std::make_tuple(1, 2, 3)), 3);
  static_assert(
      std::is_void_v<decltype(cosm::detail::last_of(std::tuple<>()))>);
}

} // namespace
