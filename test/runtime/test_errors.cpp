//===- test_errors.cpp - cosm's error types -------------------------------===//
///
/// \file
/// Ordinary errors are std::exceptions under cosm::Error; CancelledError is
/// deliberately not (asyncio's CancelledError is a BaseException).
///
//===----------------------------------------------------------------------===//
#include <cosm/errors.hpp>

#include <gtest/gtest.h>

#include <type_traits>

namespace {

static_assert(std::is_base_of_v<std::runtime_error, cosm::Error>);
static_assert(std::is_base_of_v<cosm::Error, cosm::InvalidStateError>);
static_assert(std::is_base_of_v<cosm::Error, cosm::TimeoutError>);
static_assert(std::is_base_of_v<cosm::Error, cosm::RuntimeError>);
static_assert(!std::is_base_of_v<std::exception, cosm::CancelledError>);

TEST(Errors, OrdinaryErrorsAreCaughtAsStdExceptions) {
  try {
    throw cosm::InvalidStateError("Result is not ready.");
  } catch (const std::exception &E) {
    EXPECT_STREQ(E.what(), "Result is not ready.");
  }
}

TEST(Errors, CancelledErrorSlipsPastStdExceptionHandlers) {
  bool CaughtAsStd = false;
  bool CaughtAsCancelled = false;
  try {
    try {
      throw cosm::CancelledError();
    } catch (const std::exception &) {
      CaughtAsStd = true;
    }
  } catch (const cosm::CancelledError &E) {
    CaughtAsCancelled = true;
    // str(asyncio.CancelledError()) is ''.
    EXPECT_STREQ(E.what(), "");
  }
  EXPECT_FALSE(CaughtAsStd);
  EXPECT_TRUE(CaughtAsCancelled);
  EXPECT_STREQ(cosm::CancelledError("stop").what(), "stop");
}

} // namespace
