// Subprocesses start in asyncio's number of passes: the pipes are connected
// by a task of their own (which takes a Task-N number), one transport at a
// time, so a ticker running meanwhile sees "started" after the same tick
// with no pipe, one and three. A start cancelled while its pipes connect
// kills the child and waits for it before the CancelledError goes on.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/subprocess-passes.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using cosm::subprocess::DEVNULL;
using cosm::subprocess::PIPE;

COSM_ASYNC cosm::Coro<void> ticker(int n) {
  for (int i = 0; i < n; ++i) {
    std::printf("tick %d\n", i);
    cosm::await(cosm::sleep(0));
  }
}

COSM_ASYNC cosm::Coro<cosm::Process> start(const char *label,
                                           std::optional<int> in,
                                           std::optional<int> out,
                                           std::optional<int> err) {
  cosm::Task<void> t = cosm::create_task(ticker(12));
  cosm::SubprocessOptions o;
  o.stdin_ = in;
  o.stdout_ = out;
  o.stderr_ = err;
  cosm::Process p = cosm::await(cosm::create_subprocess_exec("cat", {}, o));
  std::printf("started %s\n", label);
  cosm::await(t);
  return p;
}

COSM_ASYNC cosm::Coro<void> noop() { return; }

COSM_ASYNC cosm::Coro<void> starter() {
  std::printf("starting sleep\n");
  cosm::SubprocessOptions o;
  o.stdout_ = PIPE;
  cosm::await(cosm::create_subprocess_exec("sleep", {"30"}, o));
  std::printf("not reached\n");
}

static std::string repr(const std::optional<std::string> &s) {
  std::string r = "b'";
  for (char c : *s)
    r += c == '\n' ? std::string("\\n") : std::string(1, c);
  return r + "'";
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Process p = cosm::await(start("no pipes", DEVNULL, {}, {}));
  std::printf("exit %d\n", cosm::await(p.wait()));
  p = cosm::await(start("stdout", DEVNULL, PIPE, {}));
  std::string data = cosm::await(p.stdout_->read());
  std::printf("read %s exit %d\n", repr(data).c_str(), cosm::await(p.wait()));
  p = cosm::await(start("all three", PIPE, PIPE, PIPE));
  auto [out, err] = cosm::await(p.communicate(std::string("through cat\n")));
  std::printf("communicate %s %s %d\n", repr(out).c_str(), repr(err).c_str(),
              *p.returncode());

  // The pipes' task takes a Task-N number, as in asyncio.
  cosm::Task<void> n = cosm::create_task(noop());
  std::printf("next unnamed task: %s\n", n.get_name().c_str());
  cosm::await(n);

  // Cancelled while its pipes connect: the child is killed and waited for.
  cosm::Task<void> s = cosm::create_task(starter());
  cosm::await(cosm::sleep(0));
  cosm::await(cosm::sleep(0));
  s.cancel();
  try {
    cosm::await(s);
  } catch (const cosm::CancelledError &) {
    std::printf("starter cancelled\n");
  }
  std::printf("done\n");
}

int main() { cosm::run(main_()); }
