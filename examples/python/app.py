"""A tiny shop with a referral program, on the standard library's http.server.

    REFERRAL_LIBRARY=build/libreferral.so PYTHONPATH=bindings/python \
        python3 examples/python/app.py --db /tmp/shop.db --port 8000

Routes:
  /                    advocates, and a form to join as one
  /advocate/<id>       the advocate's code, share link and stats
  /r/<code>            landing page: records the click, sets the visitor cookie
  /shop                a product with a checkout form
  POST /checkout       records the conversion (idempotent on the order id)
  /explain/<order>     why the order was credited as it was
"""
from __future__ import annotations

import argparse
import html
import os
import sys
import uuid
from http import cookies
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from typing import Dict, Optional, Tuple
from urllib.parse import parse_qs, quote, unquote

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bindings", "python"))
import referral  # noqa: E402

PROGRAM = "shop-demo"
PRICE_MINOR = 4900  # EUR 49.00
CURRENCY = "EUR"
COOKIE = "visitor"


class Shop:
    """The app's state: a store, and the share code it handed to each advocate.

    The C API cannot list an advocate's codes yet, so the app remembers the
    code it issued; after a restart an advocate gets a new one (old codes
    keep working).
    """

    def __init__(self, store: referral.Store) -> None:
        self.store = store
        self.codes: Dict[str, str] = {}
        try:
            store.get_program(PROGRAM)
        except referral.NotFoundError:
            store.create_program(PROGRAM, "Shop demo")
        self.join("alice", "Alice")

    def join(self, external_id: str, name: str) -> referral.Code:
        try:
            self.store.add_advocate(external_id, display_name=name)
        except referral.ExistsError:
            pass
        return self.code_for(external_id)

    def code_for(self, external_id: str) -> referral.Code:
        if external_id in self.codes:
            return self.store.get_code(self.codes[external_id])
        code = self.store.issue_code(PROGRAM, external_id, channel="other")
        self.codes[external_id] = code.code
        return code


def page(title: str, body: str) -> bytes:
    return ("<!doctype html><meta charset=utf-8><title>%s</title>"
            "<body style='font-family:sans-serif;max-width:40em;margin:2em auto'>"
            "<p><a href='/'>home</a> &middot; <a href='/shop'>shop</a></p><h1>%s</h1>%s"
            % (html.escape(title), html.escape(title), body)).encode("utf-8")


