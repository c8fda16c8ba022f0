// A user type named like a generated frame (struct fetch_frame next to the async
// function fetch), used as a local that lives across an await in fetch.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/frame-name-clash.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>

struct fetch_frame {
  int width, height;
  int area() const { return width * height; }
};

COSM_ASYNC cosm::Coro<int> fetch(const char *who, int w, int h) {
  fetch_frame f{w, h};
  cosm::await(cosm::sleep(0));
  f.width += 1;
  std::printf("%s frame %dx%d\n", who, f.width, f.height);
  return f.area();
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Task<int> a = cosm::create_task(fetch("a", 2, 3));
  cosm::Task<int> b = cosm::create_task(fetch("b", 4, 5));
  int ra = cosm::await(a);
  int rb = cosm::await(b);
  fetch_frame mine{ra, rb};
  std::printf("areas %d %d product %d\n", ra, rb, mine.area());
}

int main() { cosm::run(main_()); }
