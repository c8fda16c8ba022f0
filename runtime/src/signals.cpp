//===- signals.cpp - Loop::add_signal_handler -----------------------------===//
///
/// \file
/// unix_events.py's signal handling: a C signal handler writes the signal
/// number to a self-pipe (signal.set_wakeup_fd's role) and wakes the loop;
/// the pass that notices queues a callback that reads the pipe
/// (_read_from_self) and queues each signal's handle (_handle_signal), which
/// then runs in the next pass. A flag set by the C handler spares the loop
/// a syscall per pass when no signal came.
///
//===----------------------------------------------------------------------===//
#include "cosm/loop.hpp"

#include "loop_internals.hpp"
#include "signal_state.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace cosm {

namespace {

// Process-wide, as signal dispositions are: where the C handler reports.
std::atomic<int> WakeupPipe{-1};
std::atomic<int> WakeupLoopFd{-1};
std::atomic<bool> SignalArrived{false};
static_assert(std::atomic<int>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the C signal handler needs lock-free atomics");

extern "C" void onSignal(int Sig) {
  int Saved = errno;
  int Pipe = WakeupPipe.load(std::memory_order_relaxed);
  if (Pipe >= 0) {
    unsigned char Byte = static_cast<unsigned char>(Sig);
    // A full pipe drops the signal, as Python's wakeup fd does.
    [[maybe_unused]] ssize_t N = ::write(Pipe, &Byte, 1);
  }
  SignalArrived.store(true, std::memory_order_release);
  int Wake = WakeupLoopFd.load(std::memory_order_relaxed);
  if (Wake >= 0) {
    std::uint64_t One = 1;
    [[maybe_unused]] ssize_t N = ::write(Wake, &One, sizeof One);
  }
  errno = Saved;
}

/// signal.valid_signals(): 1..NSIG-1 but the two real-time signals glibc
/// keeps for itself.
void checkSignal(int Sig) {
  if (Sig < 1 || Sig >= NSIG || (Sig >= 32 && Sig < SIGRTMIN))
    throw ValueError("invalid signal number " + std::to_string(Sig));
}

/// signal.signal(Sig, Handler): RuntimeError when Sig cannot be caught.
void setDisposition(int Sig, void (*Handler)(int)) {
  struct sigaction Act;
  std::memset(&Act, 0, sizeof Act);
  Act.sa_handler = Handler;
  sigemptyset(&Act.sa_mask);
  // signal.siginterrupt(sig, False)
  Act.sa_flags = SA_RESTART;
  if (::sigaction(Sig, &Act, nullptr) != 0) {
    int Err = errno;
    if (Err == EINVAL)
      throw RuntimeError("sig " + std::to_string(Sig) + " cannot be caught");
    throw OSError(Err, std::strerror(Err));
  }
}

bool isMainThread() { return ::syscall(SYS_gettid) == ::getpid(); }

} // namespace

namespace detail {

SignalState::SignalState() {
  if (::pipe2(Pipe, O_CLOEXEC | O_NONBLOCK) != 0)
    throw OSError(errno, std::strerror(errno));
}

SignalState::~SignalState() {
  int Mine = Pipe[1];
  WakeupPipe.compare_exchange_strong(Mine, -1);
  ::close(Pipe[0]);
  ::close(Pipe[1]);
}

} // namespace detail

detail::HandleImpl *detail::LoopInternals::signalHandler(const Loop &L,
                                                         int Sig) noexcept {
  if (!L.Signals)
    return nullptr;
  auto It = L.Signals->Handlers.find(Sig);
  return It == L.Signals->Handlers.end() ? nullptr : It->second.get();
}

void Loop::addSignalHandler(int Sig, detail::HandleImpl *H) {
  detail::Ref<detail::HandleImpl> Owned(H);
  checkSignal(Sig);
  checkOpen();
  if (!isMainThread())
    throw RuntimeError(
        "set_wakeup_fd only works in main thread of the main interpreter");
  if (!Signals)
    Signals = std::make_unique<detail::SignalState>();
  // signal.set_wakeup_fd(self._csock.fileno()): this loop takes the signals.
  WakeupPipe.store(Signals->Pipe[1]);
  WakeupLoopFd.store(WakeFd);
  Signals->Handlers[Sig] = Owned;
  try {
    setDisposition(Sig, &onSignal);
  } catch (...) {
    Signals->Handlers.erase(Sig);
    if (Signals->Handlers.empty()) {
      WakeupPipe.store(-1);
      WakeupLoopFd.store(-1);
    }
    throw;
  }
}

bool Loop::remove_signal_handler(int Sig) {
  checkSignal(Sig);
  if (!Signals || !Signals->Handlers.erase(Sig))
    return false;
  setDisposition(Sig, SIG_DFL);
  if (Signals->Handlers.empty()) {
    int Mine = Signals->Pipe[1];
    if (WakeupPipe.compare_exchange_strong(Mine, -1))
      WakeupLoopFd.store(-1);
  }
  return true;
}

void Loop::pollSignals() {
  if (!SignalArrived.load(std::memory_order_relaxed) ||
      WakeupPipe.load(std::memory_order_relaxed) != Signals->Pipe[1] ||
      !SignalArrived.exchange(false, std::memory_order_acquire))
    return;
  // _read_from_self, as the I/O callback of this pass.
  call_soon([this] {
    if (!Signals)
      return;
    unsigned char Buf[4096];
    for (;;) {
      ssize_t N = ::read(Signals->Pipe[0], Buf, sizeof Buf);
      if (N <= 0) {
        if (N < 0 && errno == EINTR)
          continue;
        break;
      }
      for (ssize_t I = 0; I < N; ++I) {
        // _handle_signal
        int Sig = Buf[I];
        auto It = Signals->Handlers.find(Sig);
        if (It == Signals->Handlers.end())
          continue;
        if (It->second->Cancelled) {
          remove_signal_handler(Sig);
          continue;
        }
        It->second->retain();
        pushReady({&detail::HandleImpl::Ops, It->second.get(), nullptr});
      }
    }
  });
}

void Loop::closeSignals() noexcept {
  std::vector<int> Sigs;
  for (const auto &Entry : Signals->Handlers)
    Sigs.push_back(Entry.first);
  for (int Sig : Sigs) {
    try {
      remove_signal_handler(Sig);
    } catch (...) {
    }
  }
  Signals.reset();
}

} // namespace cosm
