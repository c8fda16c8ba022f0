// Awaiting a task or a future gives a copy of its result (asyncio gives the
// same object to every await): a result type that cannot be copied is an
// error at the await, with what to write instead; awaiting the coroutine
// itself moves its result and lowers.
//
// RUN: %cosm-lower %s -- -std=c++17 -Xclang -verify

#include <cosm/cosm.hpp>
#include <memory>

COSM_ASYNC cosm::Coro<std::unique_ptr<int>> make() {
  cosm::await(cosm::sleep(0));
  return std::make_unique<int>(5);
}

COSM_ASYNC cosm::Coro<int> use(cosm::Future<std::unique_ptr<int>> &f) {
  std::unique_ptr<int> direct = cosm::await(make());
  cosm::Task<std::unique_ptr<int>> t = cosm::create_task(make());
  std::unique_ptr<int> a = cosm::await(t); // expected-note {{requested here}}
  std::unique_ptr<int> b = cosm::await(f); // expected-note {{requested here}}
  return *direct + *a + *b;
}

// expected-error@cosm/async.hpp:* {{cosm::await of a task copies its result, and this result type cannot be copied: await the coroutine itself, or make the result a std::shared_ptr}}
// expected-error@cosm/async.hpp:* {{cosm::await of a future copies its result, and this result type cannot be copied: make it a std::shared_ptr}}
