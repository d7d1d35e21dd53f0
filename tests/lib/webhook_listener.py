#!/usr/bin/env python3
"""A webhook receiver for tests/e2e/notify.bats.

    webhook_listener.py PORT FAIL OUT

Listens on 127.0.0.1:PORT. Each delivery (told apart by its
X-Gatehawk-Delivery header) is answered 500 for its first FAIL tries, then
200. Every accepted body is appended to OUT as one line; every try to
OUT.tries as "ID STATUS".
"""
import http.server
import sys
import threading


def main():
    port, fail, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    tries = {}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            delivery = self.headers.get("X-Gatehawk-Delivery", "")
            with lock:
                tries[delivery] = tries.get(delivery, 0) + 1
                status = 500 if tries[delivery] <= fail else 200
                with open(out + ".tries", "a", encoding="utf-8") as f:
                    f.write(f"{delivery} {status}\n")
                if status == 200:
                    with open(out, "ab") as f:
                        f.write(body + b"\n")
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main()
