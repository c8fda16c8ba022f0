// A COSM_ASYNC lambda copies or refers to each capture from a member of its
// frame, and a class cannot have a pack of members: a lambda that captures
// a function parameter pack is refused (and nothing written).
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

template <class... Ids> COSM_ASYNC cosm::Coro<int> captured_pack(Ids... ids) {
  auto f = [&] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    // CHECK: pack-capture.cpp:[[@LINE+1]]:23: error: cosm-lower cannot lower a COSM_ASYNC lambda that captures the parameter pack 'ids' (pass its elements as the lambda's arguments, or capture a std::tuple of them) yet
    return (0 + ... + ids);
  };
  return cosm::await(f());
}
