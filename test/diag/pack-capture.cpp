// A lambda that captures a function parameter pack keeps it in a tuple,
// which its body sees as a pack again (test/run/pack-captures.cpp). Still
// refused, with nothing written: a COSM_ASYNC lambda that captures by value
// a pack of references (the copies' types are not written anywhere).
//
// RUN: not %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: FileCheck %s --implicit-check-not=error: < %t.err
// RUN: not test -e %t.cpp

#include <cosm/cosm.hpp>

template <class... Ids> COSM_ASYNC cosm::Coro<int> copied_refs(Ids &...ids) {
  // CHECK: pack-capture.cpp:[[@LINE+1]]:13: error: cosm-lower cannot lower a COSM_ASYNC lambda that captures the parameter pack 'ids' (pass its elements as the lambda's arguments, or capture a std::tuple of them) yet
  auto f = [ids...] COSM_ASYNC () -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return (0 + ... + ids);
  };
  return cosm::await(f());
}
