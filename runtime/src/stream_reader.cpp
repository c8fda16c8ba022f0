//===- stream_reader.cpp - StreamReader
//------------------------------------===//
///
/// \file
/// asyncio 3.11's StreamReader: the buffer, _wait_for_data and the read
/// methods as hand-written frames (docs/frame-protocol.md).
///
//===----------------------------------------------------------------------===//
#include "stream_state.hpp"

#include <algorithm>
#include <optional>

namespace cosm {
namespace detail {
namespace {

/// Python's bytes.find: the first Sep at or after From, or npos.
std::size_t findFrom(std::string_view Hay, std::string_view Sep,
                     std::size_t From) {
  return From > Hay.size() ? std::string_view::npos : Hay.find(Sep, From);
}

} // namespace

void ReaderState::feedData(std::string_view Data) {
  if (Data.empty())
    return;
  Buf.append(Data);
  wakeupWaiter();
  if (Transport && !Paused && size() > 2 * Limit) {
    Transport->pauseReading();
    Paused = true;
  }
}

void ReaderState::maybeResumeTransport() {
  if (Paused && size() <= Limit) {
    Paused = false;
    if (Transport)
      Transport->resumeReading();
  }
}

Ref<FutureImpl<void>> ReaderState::startWait(const char *FuncName) {
  if (Waiter)
    throw RuntimeError(std::string(FuncName) +
                       "() called while another coroutine is already "
                       "waiting for incoming data");
  // Waiting while paused would deadlock (readexactly(n) with n > limit).
  if (Paused) {
    Paused = false;
    if (Transport)
      Transport->resumeReading();
  }
  Waiter = new FutureImpl<void>(&get_running_loop(), {FuncName, 0});
  return Waiter;
}

namespace {

/// A reader coroutine: `while not Fn(first): await _wait_for_data()`. Fn
/// returns the result when it can, nothing when it needs more data, or
/// throws. First is true only on the first call (asyncio checks the stored
/// exception once, at the start of most read methods).
template <class Fn> class ReaderFrame final : public Frame<std::string> {
public:
  ReaderFrame(Ref<ReaderState> S, const char *Name, const char *WaitName, Fn F)
      : S(std::move(S)), Name(Name), WaitName(WaitName), F(std::move(F)) {}
  ~ReaderFrame() override { unwind(); }

  Step resume() override {
    bool First = state == 0;
    if (state == 1)
      goto resume_1;
    for (;;) {
      if (std::optional<std::string> R = F(*S, First)) {
        return_value(std::move(*R));
        return finish();
      }
      Waiter = S->startWait(WaitName);
      state = 1;
      return suspendOn(*Waiter);
    resume_1:
      try {
        resume_point();
        Waiter->result();
      } catch (...) {
        unwind();
        throw;
      }
      unwind();
      First = false;
    }
  }
  /// _wait_for_data's `finally: self._waiter = None`: whoever's waiter it
  /// is by then (a second reader's, when two read one stream).
  void unwind() noexcept override {
    if (!Waiter)
      return;
    S->Waiter.reset();
    Waiter.reset();
  }
  const char *function_name() const noexcept override { return Name; }

private:
  Ref<ReaderState> S;
  const char *Name;
  const char *WaitName; ///< who waits, in _wait_for_data's error
  Fn F;
  Ref<FutureImpl<void>> Waiter;
};

template <class Fn>
Coro<std::string> readerCoro(Ref<ReaderState> S, const char *Name, Fn F,
                             const char *WaitName = nullptr) {
  return Coro<std::string>::make_awaited<ReaderFrame<Fn>>(
      std::move(S), Name, WaitName ? WaitName : Name, std::move(F));
}

/// readuntil()'s body; Offset persists across waits.
struct ReadUntil {
  std::string Sep;
  std::size_t Offset = 0;
  std::optional<std::string> operator()(ReaderState &S, bool First) {
    if (First) {
      if (Sep.empty())
        throw ValueError("Separator should be at least one-byte string");
      if (S.Exc)
        std::rethrow_exception(S.Exc);
    }
    std::size_t BufLen = S.size();
    if (BufLen >= Offset && BufLen - Offset >= Sep.size()) {
      std::size_t ISep = findFrom(S.view(), Sep, Offset);
      if (ISep != std::string_view::npos) {
        if (ISep > S.Limit)
          throw LimitOverrunError(
              "Separator is found, but chunk is longer than limit", ISep);
        std::string Chunk = S.take(ISep + Sep.size());
        S.maybeResumeTransport();
        return Chunk;
      }
      Offset = BufLen + 1 - Sep.size();
      if (Offset > S.Limit)
        throw LimitOverrunError(
            "Separator is not found, and chunk exceed the limit", Offset);
    }
    if (S.Eof)
      throw IncompleteReadError(S.takeAll(), std::nullopt);
    return std::nullopt;
  }
};

} // namespace
} // namespace detail

using detail::ReaderState;
using detail::Ref;

StreamReader::StreamReader(const StreamReader &) = default;
StreamReader::StreamReader(StreamReader &&) noexcept = default;
StreamReader &StreamReader::operator=(const StreamReader &) = default;
StreamReader &StreamReader::operator=(StreamReader &&) noexcept = default;
StreamReader::~StreamReader() = default;
StreamReader::StreamReader() : StreamReader(stream_default_limit) {}
StreamReader::StreamReader(std::size_t Limit) : S(new ReaderState(Limit)) {}
StreamReader::StreamReader(Ref<ReaderState> S) : S(std::move(S)) {}

Coro<std::string> StreamReader::read(std::ptrdiff_t N) const {
  if (N >= 0)
    return detail::readerCoro(
        S, "read",
        [N](ReaderState &St, bool First) -> std::optional<std::string> {
          if (First && St.Exc)
            std::rethrow_exception(St.Exc);
          if (N == 0)
            return std::string();
          if (First && !St.size() && !St.Eof)
            return std::nullopt;
          std::string Data = St.take(std::min(std::size_t(N), St.size()));
          St.maybeResumeTransport();
          return Data;
        });
  // Until EOF: `while block := await self.read(self._limit): ...`
  return detail::readerCoro(
      S, "read",
      [Blocks = std::string()](
          ReaderState &St, bool First) mutable -> std::optional<std::string> {
        if (First && St.Exc)
          std::rethrow_exception(St.Exc);
        bool Waited = !First;
        for (;;) {
          // Each inner read() checks the exception first, except right
          // after its own wait.
          if (!Waited && St.Exc)
            std::rethrow_exception(St.Exc);
          if (!Waited && !St.size() && !St.Eof)
            return std::nullopt;
          Waited = false;
          std::string Block = St.take(std::min(St.Limit, St.size()));
          St.maybeResumeTransport();
          if (Block.empty())
            return std::move(Blocks);
          Blocks += Block;
        }
      });
}

Coro<std::string> StreamReader::readuntil(std::string Separator) const {
  return detail::readerCoro(S, "readuntil",
                            detail::ReadUntil{std::move(Separator)});
}

Coro<std::string> StreamReader::readline() const {
  return detail::readerCoro(
      S, "readline",
      [U = detail::ReadUntil{"\n"}](
          ReaderState &St, bool First) mutable -> std::optional<std::string> {
        try {
          return U(St, First);
        } catch (IncompleteReadError &E) {
          return E.partial();
        } catch (LimitOverrunError &E) {
          if (St.view().substr(std::min(E.consumed(), St.size()), 1) == "\n")
            St.take(E.consumed() + 1);
          else
            St.takeAll();
          St.maybeResumeTransport();
          throw ValueError(E.what());
        }
      },
      "readuntil"); // asyncio's readline() waits inside readuntil()
}

Coro<std::string> StreamReader::readexactly(std::ptrdiff_t N) const {
  return detail::readerCoro(
      S, "readexactly",
      [N](ReaderState &St, bool First) -> std::optional<std::string> {
        if (First) {
          if (N < 0)
            throw ValueError("readexactly size can not be less than zero");
          if (St.Exc)
            std::rethrow_exception(St.Exc);
          if (N == 0)
            return std::string();
        }
        if (St.size() < std::size_t(N)) {
          if (St.Eof)
            throw IncompleteReadError(St.takeAll(), std::size_t(N));
          return std::nullopt;
        }
        std::string Data = St.take(std::size_t(N));
        St.maybeResumeTransport();
        return Data;
      });
}

bool StreamReader::at_eof() const noexcept { return S->Eof && !S->size(); }
void StreamReader::feed_data(std::string_view Data) const { S->feedData(Data); }
void StreamReader::feed_eof() const { S->feedEof(); }
void StreamReader::set_exception(std::exception_ptr E) const {
  S->setException(std::move(E));
}
std::exception_ptr StreamReader::exception() const noexcept { return S->Exc; }
std::size_t StreamReader::limit() const noexcept { return S->Limit; }

} // namespace cosm
