// cosm::wait with each return_when, a timeout and a repeated task, and
// cosm::as_completed with and without a timeout, against asyncio 3.11.
// asyncio returns sets: the twin prints them in input order, which is the
// order cosm returns.
//
// RUN: %cosm-lower %s -o %t.cpp
// RUN: %cxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.gcc
// RUN: %clangxx %cosm_cxxflags %t.cpp %cosm_ldflags -o %t.clang
// RUN: %python %S/Inputs/wait-as-completed.py > %t.want
// RUN: %t.gcc | diff %t.want -
// RUN: %t.clang | diff %t.want -

#include <cosm/cosm.hpp>
#include <cstdio>
#include <string>
#include <vector>

COSM_ASYNC cosm::Coro<int> job(std::string name, double delay, bool fail) {
  cosm::await(cosm::sleep(delay));
  std::printf("%s ends\n", name.c_str());
  if (fail)
    throw cosm::RuntimeError(name);
  return int(name.size());
}

std::string names(const std::vector<cosm::Task<int>> &fs) {
  std::string out;
  for (const cosm::Task<int> &f : fs) {
    if (!out.empty())
      out += " ";
    out += f.get_name();
  }
  return out;
}

std::string names(const std::vector<cosm::Future<int>> &fs) {
  return fs.empty() ? "" : "f";
}

COSM_ASYNC cosm::Coro<void> show(const char *label,
                                 std::vector<cosm::Task<int>> fs,
                                 std::optional<double> timeout,
                                 cosm::ReturnWhen when) {
  auto [done, pending] = cosm::await(cosm::wait(fs, timeout, when));
  std::printf("%s: done [%s] pending [%s]\n", label, names(done).c_str(),
              names(pending).c_str());
}

COSM_ASYNC cosm::Coro<void> show_future(const char *label,
                                        std::vector<cosm::Future<int>> fs,
                                        cosm::ReturnWhen when) {
  auto [done, pending] = cosm::await(cosm::wait(fs, std::nullopt, when));
  std::printf("%s: done [%s] pending [%s]\n", label, names(done).c_str(),
              names(pending).c_str());
}

COSM_ASYNC cosm::Coro<void> setter(cosm::Future<int> f) {
  f.set_result(7);
  std::printf("set\n");
}

COSM_ASYNC cosm::Coro<void> main_() {
  cosm::Loop &loop = cosm::get_running_loop();
  double t0 = loop.time();
  cosm::Task<int> a = cosm::create_task(job("a", 0.06, false), "a");
  cosm::Task<int> b = cosm::create_task(job("bb", 0.03, false), "b");
  cosm::Task<int> c = cosm::create_task(job("ccc", 0.09, false), "c");
  cosm::await(show("first", {a, b, c}, std::nullopt,
                                    cosm::FIRST_COMPLETED));
  cosm::await(show("all", {a, b, c, b}, std::nullopt,
                                    cosm::ALL_COMPLETED));

  cosm::Task<int> d = cosm::create_task(job("d", 0.01, true), "d");
  cosm::Task<int> e = cosm::create_task(job("e", 5, false), "e");
  cosm::await(show("first-exc", {e, d}, std::nullopt,
                                    cosm::FIRST_EXCEPTION));
  try {
    std::rethrow_exception(d.exception());
  } catch (const cosm::RuntimeError &err) {
    std::printf("d: %s\n", err.what());
  }
  cosm::await(
      show("timeout", {e}, 0.01, cosm::ALL_COMPLETED));
  e.cancel();
  cosm::await(show("cancelled", {e}, std::nullopt,
                                    cosm::FIRST_EXCEPTION));

  try {
    cosm::await(cosm::wait(std::vector<cosm::Task<int>>{}));
  } catch (const cosm::ValueError &err) {
    std::printf("ValueError: %s\n", err.what());
  }

  cosm::Future<int> f;
  f.add_done_callback(
      [](const cosm::Future<int> &) { std::printf("earlier callback\n"); });
  cosm::create_task(setter(f));
  cosm::await(show_future("future", {f}, cosm::FIRST_COMPLETED));

  std::vector<cosm::Coro<int>> fs;
  fs.push_back(job("x", 0.09, false));
  fs.push_back(job("yy", 0.03, false));
  fs.push_back(job("zzz", 0.06, false));
  std::vector<cosm::Coro<int>> its = cosm::as_completed(std::move(fs));
  for (std::size_t i = 0; i < its.size(); ++i)
    std::printf("as_completed: %d\n", cosm::await(std::move(its[i])));

  cosm::Task<int> g = cosm::create_task(job("g", 0.01, true));
  cosm::Task<int> h = cosm::create_task(job("h", 5, false));
  std::vector<cosm::Coro<int>> its2 =
      cosm::as_completed(std::vector<cosm::Task<int>>{g, h}, 0.1);
  for (std::size_t i = 0; i < its2.size(); ++i) {
    try {
      std::printf("got %d\n", cosm::await(std::move(its2[i])));
    } catch (const cosm::RuntimeError &err) {
      std::printf("RuntimeError: %s\n", err.what());
    } catch (const cosm::TimeoutError &) {
      std::printf("TimeoutError\n");
    }
  }
  h.cancel();
  std::printf("elapsed under 1s: %s\n",
              loop.time() - t0 < 1 ? "True" : "False");
}

int main() { cosm::run(main_()); }
