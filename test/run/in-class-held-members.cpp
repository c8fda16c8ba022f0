// Members defined in their class whose frames hold the class by value: a
// result of the class, a kept copy, an array and a std::optional of it, a
// parameter of the enclosing class, a kept lambda that captures `*this`.
// Nested in the class, where it is incomplete, such a frame could not be
// laid out: cosm-lower moves the member out of its class first, as a user
// would (`inline`, qualified, without default arguments, `static`,
// `virtual` or `override`), and keeps every line at its number. Two tasks
// interleave.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: grep -v SHAPE %t.cpp | FileCheck %s --check-prefix=SHAPE --implicit-check-not=cosm-lower:
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/in-class-held-members.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -
//
// With --line-directives, a statement of a moved body keeps its line.
// RUN: %cosm-lower --line-directives %s -o %t.lines.cpp -- -std=c++17 -I%cosm_incdir
// RUN: FileCheck %s --check-prefix=LINES < %t.lines.cpp
// RUN: %cxx %cosm_cxxflags %t.lines.cpp %cosm_ldflags -o %t.lines
// RUN: %t.lines | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <optional>
#include <string>

namespace net {

struct Conn {
  int fd = -1;
  std::string peer;

  // SHAPE: cosm::Coro<Conn> reopen(int step = 1) const;
  COSM_ASYNC cosm::Coro<Conn> reopen(int step = 1) const {
    Conn next = *this;
    std::printf("%s: reopen %d\n", peer.c_str(), fd);
    cosm::await(cosm::sleep(0));
    next.fd += step;
    return next;
  }

  // SHAPE: COSM_ASYNC static cosm::Coro<std::optional<Conn>>
  // SHAPE-NEXT: dial(std::string peer, bool ok = /* ok=true */ true);
  // The moved definition's lines, for the call graph and gdb, are the input's:
  // SHAPE: struct {{(net::)?}}Conn::dial_frame final
  // SHAPE: "{{.*}}in-class-held-members.cpp", {[[# @LINE + 2]], [[# @LINE + 5]]}};
  // SHAPE: inline auto Conn::dial(std::string peer, bool ok)
  COSM_ASYNC static cosm::Coro<std::optional<Conn>> dial(std::string peer,
                                                         bool ok = /* ok=true */ true) {
    std::printf("dial %s\n", peer.c_str());
    cosm::await(cosm::sleep(0));
    if (!ok)
      return std::nullopt;
    return Conn{3, peer};
  }

  COSM_ASYNC cosm::Coro<int> pair() & {
    Conn two[2] = {*this, *this};
    cosm::await(cosm::sleep(0));
    two[1].fd += 100;
    return two[0].fd + two[1].fd;
  }

  // A kept lambda that copies the object.
  COSM_ASYNC cosm::Coro<std::string> describe() {
    auto show = [*this] { return peer + "#" + std::to_string(fd); };
    cosm::await(cosm::sleep(0));
    fd = -7; // the copy keeps the old descriptor
    return show();
  }

  // A kept COSM_ASYNC lambda that copies the object.
  COSM_ASYNC cosm::Coro<int> later(int k) {
    auto add = [*this] COSM_ASYNC (int by) -> cosm::Coro<int> {
      cosm::await(cosm::sleep(0));
      return fd + by;
    };
    fd = 0;
    cosm::await(cosm::sleep(0));
    return cosm::await(add(k));
  }

  struct Pool {
    int size = 0;
    // A parameter of the enclosing class; a member declared further down.
    COSM_ASYNC cosm::Coro<Conn> take(Conn c) {
      cosm::await(cosm::sleep(0));
      c.fd += bump();
      return c;
    }
    int bump() const { return size; }
  };
}; // the class's trailing comment stays

} // namespace net

struct Base {
  virtual ~Base() = default;
  COSM_ASYNC virtual cosm::Coro<int> id();
};

COSM_ASYNC cosm::Coro<int> Base::id() {
  cosm::await(cosm::sleep(0));
  return 0;
}

struct Derived final : Base {
  int n = 5;
  // SHAPE: cosm::Coro<int> id() override;
  COSM_ASYNC cosm::Coro<int> id() override {
    Derived copy = *this;
    cosm::await(cosm::sleep(0));
    return copy.n * 10;
  }
  // SHAPE: cosm::Coro<Derived> twin() noexcept;
  COSM_ASYNC cosm::Coro<Derived> twin() noexcept {
    cosm::await(cosm::sleep(0));
    return Derived{n + 1};
  }
  Derived() = default;
  explicit Derived(int n) : n(n) {}
} derived_global;

// A member written by a macro: the macro is expanded in place (COSM_ASYNC
// stays a name, which g++ -Werror checks), then the member is moved.
#define CLONE_MEMBER(T)                                                        \
  COSM_ASYNC cosm::Coro<T> clone() {                                           \
    cosm::await(cosm::sleep(0));                                               \
    return *this;                                                              \
  }
struct Tag {
  int id = 9;
  CLONE_MEMBER(Tag)
};

COSM_ASYNC cosm::Coro<void> worker(std::string name) {
  for (int i = 0; i < 3; ++i) {
    std::printf("%s %d\n", name.c_str(), i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<void> main_coro() {
  cosm::Task<void> w = cosm::create_task(worker("worker"));
  std::optional<net::Conn> c = cosm::await(net::Conn::dial("db"));
  std::optional<net::Conn> none = cosm::await(net::Conn::dial("x", false));
  net::Conn r = cosm::await(c->reopen());
  net::Conn r2 = cosm::await(r.reopen(10));
  std::printf("fds %d %d %d none %d\n", c->fd, r.fd, r2.fd, none ? 1 : 0);
  std::printf("pair %d\n", cosm::await(r2.pair()));
  std::string text = cosm::await(r2.describe());
  std::printf("describe %s, now %d\n", text.c_str(), r2.fd);
  int sum = cosm::await(r2.later(2));
  std::printf("later %d, now %d\n", sum, r2.fd);
  net::Conn::Pool pool{4};
  std::printf("take %d\n", cosm::await(pool.take(r)).fd);
  Derived d = cosm::await(derived_global.twin());
  Base &b = d;
  std::printf("twin %d id %d\n", d.n, cosm::await(b.id()));
  Tag tag;
  Tag copy = cosm::await(tag.clone());
  std::printf("tag %d\n", copy.id);
  cosm::await(w);
}

int main() { cosm::run(main_coro()); }

// LINES: #line [[# @LINE - 133]] "{{.*}}in-class-held-members.cpp"
// LINES-NEXT: live.set(0);
// LINES-NEXT: std::printf("%s: reopen %d\n", self->peer.c_str(), self->fd);
