"""A small Chrome DevTools Protocol client over --remote-debugging-pipe (Python 3 stdlib only).

Chromium reads commands from fd 3 and writes replies and events to fd 4, each message one JSON
object followed by a NUL byte. A pipe needs no port, no websocket and no network, so the browser
test runs on an offline build machine and never collides with another test's port.

    with Browser.launch(chromium, profile_dir) as browser:
        page = browser.new_page()
        page.navigate("http://127.0.0.1:8080/")
        page.wait_for("document.querySelector('#login') !== null", "the login form")
"""

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time


class CdpError(Exception):
    """A DevTools command failed, the browser went away, or a wait timed out."""


def find_chromium(explicit=None):
    for name in [explicit, os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome", "google-chrome-stable"]:
        if name:
            path = shutil.which(name) or (name if os.path.isfile(name) else None)
            if path:
                return path
    return None


class Browser:
    def __init__(self, process, to_browser, from_browser):
        self._process = process
        self._out = to_browser
        self._in = from_browser
        self._buffer = b""
        self._next_id = 0
        self.events = []  # every event received, in order: {"method", "params", "sessionId"}

    @classmethod
    def launch(cls, chromium, profile_dir, width=1440, height=900):
        # Our ends: we write commands into `commands_w`, read replies from `replies_r`.
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()

        def child_fds():
            # Chromium expects the pipe on exactly fds 3 (its input) and 4 (its output). Copy
            # both above 9 first so that neither dup2 overwrites the other's source; dup2 leaves
            # 3 and 4 inheritable, and every other descriptor Python opened closes on exec.
            source_r = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
            source_w = fcntl.fcntl(replies_w, fcntl.F_DUPFD, 10)
            os.dup2(source_r, 3)
            os.dup2(source_w, 4)

        args = [
            chromium, "--headless", "--remote-debugging-pipe",
            f"--user-data-dir={profile_dir}", f"--window-size={width},{height}",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-dev-shm-usage", "--disable-gpu",
            "--metrics-recording-only", "--password-store=basic", "--use-mock-keychain",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            "about:blank",
        ]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=open(os.path.join(profile_dir, "chromium.log"), "wb"),
            preexec_fn=child_fds, close_fds=False)
        os.close(commands_r)
        os.close(replies_w)
        browser = cls(process, commands_w, replies_r)
        browser.call("Browser.getVersion", timeout=30)
        return browser

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._process.poll() is None:
            try:
                self.call("Browser.close", timeout=5)
            except CdpError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass

    def _send(self, message):
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self._out, data)
            data = data[written:]

    def _receive(self, deadline):
        """Returns the next message, or raises CdpError at the deadline or if the browser died."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CdpError("timed out waiting for the browser")
            ready, _, _ = select.select([self._in], [], [], min(left, 0.5))
            if not ready:
                if self._process.poll() is not None:
                    raise CdpError(f"chromium exited with {self._process.returncode}")
                continue
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise CdpError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method, params=None, session_id=None, timeout=30):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        self._send(message)
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def pump(self, seconds):
        """Collects events for a while (console messages, exceptions) without a command."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                message = self._receive(deadline)
                if "method" in message:
                    self.events.append(message)
        except CdpError:
            pass

    def new_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})
        page = Page(self, session["sessionId"])
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            page.call(domain)
        # A headless page is never "focused"; without this, focus() and key events misbehave.
        page.call("Emulation.setFocusEmulationEnabled", {"enabled": True})
        return page


# What Input.dispatchKeyEvent needs for the keys the test presses.
_KEYS = {
    "Enter": {"code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "Escape": {"code": "Escape", "windowsVirtualKeyCode": 27},
    "/": {"code": "Slash", "windowsVirtualKeyCode": 191, "text": "/"},
}


class Page:
    def __init__(self, browser, session_id):
        self.browser = browser
        self.session_id = session_id

    def call(self, method, params=None, timeout=30):
        return self.browser.call(method, params, self.session_id, timeout)

    def navigate(self, url):
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise CdpError(f"navigating to {url}: {result['errorText']}")

    def evaluate(self, expression, timeout=30):
        """The value of a JavaScript expression (awaited if it is a promise)."""
        result = self.call("Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True,
            "userGesture": True}, timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CdpError(f"script failed: {text}\n  in: {expression}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression, what, timeout=20):
        """Polls until the expression is truthy; returns its value or raises naming `what`."""
        deadline = time.monotonic() + timeout
        last_error = None
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
                if value:
                    return value
            except CdpError as error:
                last_error = error  # the page may be mid-navigation
            time.sleep(0.1)
        raise CdpError(f"timed out after {timeout}s waiting for {what}"
                       + (f" (last error: {last_error})" if last_error else ""))

    def press(self, key):
        """A real key press (keydown, keypress/char, keyup) to whatever has focus."""
        spec = _KEYS.get(key)
        if spec is None:
            if len(key) != 1:
                raise CdpError(f"no key description for {key!r}")
            spec = {"code": f"Key{key.upper()}" if key.isalpha() else "",
                    "windowsVirtualKeyCode": ord(key.upper()), "text": key}
        down = {"type": "keyDown" if "text" in spec else "rawKeyDown", "key": key, **spec}
        self.call("Input.dispatchKeyEvent", down)
        up = {"type": "keyUp", "key": key, "code": spec.get("code", ""),
              "windowsVirtualKeyCode": spec["windowsVirtualKeyCode"]}
        self.call("Input.dispatchKeyEvent", up)

    def type_text(self, text):
        """Types into the focused field as the keyboard would (input events fire)."""
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": False})
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        with open(path, "wb") as out:
            out.write(base64.b64decode(data["data"]))

    def mark(self):
        """A point in the event log, for problems(since=...)."""
        return len(self.browser.events)

    def problems(self, since=0):
        """Uncaught exceptions, console errors and CSP violations this page reported."""
        found = []
        for event in self.browser.events[since:]:
            if event.get("sessionId") != self.session_id:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append("uncaught: " + (details.get("exception", {}).get("description")
                                             or details.get("text", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append("console.error: " + " ".join(
                    str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                found.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")
        return found
