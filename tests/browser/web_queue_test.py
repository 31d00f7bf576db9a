#!/usr/bin/env python3
"""The web work queue in headless Chromium against a real `ordex serve` (issue 6).

A rep signs in (after a wrong password shows an error), takes the next exception with `n`,
finds it in the queue filtered to its type and partner (the filters live in the URL), opens it
with the keyboard, adds a note (`a`), resolves it (`r`) and sees it leave that queue; then the
session ends server-side, and signing in again lands on the same view; last, the header's
daily report link opens the report. Any uncaught script error, console error or CSP violation
fails the test.

Python 3 stdlib only; Chromium is driven over --remote-debugging-pipe, so no network or port
beyond the daemon's own on 127.0.0.1.

    web_queue_test.py --ordex build/dev/app/ordex --source-dir . --out-dir build/dev/tests/browser
                      [--docs-screenshot docs/web-queue.png] [--chromium /usr/bin/chromium]

Exit status 0 pass, 1 fail. On failure: <out-dir>/web-queue-failure.png and the daemon's log.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cdp import Browser, CdpError, find_chromium  # noqa: E402
from ordex_daemon import DaemonError, SeededDaemon  # noqa: E402

USER, ROLE, PASSWORD = "rita", "rep", "correct horse battery staple"
NOTE = "Called the buyer: a replacement PO is on its way."
REASON = "Buyer confirmed the change; order corrected."


class Failure(Exception):
    pass


def js(value):
    """A Python value as a JavaScript literal, for building expressions safely."""
    return json.dumps(value)


def visible(selector):
    return (f"(() => {{ const e = document.querySelector({js(selector)});"
            " return !!e && e.getClientRects().length > 0; })()")


def text_of(selector):
    return f"(document.querySelector({js(selector)}) || {{}}).textContent || ''"


def api_get(path):
    """Fetches the API from inside the page (its session cookie goes along)."""
    return (f"fetch({js('/api/v1' + path)}, {{credentials: 'same-origin'}})"
            ".then(r => r.json().then(body => ({status: r.status, body})))")


class Scenario:
    def __init__(self, page, base_url):
        self.page = page
        self.url = base_url

    def expect(self, condition, message):
        if not condition:
            raise Failure(message)

    def fill(self, selector, text):
        # Clear, focus, then type as a keyboard would (input events fire).
        self.page.evaluate(f"(() => {{ const e = document.querySelector({js(selector)});"
                           " e.value = ''; e.focus(); })()")
        self.page.type_text(text)

    def rows(self):
        return self.page.evaluate(
            "[...document.querySelectorAll('#rows tr')].map(tr => Number(tr.dataset.id))")

    def queue_loaded(self):
        """Waits for the queue page with its rows (not mid-load) and returns the row ids."""
        self.page.wait_for(visible("#queue") + " && !document.getElementById('grid')"
                           ".hasAttribute('aria-busy')", "the queue page")
        return self.rows()

    def unfocus(self):
        # Shortcuts are ignored while a field has focus: give the keys to the page.
        self.page.evaluate("document.activeElement && document.activeElement.blur()")

    def sign_in(self, password):
        self.fill("#login-user", USER)
        self.fill("#login-password", password)
        self.page.press("Enter")

    def step_wrong_password(self):
        self.page.navigate(self.url + "/")
        self.page.wait_for(visible("#login-form"), "the login form")
        self.sign_in("not-" + PASSWORD)
        error = self.page.wait_for(visible("#login-error") + f" && {text_of('#login-error')}",
                                   "the wrong-password message")
        self.expect("wrong" in error.lower(), f"wrong password: unexpected message {error!r}")
        self.expect(not self.page.evaluate(visible("#queue")), "wrong password showed the queue")

    def step_sign_in(self):
        self.sign_in(PASSWORD)
        ids = self.queue_loaded()
        self.expect(len(ids) > 0, "the demo week's queue is empty after signing in")
        who = self.page.evaluate(text_of("#who"))
        self.expect(USER in who, f"header does not name the user: {who!r}")
        self.expect(self.page.evaluate("location.pathname") == "/ui/",
                    "/ did not settle on /ui/")

    def step_take_next(self):
        self.unfocus()
        self.page.press("n")
        path = self.page.wait_for(
            "/^\\/ui\\/exceptions\\/\\d+$/.test(location.pathname) && location.pathname",
            "the next exception's page after pressing n")
        taken = int(path.rsplit("/", 1)[1])
        self.page.wait_for(f"{text_of('#detail-title')}.includes('#{taken}')",
                           f"the page of exception #{taken}")
        got = self.page.evaluate(api_get(f"/exceptions/{taken}"))
        self.expect(got["status"] == 200, f"GET exception {taken}: {got}")
        exception = got["body"]
        self.expect(exception.get("claimed_by") == USER,
                    f"n did not claim #{taken} for {USER}: "
                    f"claimed_by={exception.get('claimed_by')!r}")
        return exception

    def step_find_in_filtered_queue(self, exception):
        # The filters are in the URL: a bookmark of this view shows just this type and partner.
        query = f"?type={exception['type']}&partner={exception['partner']}"
        self.page.navigate(self.url + "/ui/" + query)
        ids = self.queue_loaded()
        self.expect(exception["id"] in ids,
                    f"#{exception['id']} is not in the queue {query}: {ids}")
        selected = self.page.evaluate("document.getElementById('filter-type').value")
        self.expect(selected == exception["type"], f"the type filter shows {selected!r}")
        # Walk the cursor to it with j, open it with Enter.
        self.unfocus()
        for _ in range(ids.index(exception["id"])):
            self.page.press("j")
        cursor = self.page.evaluate("Number(document.querySelector('#rows tr.cursor').dataset.id)")
        self.expect(cursor == exception["id"], f"j moved the cursor to #{cursor}")
        self.page.press("Enter")
        self.page.wait_for(f"location.pathname === '/ui/exceptions/{exception['id']}'",
                           "the exception page after Enter")
        self.page.wait_for(f"{text_of('#detail-title')}.includes('#{exception['id']}')",
                           "the exception page's title")
        return query

    def dialog(self, key, text, what):
        self.unfocus()
        self.page.press(key)
        self.page.wait_for("document.getElementById('action-dialog').open", f"the {what} dialog")
        focused = self.page.evaluate("document.activeElement.tagName")
        self.expect(focused == "TEXTAREA", f"the {what} dialog did not focus its field ({focused})")
        self.page.type_text(text)
        self.page.evaluate("document.getElementById('action-ok').click()")
        self.page.wait_for("!document.getElementById('action-dialog').open",
                           f"the {what} dialog to close (error: "
                           f"{self.page.evaluate(text_of('#action-error'))!r})")

    def step_note(self, exception):
        self.dialog("a", NOTE, "note")
        self.page.wait_for(f"{text_of('#detail')}.includes({js(NOTE)})",
                           "the note in the audit trail")

    def step_resolve(self, exception, query):
        self.dialog("r", REASON, "resolve")
        self.page.wait_for(f"location.pathname === '/ui/' && location.search === {js(query)}",
                           "the filtered queue after resolving")
        ids = self.queue_loaded()
        self.expect(exception["id"] not in ids,
                    f"#{exception['id']} is still in the queue after resolving: {ids}")
        flash = self.page.evaluate(text_of("#flash"))
        self.expect(f"#{exception['id']}" in flash, f"no confirmation of the resolve: {flash!r}")
        got = self.page.evaluate(api_get(f"/exceptions/{exception['id']}"))["body"]
        self.expect(got.get("status") == "resolved", f"the API says status {got.get('status')!r}")
        audit = json.dumps(got.get("audit", []))
        for needle in (NOTE, REASON, USER):
            self.expect(needle in audit, f"the audit trail lacks {needle!r}: {audit[:800]}")

    def step_session_lost(self, query):
        # The session ends on the server (as after the idle expiry); the next call gets 401.
        ended = self.page.evaluate(
            "fetch('/api/v1/me').then(r => r.json()).then(me => fetch('/api/v1/logout', "
            "{method: 'POST', headers: {'X-CSRF-Token': me.csrf_token}})).then(r => r.status)")
        self.expect(ended in (200, 204), f"logout answered {ended}")
        self.unfocus()
        self.page.press("3")  # the At risk view
        self.page.wait_for(visible("#login-form"), "the login form after the session ended")
        where = self.page.evaluate("location.pathname + location.search")
        self.expect("view=at_risk" in where, f"the URL lost the view: {where}")
        self.sign_in(PASSWORD)
        self.queue_loaded()
        after = self.page.evaluate("location.pathname + location.search")
        self.expect(after == where, f"after signing in again the page moved: {where} -> {after}")
        current = self.page.evaluate(text_of("#views [aria-current=page]"))
        self.expect(current.startswith("At risk"), f"the current tab is {current!r}")

    def step_daily_report(self):
        # The header's link, followed in this tab: the report must render with its own styles
        # under the daemon's Content-Security-Policy (a blocked style shows up as a problem).
        href = self.page.evaluate("document.getElementById('report-link').href")
        self.expect(href == self.url + "/api/v1/reports/daily?format=html",
                    f"the daily report link goes to {href}")
        mark = self.page.mark()
        self.page.navigate(href)
        title = self.page.wait_for("document.readyState === 'complete' && document.title",
                                   "the daily report page")
        self.expect("daily exception report" in title.lower(), f"the report's title is {title!r}")
        self.page.browser.pump(0.3)
        blocked = [p for p in self.page.problems(since=mark) if not p.startswith("network:")]
        self.expect(not blocked,
                    "the daily report page reported problems:\n  " + "\n  ".join(blocked))

    def step_portrait(self, paths):
        self.page.navigate(self.url + "/ui/")
        ids = self.queue_loaded()
        self.expect(len(ids) > 0, "the queue is empty at the end")
        self.page.wait_for("document.querySelectorAll('#views .count').length === 6",
                           "the view counts")
        self.page.evaluate("document.activeElement && document.activeElement.blur()")
        for path in paths:
            self.page.screenshot(path)


def real_problems(page):
    # 4xx answers from the API are part of the scenario (401 before signing in, the wrong
    # password); Chromium logs each as a network error. Anything else is a real problem.
    return [p for p in page.problems()
            if not (p.startswith("network:") and "/api/v1/" in p)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ordex", required=True, help="the ordex executable")
    parser.add_argument("--source-dir", required=True, help="the repository (for samples/)")
    parser.add_argument("--out-dir", required=True, help="where screenshots go")
    parser.add_argument("--docs-screenshot", help="also save the queue page here (the README's)")
    parser.add_argument("--chromium", help="the browser (default: chromium on PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    chromium = find_chromium(args.chromium)
    if not chromium:
        print("FAIL: no chromium found; scripts/setup installs Debian's chromium package",
              file=sys.stderr)
        return 1
    os.makedirs(args.out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="ordex-web-")
    failure_png = os.path.join(args.out_dir, "web-queue-failure.png")
    if os.path.exists(failure_png):
        os.remove(failure_png)
    page = None
    daemon = SeededDaemon(os.path.abspath(args.ordex), os.path.abspath(args.source_dir), work,
                          users=[(USER, ROLE, PASSWORD)])
    status = 1
    try:
        with daemon:
            profile = os.path.join(work, "chromium")
            os.makedirs(profile)
            with Browser.launch(chromium, profile) as browser:
                page = browser.new_page()
                scenario = Scenario(page, daemon.url)
                try:
                    scenario.step_wrong_password()
                    scenario.step_sign_in()
                    taken = scenario.step_take_next()
                    query = scenario.step_find_in_filtered_queue(taken)
                    scenario.step_note(taken)
                    scenario.step_resolve(taken, query)
                    scenario.step_session_lost(query)
                    shots = [os.path.join(args.out_dir, "web-queue.png")]
                    if args.docs_screenshot:
                        shots.append(args.docs_screenshot)
                    scenario.step_portrait(shots)
                    browser.pump(0.3)
                    problems = real_problems(page)
                    if problems:
                        raise Failure("the page reported problems:\n  " + "\n  ".join(problems))
                    scenario.step_daily_report()
                    print(f"PASS: took, noted and resolved #{taken['id']} "
                          f"({taken['type']} {taken['partner']}); screenshots: {', '.join(shots)}")
                    status = 0
                except (Failure, CdpError) as error:
                    print(f"FAIL: {error}", file=sys.stderr)
                    report_failure(page, failure_png)
    except (DaemonError, CdpError, OSError) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        traceback.print_exc()
    finally:
        if status != 0:
            print("--- ordex serve log (tail) ---\n" + daemon.log_tail(), file=sys.stderr)
        if args.keep or status != 0:
            print(f"(temporary files kept in {work})", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return status


def report_failure(page, png):
    try:
        page.screenshot(png)
        print(f"screenshot: {png}", file=sys.stderr)
        print("at: " + str(page.evaluate("location.href")), file=sys.stderr)
        print("flash: " + str(page.evaluate(text_of("#flash"))), file=sys.stderr)
    except CdpError as error:
        print(f"(no screenshot: {error})", file=sys.stderr)
    for problem in page.problems():
        print("page: " + problem, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
