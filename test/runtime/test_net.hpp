//===- test_net.hpp - Helpers for the networking tests ---------*- C++ -*-===//
///
/// \file
/// The networking tests drive one loop with run_until_complete() step by
/// step, as a Python test would with loop.run_until_complete(): servers and
/// their handler tasks live on between the steps.
///
//===----------------------------------------------------------------------===//
#ifndef COSM_TEST_NET_HPP
#define COSM_TEST_NET_HPP

#include "test_frames.hpp"

#include <functional>
#include <string>
#include <utility>

namespace cosm_test {

/// A client_connected_cb that answers each line with the line in upper
/// case, until EOF.
inline cosm::Coro<void> upperEcho(cosm::StreamReader R, cosm::StreamWriter W) {
  return lambda_coro(
      "upper_echo", [R, W, C = cosm::Coro<std::string>()](auto &F) mutable {
        if (F.state == 1)
          goto resume_1;
        for (;;) {
          AWAIT_CORO(F, 1, C, R.readline());
          {
            std::string Line = C.take_result();
            if (Line.empty())
              break;
            for (char &Ch : Line)
              Ch = char(std::toupper(static_cast<unsigned char>(Ch)));
            W.write(Line);
          }
        }
        W.close();
        return F.finish();
      });
}

/// Sends Line on a new connection from open() and returns the answer line.
inline std::string
roundTrip(cosm::Loop &L,
          cosm::Coro<std::pair<cosm::StreamReader, cosm::StreamWriter>> Open,
          const std::string &Line, cosm::SocketAddress *Peer = nullptr) {
  auto [R, W] = L.run_until_complete(std::move(Open));
  if (Peer)
    *Peer = W.peername();
  W.write(Line);
  std::string Answer = L.run_until_complete(R.readline());
  W.close();
  L.run_until_complete(W.wait_closed());
  return Answer;
}

/// Runs passes (sleeping briefly) until Done() or about ten seconds.
inline bool runUntil(cosm::Loop &L, const std::function<bool()> &Done) {
  for (int I = 0; I < 1000 && !Done(); ++I)
    L.run_until_complete(cosm::sleep(0.01));
  return Done();
}

/// The text of the exception Fn throws, with its cosm type when it is one
/// of the networking errors, or "no exception".
template <class F> std::string errorOf(F &&Fn) {
  try {
    Fn();
  } catch (const cosm::gaierror &E) {
    return std::string("gaierror ") + E.what();
  } catch (const cosm::ConnectionRefusedError &E) {
    return std::string("ConnectionRefusedError ") + E.what();
  } catch (const cosm::FileNotFoundError &E) {
    return std::string("FileNotFoundError ") + E.what();
  } catch (const cosm::PermissionError &E) {
    return std::string("PermissionError ") + E.what();
  } catch (const cosm::OSError &E) {
    return std::string("OSError ") + E.what();
  } catch (const cosm::OverflowError &E) {
    return std::string("OverflowError ") + E.what();
  } catch (const cosm::ValueError &E) {
    return std::string("ValueError ") + E.what();
  } catch (const cosm::RuntimeError &E) {
    return std::string("RuntimeError ") + E.what();
  }
  return "no exception";
}

} // namespace cosm_test

#endif // COSM_TEST_NET_HPP
