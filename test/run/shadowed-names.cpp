// User names that a member of the frame's bases could hide inside the lowered
// body: a type named Result, a type named Frame, a free function named name(),
// globals named as FrameBase's data members (started, frame_storage,
// frame_granules).
//
// Fails: F4 in test/fuzz/FINDINGS.md.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/shadowed-names.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct Result {
  int v;
};
struct Frame {
  int w;
};
const char *name(int i) { return i ? "one" : "zero"; }
int started = 5;
const char *frame_storage = "heap";
double frame_granules = 0.5;

COSM_ASYNC cosm::Coro<Result> make(int v) {
  cosm::await(cosm::sleep(0));
  Result r{v};
  return r;
}

COSM_ASYNC cosm::Coro<void> main_() {
  Result r = cosm::await(make(3));
  Frame f{4};
  cosm::await(cosm::sleep(0));
  std::printf("%d %d %s\n", r.v, f.w, name(1));
  started += 1;
  std::printf("%d %s %.1f\n", started, frame_storage, frame_granules);
}

int main() { cosm::run(main_()); }
