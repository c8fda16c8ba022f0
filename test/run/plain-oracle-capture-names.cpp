// Names the frame uses, given to what a COSM_ASYNC lambda captures or to a
// parameter: a capture named like a frame member (`state`) reads the capture,
// not the frame's state; a capture named like its own type (`Config Config`,
// `Count Count` of a typedef), in the lambda's frame and in the named
// function object a lambda kept across an await becomes; a member's
// parameter named like its class (`int Server`). Lowered, the program prints
// what the same source prints as ordinary C++ (the plain build: awaits and
// run removed).
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: grep -v CHECK %t.cpp | FileCheck %s
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: sed -e 's/cosm::await(/(/g' -e 's/cosm::run(/(/g' %s > %t.plain.cpp
// RUN: %cxx -std=c++17 -w -I%S/Inputs/plain %t.plain.cpp -o %t.plain
// RUN: %t.plain > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct Config {
  int port = 80;
};
typedef int Count;
namespace net {
struct Config {
  int port = 443;
};
} // namespace net

// CHECK-LABEL: struct Server {
// CHECK: run_frame(Server *self, int Server_2)
struct Server {
  int base = 1;
  COSM_ASYNC cosm::Coro<int> run(int Server) {
    cosm::await(cosm::sleep(0));
    return base + Server;
  }
};

COSM_ASYNC cosm::Coro<void> amain() {
  int state = 4;
  // CHECK-LABEL: struct amain_lambda_frame
  // CHECK: return_value(state_2 * 10 + live);
  int live = 2;
  auto by_ref = [&] COSM_ASYNC() -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return state * 10 + live;
  };
  std::printf("state %d\n", cosm::await(by_ref()));
  auto by_value = [state] COSM_ASYNC() -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return state + 1;
  };
  state = 9;
  std::printf("copied %d\n", cosm::await(by_value()));

  Config Config;
  net::Config Other;
  Count Count = 3;
  // CHECK-LABEL: struct configured_closure {
  // CHECK-NEXT: ::Config &Config;
  // CHECK-NEXT: {{^ *}}net::Config Other;
  // CHECK-NEXT: ::Count &Count;
  auto configured = [&Config, Other, &Count] COSM_ASYNC() -> cosm::Coro<int> {
    cosm::await(cosm::sleep(0));
    return Config.port + Other.port + Count;
  };
  cosm::await(cosm::sleep(0));
  Config.port = 81;
  std::printf("configured %d\n", cosm::await(configured()));
  Server s;
  std::printf("server %d\n", cosm::await(s.run(5)));
}

int main() { cosm::run(amain()); }
