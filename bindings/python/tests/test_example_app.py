"""The examples/python web app, driven over HTTP: click -> cookie -> checkout -> stats."""
import http.cookiejar
import importlib.util
import os
import re
import threading
import unittest
import urllib.error
import urllib.parse
import urllib.request

from support import REPO_ROOT, referral

APP = os.path.join(REPO_ROOT, "examples", "python", "app.py")


@unittest.skipUnless(os.path.exists(APP), "examples/python/app.py not found")
class TestExampleApp(unittest.TestCase):
    def setUp(self):
        os.environ["SHOP_QUIET"] = "1"
        spec = importlib.util.spec_from_file_location("shop_app", APP)
        self.app = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.app)
        self.store = referral.Store(":memory:")
        self.server = self.app.make_server(self.store, port=0)
        self.base = "http://127.0.0.1:%d" % self.server.server_port
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        # A browser's agent: urllib's own ("Python-urllib/3.x") is an HTTP
        # library's, and its clicks are kept but counted nowhere.
        self.opener.addheaders = [("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0)"
                                   " Gecko/20100101 Firefox/121.0")]

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
        self.store.close()

    def get(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        with self.opener.open(self.base + path, body) as resp:
            return resp.status, resp.read().decode("utf-8")

    def status_of(self, path):
        try:
            return self.get(path)[0]
        except urllib.error.HTTPError as e:
            return e.code

    def test_referral_flow(self):
        status, body = self.get("/advocate/alice")
        self.assertEqual(status, 200)
        code = re.search(r"/r/([0-9A-Z]+)", body).group(1)
        self.assertIn("<td>0</td>", body)  # no clicks yet

        status, body = self.get("/r/" + code.lower())
        self.assertEqual(status, 200)
        self.assertIn("Alice invited you", body)
        visitor = {c.name: c.value for c in self.jar}["visitor"]
        self.assertEqual(self.store.stats(self.app.PROGRAM).unique_visitors, 1)

        _, body = self.get("/shop")
        order = re.search(r"name=order value=(\w+)", body).group(1)
        _, body = self.get("/checkout", {"order": order})
        self.assertIn("Referred by: alice (EUR 49.00)", body)
        _, body = self.get("/checkout", {"order": order})  # a reload
        self.assertIn("already recorded", body)

        conv = self.store.get_conversion(self.app.PROGRAM, order)
        self.assertEqual((conv.visitor_id, conv.value_minor), (visitor, 4900))
        st = self.store.stats(self.app.PROGRAM, "alice")
        self.assertEqual((st.touchpoints, st.attributed_conversions, st.values),
                         (1, 1, {"EUR": 4900}))

        _, body = self.get("/advocate/alice")
        self.assertIn("EUR 49.00", body)
        _, body = self.get("/explain/" + order)
        self.assertIn("last touch", body)

    def test_join_and_home(self):
        status, body = self.get("/join", {"id": "bob", "name": "Bob"})
        self.assertEqual(status, 200)  # followed the redirect to bob's page
        self.assertIn("<h1>Bob</h1>", body)
        _, body = self.get("/")
        self.assertIn("/advocate/bob", body)
        self.assertIn("/advocate/alice", body)

    def test_bad_codes_and_pages(self):
        code = self.store.issue_code(self.app.PROGRAM, "alice")
        typo = ("2" if code.code[0] != "2" else "3") + code.code[1:]
        self.assertEqual(self.status_of("/r/" + typo), 400)
        self.assertEqual(self.status_of("/r/%21%21"), 400)
        self.store.disable_code(code.code)
        self.assertEqual(self.status_of("/r/" + code.code), 410)
        self.assertEqual(self.status_of("/advocate/ghost"), 404)
        self.assertEqual(self.status_of("/nowhere"), 404)
        self.assertEqual(self.status_of("/explain/none"), 404)
