// Subprocesses with real programs, against asyncio: exit codes, a pipe read
// to EOF, communicate() with input through cat, /dev/null, stderr into
// stdout, the shell form, one MiB out of a child (size and checksum), a
// child killed (also in the middle of a write) or terminated, signalling a
// finished process, and a program that does not exist.
//
// RUN: %cosm-lower %s -o %t.cpp -- -std=c++17 -I%cosm_incdir
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/subprocesses.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

using cosm::subprocess::DEVNULL;
using cosm::subprocess::PIPE;
using cosm::subprocess::STDOUT;
using Args = std::vector<std::string>;

static cosm::SubprocessOptions opts(std::optional<int> in,
                                    std::optional<int> out,
                                    std::optional<int> err) {
  cosm::SubprocessOptions o;
  o.stdin_ = in;
  o.stdout_ = out;
  o.stderr_ = err;
  return o;
}

// Python's repr() of the decoded text, for the short outputs here.
static std::string show(const std::optional<std::string> &out) {
  if (!out)
    return "None";
  std::string r = "'";
  for (char c : *out)
    r += c == '\n' ? std::string("\\n") : std::string(1, c);
  return r + "'";
}

static std::string code(std::optional<int> rc) {
  return rc ? std::to_string(*rc) : std::string("None");
}

static std::uint64_t fnv1a(const std::string &data) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char b : data)
    h = (h ^ b) * 1099511628211ull;
  return h;
}

COSM_ASYNC cosm::Coro<void> main_() {
  // Exit codes and a pipe read to EOF.
  cosm::Process p = cosm::await(cosm::create_subprocess_exec(
      "sh", Args{"-c", "echo hi; exit 3"}, opts({}, PIPE, {})));
  std::string line = cosm::await(p.stdout_->readline());
  std::string rest = cosm::await(p.stdout_->read());
  std::printf("sh said %s then %s\n", show(line).c_str(), show(rest).c_str());
  int rc = cosm::await(p.wait());
  std::printf("sh exited %d %s\n", rc, code(p.returncode()).c_str());
  static const char *const progs[] = {"true", "false"};
  for (int i = 0; i < 2; ++i) {
    const char *prog = progs[i];
    cosm::Process q = cosm::await(cosm::create_subprocess_exec(prog));
    int qrc = cosm::await(q.wait());
    std::printf("%s -> %d\n", prog, qrc);
  }

  // communicate() with input through cat.
  p = cosm::await(
      cosm::create_subprocess_exec("cat", Args{}, opts(PIPE, PIPE, PIPE)));
  auto [out, err] = cosm::await(p.communicate(std::string("one\ntwo\n")));
  std::printf("cat: %s %s %s\n", show(out).c_str(), show(err).c_str(),
              code(p.returncode()).c_str());

  // /dev/null and stderr into stdout; the shell form.
  p = cosm::await(cosm::create_subprocess_shell(
      "echo out; echo err >&2", opts({}, DEVNULL, DEVNULL)));
  auto [out2, err2] = cosm::await(p.communicate());
  std::printf("devnull: %s %s %s\n", show(out2).c_str(), show(err2).c_str(),
              code(p.returncode()).c_str());
  p = cosm::await(cosm::create_subprocess_shell(
      "echo out; echo err >&2; exit 7", opts({}, PIPE, STDOUT)));
  auto [out3, err3] = cosm::await(p.communicate());
  std::printf("stderr=STDOUT: %s %s %s\n", show(out3).c_str(),
              show(err3).c_str(), code(p.returncode()).c_str());

  // One MiB out of a child, nothing lost.
  p = cosm::await(cosm::create_subprocess_shell(
      "i=0; while [ $i -lt 16384 ]; do "
      "echo 0123456789abcdef0123456789abcdef0123456789abcdef012345678901234; "
      "i=$((i+1)); done",
      opts({}, PIPE, {})));
  auto [big, none] = cosm::await(p.communicate());
  std::printf("1 MiB: %zu fnv1a 0x%llx\n", big->size(),
              (unsigned long long)fnv1a(*big));

  // Killed: returncode is -9; killed in the middle of writing.
  p = cosm::await(cosm::create_subprocess_exec("sleep", Args{"30"}));
  std::printf("sleep running: %s\n", code(p.returncode()).c_str());
  p.kill();
  rc = cosm::await(p.wait());
  std::printf("killed sleep: %d %s\n", rc, code(p.returncode()).c_str());
  p = cosm::await(cosm::create_subprocess_exec("cat", Args{"/dev/zero"},
                                               opts({}, PIPE, {})));
  std::string first = cosm::await(p.stdout_->readexactly(100000));
  p.kill();
  rest = cosm::await(p.stdout_->read());
  rc = cosm::await(p.wait());
  std::printf("cat /dev/zero gave at least %zu then EOF: %s code %d\n",
              first.size(), p.stdout_->at_eof() ? "True" : "False", rc);
  p = cosm::await(cosm::create_subprocess_exec("sleep", Args{"30"}));
  p.terminate();
  rc = cosm::await(p.wait());
  std::printf("terminated: %d\n", rc);
  try {
    p.send_signal(SIGTERM);
  } catch (const cosm::ProcessLookupError &) {
    std::printf("send_signal after the end: ProcessLookupError\n");
  }

  try {
    cosm::await(cosm::create_subprocess_exec("cosm-no-such-program"));
  } catch (const cosm::FileNotFoundError &e) {
    std::printf("FileNotFoundError: %s\n", e.what());
  }
}

int main() { cosm::run(main_()); }
