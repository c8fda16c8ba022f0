// Bounded frames (issue 15): an awaited coroutine of this file is built in
// the awaiting frame's child slot only while that frame stays within
// --max-frame-bytes (default 1024) as Clang computes its sizeof; beyond,
// the child's frame is allocated and the per-site comment says so. A frame
// over the limit gets a remark. Each c<k> keeps a 200-byte Pad across its
// await of c<k-1>: embedded, the chain's frames grow by a frame each.
//
// Default limit: c1..c3 embed (c3 is 4 frames, within 1 KiB); c4 would pass
// it and allocates c3's frame; c5 then embeds the now small c4.
// RUN: %cosm-lower %s -o %t.cpp 2> %t.err
// RUN: grep -v "^// [A-Z-]*:" %t.cpp | FileCheck --check-prefix=CODE %s
// RUN: FileCheck --check-prefix=REMARK %s < %t.err
// RUN: %cxx %cosm_cxxflags -fsyntax-only %t.cpp
// RUN: %clangxx %cosm_cxxflags -fsyntax-only %t.cpp
// CODE-LABEL: struct c3_frame final
// CODE: // await c2(x): a coroutine of this file. Its frame is built inside this one
// CODE-LABEL: struct c4_frame final
// CODE: // await c3(x): a coroutine of this file. Its frame is allocated, not built
// CODE-NEXT: // inside this one: this frame would pass the frame size limit
// CODE-NEXT: // (--max-frame-bytes).
// CODE-NEXT: //
// CODE-NEXT: child = c3(x);
// CODE-LABEL: struct c5_frame final
// CODE: // await c4(x): a coroutine of this file. Its frame is built inside this one
// REMARK-NOT: remark: the frame of 'c{{[0-9]}}'
// REMARK: frame-limit.cpp:[[@LINE+68]]:28: remark: the frame of 'big' is {{[0-9]+}} bytes, over the frame size limit of 1024 bytes (--max-frame-bytes)
// REMARK-NOT: remark:
//
// --emit=model lists each frame's sizeof and what its slot holds.
// RUN: %cosm-lower --emit=model %s 2>/dev/null | FileCheck --check-prefix=MODEL %s
// MODEL: State 1 {{.*}} await 'c3(x)': coroutine, inline, in child, its frame allocated (in the child slot this frame would pass --max-frame-bytes)
// MODEL: Frame sizes (sizeof, by Clang; --max-frame-bytes=1024)
// MODEL-NEXT: c0_frame: {{[0-9]+}} bytes
// MODEL-NEXT: c1_frame: {{[0-9]+}} bytes, holds ::c0_frame
// MODEL-NEXT: c2_frame: {{[0-9]+}} bytes, holds ::c1_frame
// MODEL-NEXT: c3_frame: {{[0-9]+}} bytes, holds ::c2_frame
// MODEL-NEXT: c4_frame: {{[0-9]+}} bytes
// MODEL-NEXT: c5_frame: {{[0-9]+}} bytes, holds ::c4_frame
// MODEL-NEXT: big_frame: {{[0-9]+}} bytes, over the limit
//
// --max-frame-bytes=0: nothing is embedded, every frame is over.
// RUN: %cosm-lower --max-frame-bytes=0 %s -o %t.zero.cpp -- -DNO_EMBEDDING 2> %t.zero.err
// RUN: grep -v "^// [A-Z-]*:" %t.zero.cpp | not grep -q "::new (&child_frame"
// RUN: grep -v "^// [A-Z-]*:" %t.zero.cpp | grep -c "Its frame is allocated, not built" | grep -qx 5
// RUN: grep -c "remark: the frame of" %t.zero.err | grep -qx 7
// RUN: %cxx %cosm_cxxflags -DNO_EMBEDDING -fsyntax-only %t.zero.cpp
//
// A huge limit: every awaited frame of the chain embedded, no remark.
// RUN: %cosm-lower --max-frame-bytes=1000000 %s -o %t.huge.cpp -- -DALL_EMBEDDED 2> %t.huge.err
// RUN: grep -v "^// [A-Z-]*:" %t.huge.cpp | grep -c "Its frame is built inside" | grep -qx 5
// RUN: not grep -q remark %t.huge.err
// RUN: %cxx %cosm_cxxflags -DALL_EMBEDDED -fsyntax-only %t.huge.cpp

#include <cosm/cosm.hpp>

struct Pad {
  char Bytes[200];
};

COSM_ASYNC cosm::Coro<int> c0(int x) {
  Pad p{};
  p.Bytes[x & 7] = 1;
  cosm::await(cosm::sleep(0));
  return p.Bytes[0] + x;
}
COSM_ASYNC cosm::Coro<int> c1(int x) {
  Pad p{};
  int v = cosm::await(c0(x));
  return p.Bytes[0] + v;
}
COSM_ASYNC cosm::Coro<int> c2(int x) {
  Pad p{};
  int v = cosm::await(c1(x));
  return p.Bytes[0] + v;
}
COSM_ASYNC cosm::Coro<int> c3(int x) {
  Pad p{};
  int v = cosm::await(c2(x));
  return p.Bytes[0] + v;
}
COSM_ASYNC cosm::Coro<int> c4(int x) {
  Pad p{};
  int v = cosm::await(c3(x));
  return p.Bytes[0] + v;
}
COSM_ASYNC cosm::Coro<int> c5(int x) {
  Pad p{};
  int v = cosm::await(c4(x));
  return p.Bytes[0] + v;
}
struct Huge {
  char Bytes[2000];
};
COSM_ASYNC cosm::Coro<int> big(int x) {
  Huge h{};
  cosm::await(cosm::sleep(0));
  return h.Bytes[x & 7];
}

// The generated frames, checked by the compilers (this part is not read by
// cosm-lower: the frames do not exist while it parses).
#ifndef COSM_LOWERING
#if defined(NO_EMBEDDING)
// Each frame holds its Pad and a handle to its child, not the child.
static_assert(sizeof(c5_frame) < sizeof(c0_frame) + sizeof(Pad));
static_assert(sizeof(c3_frame) < sizeof(c0_frame) + sizeof(Pad));
#elif defined(ALL_EMBEDDED)
static_assert(sizeof(c5_frame) > 5 * sizeof(Pad) + sizeof(c0_frame));
static_assert(sizeof(c5_frame) > 1024);
#else
// Embedded up to the limit: c3 holds c2, which holds c1, which holds c0;
// c4 does not hold c3 (it would pass the limit); c5 holds c4.
static_assert(sizeof(c1_frame) >= sizeof(c0_frame) + sizeof(Pad));
static_assert(sizeof(c3_frame) >= sizeof(c2_frame) + sizeof(Pad));
static_assert(sizeof(c3_frame) <= 1024);
static_assert(sizeof(c4_frame) < sizeof(c3_frame));
static_assert(sizeof(c4_frame) + sizeof(c3_frame) > 1024);
static_assert(sizeof(c5_frame) >= sizeof(c4_frame) + sizeof(Pad));
static_assert(sizeof(c5_frame) <= 1024);
static_assert(sizeof(big_frame) > 1024);
#endif
#endif
