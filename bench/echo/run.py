#!/usr/bin/env python3
"""Echo benchmark: cosm streams against asyncio and Boost.Asio.

Each server (examples/echo/echo_server, asyncio_server.py, asio_server.cpp)
echoes 1 KiB messages sent by the same load generator (examples/echo's
echo_client: CONNECTIONS connections, one message in flight on each). For
each server and for 1 and 10 connections it measures, on the server process
only:

  - user and system CPU per request: /proc/PID/stat utime/stime before and
    after the run (clock ticks; the run is long enough for a few hundred);
  - system calls per request: a second, shorter run under `strace -c -f -p`
    (strace slows the server down but does not change what it calls).

Usage: bench/echo/run.py [--build-dir build] [--requests 100000]
                         [--strace-requests 10000]
Installs what is missing (libboost-dev, strace, g++) with apt-get, builds
the two cosm examples in the build tree (configured already, e.g. by
./scripts/cosm build) and the Boost.Asio server next to them, shows its
progress on stderr and prints a Markdown table on stdout.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SIZE = 1024
PACKAGES = ["libboost-dev", "strace", "g++", "python3"]
TICK = os.sysconf("SC_CLK_TCK")


def progress(msg):
    sys.stderr.write(f"\r\033[K{msg}" if sys.stderr.isatty() else msg + "\n")
    sys.stderr.flush()


def installed(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg],
                       capture_output=True, text=True)
    return r.stdout == "install ok installed"


def install_missing():
    missing = [p for p in PACKAGES if not installed(p)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    progress(f"installing {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-q"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-q"] + missing,
                   check=True, env=env)


def build(build_dir):
    if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
        sys.exit(f"run.py: {build_dir} is not configured: run ./scripts/cosm "
                 "build first (or pass --build-dir)")
    progress("building examples/echo")
    subprocess.run(["cmake", "--build", build_dir, "--target",
                    "example_echo_echo_server", "example_echo_echo_client"],
                   check=True, stdout=subprocess.DEVNULL)
    out = os.path.join(build_dir, "bench-echo")
    os.makedirs(out, exist_ok=True)
    asio = os.path.join(out, "asio_server")
    src = os.path.join(HERE, "asio_server.cpp")
    if not os.path.exists(asio) or os.path.getmtime(asio) < os.path.getmtime(src):
        progress("building the Boost.Asio server")
        subprocess.run(["g++", "-std=c++17", "-O2", "-pthread", src, "-o", asio],
                       check=True)
    echo = os.path.join(build_dir, "examples", "echo")
    return {
        "servers": {
            "cosm": [os.path.join(echo, "echo_server")],
            "asyncio": [sys.executable, os.path.join(HERE, "asyncio_server.py")],
            "Boost.Asio": [asio],
        },
        "client": os.path.join(echo, "echo_client"),
    }


def start(cmd):
    proc = subprocess.Popen(cmd + ["0"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        proc.kill()
        sys.exit(f"run.py: {cmd[-1]} did not start")
    return proc, int(line.split()[-1])


def cpu(pid):
    """(user, system) seconds the process has used."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICK, int(fields[12]) / TICK


def load(client, port, conns, requests):
    per = requests // conns
    t0 = time.monotonic()
    r = subprocess.run([client, str(port), str(conns), str(per), str(SIZE)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"run.py: echo_client failed: {r.stdout}{r.stderr}")
    return per * conns, time.monotonic() - t0


def traced(pid):
    """Waits until strace has attached to pid."""
    for _ in range(200):
        with open(f"/proc/{pid}/status") as f:
            if any(l.startswith("TracerPid:") and l.split()[1] != "0" for l in f):
                return
        time.sleep(0.01)
    sys.exit("run.py: strace did not attach")


def syscalls(out_file):
    """{name: calls} and the total, from strace -c's table."""
    counts, total = {}, 0
    with open(out_file) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 5 or not parts[3].isdigit():
                continue
            if parts[-1] == "total":
                total = int(parts[3])
            else:
                counts[parts[-1]] = int(parts[3])
    return counts, total


def measure(name, cmd, client, conns, args, step, steps, out_dir):
    proc, port = start(cmd)
    try:
        load(client, port, conns, 200)  # warm-up (imports, allocations)
        progress(f"[{step}/{steps}] {name}, {conns} connection(s): "
                 f"{args.requests} requests, CPU")
        u0, s0 = cpu(proc.pid)
        n, wall = load(client, port, conns, args.requests)
        u1, s1 = cpu(proc.pid)
        progress(f"[{step}/{steps}] {name}, {conns} connection(s): "
                 f"{args.strace_requests} requests under strace")
        trace = os.path.join(out_dir, f"strace-{name}-{conns}.txt")
        st = subprocess.Popen(["strace", "-f", "-c", "-q", "-o", trace,
                               "-p", str(proc.pid)], stderr=subprocess.DEVNULL)
        traced(proc.pid)
        nt, _ = load(client, port, conns, args.strace_requests)
        st.send_signal(signal.SIGINT)
        st.wait()
        counts, total = syscalls(trace)
    finally:
        proc.kill()
        proc.wait()
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:3]
    return {
        "name": name, "conns": conns, "requests": n,
        "rate": n / wall,
        "user_us": (u1 - u0) / n * 1e6, "sys_us": (s1 - s0) / n * 1e6,
        "calls": total / nt,
        "top": ", ".join(f"{k} {v / nt:.2f}" for k, v in top),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    ap.add_argument("--requests", type=int, default=100000)
    ap.add_argument("--strace-requests", type=int, default=10000)
    args = ap.parse_args()
    args.build_dir = os.path.abspath(args.build_dir)
    install_missing()
    if not shutil.which("strace"):
        sys.exit("run.py: strace is missing")
    bins = build(args.build_dir)
    out_dir = os.path.join(args.build_dir, "bench-echo")
    rows, steps, step = [], 2 * len(bins["servers"]), 0
    for conns in (1, 10):
        for name, cmd in bins["servers"].items():
            step += 1
            rows.append(measure(name, cmd, bins["client"], conns, args, step,
                                steps, out_dir))
    progress("done\n" if sys.stderr.isatty() else "done")
    print(f"1 KiB echo, server process only; {args.requests} requests per row "
          f"(CPU), {args.strace_requests} under strace (system calls)\n")
    print("| server | connections | requests/s | user CPU µs/request | "
          "system CPU µs/request | system calls/request | most frequent calls/request |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for r in rows:
        print(f"| {r['name']} | {r['conns']} | {r['rate']:.0f} | "
              f"{r['user_us']:.2f} | {r['sys_us']:.2f} | {r['calls']:.2f} | "
              f"{r['top']} |")
    print(f"\nstrace -c tables: {out_dir}/strace-*.txt")


if __name__ == "__main__":
    main()
