//===- task_numbers.hpp - asyncio's Task-N counter --------------*- C++ -*-===//
///
/// \file
/// asyncio numbers unnamed tasks per process (`Task-N`), counting the tasks
/// it makes inside its own APIs too: create_server's gather of the address
/// lookups, each accepted connection's _accept_connection2. cosm runs those
/// steps without a task, and takes their numbers so that the names of the
/// user's later tasks match.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_SRC_TASK_NUMBERS_HPP
#define COSM_SRC_TASK_NUMBERS_HPP

#include <cstdint>

namespace cosm::detail {

/// The next number (the first is 1).
std::uint64_t nextTaskNumber() noexcept;

} // namespace cosm::detail

#endif // COSM_SRC_TASK_NUMBERS_HPP