def money(minor: int) -> str:
    return "%s %d.%02d" % (CURRENCY, minor // 100, minor % 100)


class Handler(BaseHTTPRequestHandler):
    shop: Shop  # set by make_server

    # -- plumbing -------------------------------------------------------------

    def send(self, status: int, body: bytes, headers: Optional[Dict[str, str]] = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def visitor(self) -> Optional[str]:
        jar = cookies.SimpleCookie(self.headers.get("Cookie", ""))
        return jar[COOKIE].value if COOKIE in jar else None

    def form(self) -> Dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        data = parse_qs(self.rfile.read(length).decode("utf-8"))
        return {k: v[0] for k, v in data.items()}

    def log_message(self, fmt: str, *args: object) -> None:
        if os.environ.get("SHOP_QUIET") is None:
            super().log_message(fmt, *args)

    def route(self) -> Tuple[str, str]:
        path = self.path.split("?", 1)[0]
        parts = path.strip("/").split("/", 1)
        return parts[0], unquote(parts[1]) if len(parts) > 1 else ""

    # -- routes ---------------------------------------------------------------

    def do_GET(self) -> None:
        name, arg = self.route()
        routes = {"": self.home, "advocate": self.advocate, "r": self.landing,
                  "shop": self.product, "explain": self.explain}
        if name not in routes:
            return self.send(404, page("Not found", ""))
        try:
            routes[name](arg)
        except referral.NotFoundError as e:
            self.send(404, page("Not found", "<p>%s</p>" % html.escape(e.message)))

    def do_POST(self) -> None:
        name, _ = self.route()
        if name == "checkout":
            self.checkout(self.form())
        elif name == "join":
            form = self.form()
            try:
                self.shop.join(form.get("id", ""), form.get("name", ""))
            except referral.InvalidError as e:
                return self.send(400, page("Cannot join", "<p>%s</p>" % html.escape(e.message)))
            self.send(303, b"", {"Location": "/advocate/" + quote(form["id"])})
        else:
            self.send(404, page("Not found", ""))

    def home(self, _arg: str) -> None:
        items = "".join("<li><a href='/advocate/%s'>%s</a> (%s)</li>"
                        % (quote(a.external_id), html.escape(a.display_name or a.external_id),
                           a.kind.name.lower())
                        for a in self.shop.store.advocates())
        form = ("<form method=post action=/join><input name=id placeholder='your id'> "
                "<input name=name placeholder='your name'> <button>Join</button></form>")
        self.send(200, page("Advocates", "<ul>%s</ul><h2>Become an advocate</h2>%s"
                            % (items, form)))

    def advocate(self, external_id: str) -> None:
        store = self.shop.store
        adv = store.get_advocate(external_id)
        code = self.shop.code_for(external_id)
        link = "http://%s/r/%s" % (self.headers.get("Host", "localhost"), quote(code.display))
        st = store.stats(PROGRAM, external_id)
        rows = [("Code", code.display), ("Share link", "<a href='%s'>%s</a>" % (link, link)),
                ("Clicks", st.touchpoints), ("Unique visitors", st.unique_visitors),
                ("Referred orders", st.attributed_conversions),
                ("Referred sales", money(st.values.get(CURRENCY, 0))),
                ("Conversion rate", "%.0f%%" % (100 * st.conversion_rate)),
                ("Score", "not in the C API yet")]
        table = "".join("<tr><th align=left>%s</th><td>%s</td></tr>"
                        % (k, v if k == "Share link" else html.escape(str(v))) for k, v in rows)
        self.send(200, page(adv.display_name or adv.external_id, "<table>%s</table>" % table))

    def landing(self, code: str) -> None:
        try:
            tp = self.shop.store.record_touchpoint(
                code, self.visitor(), landing_url=self.path,
                ip=self.client_address[0], user_agent=self.headers.get("User-Agent"))
        except referral.CheckError:
            return self.send(400, page("Check the code", "<p>That code looks mistyped.</p>"))
        except (referral.ExpiredError, referral.DisabledError, referral.ExhaustedError) as e:
            return self.send(410, page("Code no longer valid", "<p>%s</p>"
                                       % html.escape(e.message)))
        except referral.InvalidError:
            return self.send(400, page("Not a code", ""))
        adv = self.shop.store.get_advocate(tp.advocate)
        cookie = "%s=%s; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax" % (COOKIE, tp.visitor_id)
        self.send(200, page("Welcome!", "<p>%s invited you. <a href='/shop'>Go shopping</a>.</p>"
                            % html.escape(adv.display_name or adv.external_id)),
                  {"Set-Cookie": cookie})

    def product(self, _arg: str) -> None:
        order = uuid.uuid4().hex  # the idempotency key: a reload cannot buy twice
        self.send(200, page("A very good teapot", (
            "<p>%s</p><form method=post action=/checkout><input type=hidden name=order value=%s>"
            "<button>Buy</button></form>") % (money(PRICE_MINOR), order)))

    def checkout(self, form: Dict[str, str]) -> None:
        visitor = self.visitor() or "anon-" + uuid.uuid4().hex
        try:
            conv = self.shop.store.record_conversion(PROGRAM, visitor, form.get("order", ""),
                                                     value_minor=PRICE_MINOR, currency=CURRENCY)
        except referral.InvalidError as e:
            return self.send(400, page("Bad order", "<p>%s</p>" % html.escape(e.message)))
        credit = ", ".join("%s (%s)" % (c.advocate, money(c.value_minor)) for c in conv.credits)
        text = ("<p>Order %s: %s.</p><p>Referred by: %s. <a href='/explain/%s'>Why?</a></p>"
                % (html.escape(conv.order_id), money(conv.value_minor),
                   html.escape(credit or "nobody"), quote(conv.order_id)))
        if conv.duplicate:
            text = "<p>(This order was already recorded.)</p>" + text
        self.send(200, page("Thank you!", text))

    def explain(self, order: str) -> None:
        ex = self.shop.store.explain(PROGRAM, order)
        touches = "".join("<li>%s: %s via %s &mdash; %s</li>"
                          % (t.at.isoformat(), html.escape(t.advocate), html.escape(t.code),
                             html.escape(t.note)) for t in ex.touches)
        self.send(200, page("Order " + order, "<p>%s</p><ul>%s</ul>"
                            % (html.escape(ex.summary), touches)))


def make_server(store: referral.Store, host: str = "127.0.0.1", port: int = 8000,
                threading: bool = True) -> HTTPServer:
    """An HTTP server for the shop (port 0 picks a free port)."""
    handler = type("ShopHandler", (Handler,), {"shop": Shop(store)})
    server_class = ThreadingHTTPServer if threading else HTTPServer
    return server_class((host, port), handler)


def main() -> None:
    ap = argparse.ArgumentParser(description="Referral demo shop")
    ap.add_argument("--db", default="shop-demo.db", help="store file (default %(default)s)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args()
    with referral.Store(args.db) as store:
        server = make_server(store, args.host, args.port)
        print("shop on http://%s:%d/ (store %s); Ctrl-C stops" % (args.host,
                                                                  server.server_port, args.db))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


if __name__ == "__main__":
    main()
