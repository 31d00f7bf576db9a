"""A real `ordex serve` on a throwaway SQLite database seeded with the demo week (the same
commands as scripts/demo), with one user to sign in as. Python 3 stdlib only.

    with SeededDaemon(ordex, source_dir, work_dir, users=[("rita", "rep", "pw")]) as daemon:
        daemon.url  # "http://127.0.0.1:PORT"
"""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

# The demo week's "now" (scripts/demo): the data was written for it.
DEMO_AS_OF = "2026-11-23T08:00:00-06:00"


class DaemonError(Exception):
    pass


def free_port():
    # The kernel picks a free port; the daemon binds it a moment later. Another process could
    # take it in between, which the start-up check below reports rather than hangs on.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SeededDaemon:
    def __init__(self, ordex, source_dir, work_dir, users):
        self.ordex = ordex
        self.source_dir = source_dir
        self.work_dir = work_dir
        self.users = users  # [(name, role, password)]
        self.db = os.path.join(work_dir, "ordex.db")
        self.log_path = os.path.join(work_dir, "serve.log")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def _run(self, args, ok_codes=(0,), stdin_text=None):
        result = subprocess.run([self.ordex] + args, input=stdin_text, capture_output=True,
                                text=True, timeout=300)
        if result.returncode not in ok_codes:
            raise DaemonError(f"ordex {' '.join(args)} exited {result.returncode}:\n"
                              f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
        return result

    def seed(self):
        samples = os.path.join(self.source_dir, "samples")
        self._run(["master", "load", "--db", self.db, os.path.join(samples, "master")])
        # 1 means "imported, and some input was rejected": the demo week has rejects on purpose.
        self._run(["run", "--db", self.db, "--as-of", DEMO_AS_OF,
                   os.path.join(samples, "inbound")], ok_codes=(0, 1))
        for name, role, password in self.users:
            # `ordex user add` reads the password from stdin when it is not a terminal: never on
            # the command line, where ps would show it.
            self._run(["user", "add", "--db", self.db, "--role", role, name],
                      stdin_text=password + "\n")

    def start(self):
        config = os.path.join(self.work_dir, "serve.properties")
        with open(config, "w") as out:
            out.write(f"serve.db = {self.db}\n"
                      "serve.http.host = 127.0.0.1\n"
                      f"serve.http.port = {self.port}\n"
                      "serve.http.threads = 4\n"
                      f"serve.pid_file = {os.path.join(self.work_dir, 'ordex.pid')}\n")
        self.process = subprocess.Popen(
            [self.ordex, "serve", "--config", config], stdin=subprocess.DEVNULL,
            stdout=open(self.log_path, "ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DaemonError(f"ordex serve exited {self.process.returncode} at start:\n"
                                  + self.log_tail())
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        raise DaemonError("ordex serve was not ready within 60 s:\n" + self.log_tail())

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: the daemon's clean stop
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise DaemonError("ordex serve did not stop within 20 s of SIGTERM")

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as log:
                return "".join(log.readlines()[-lines:])
        except OSError:
            return "(no log)"

    def __enter__(self):
        self.seed()
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
