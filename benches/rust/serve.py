#!/usr/bin/env python3
"""Serve benchmark 1's wasm page to headless Chromium and collect its result (standard library).

Usage: serve.py WWW_DIR CSV_FILE RESULT_FILE
Serves WWW_DIR on 127.0.0.1 (a free port, printed as the first line of stdout), /air.csv from
CSV_FILE; the page POSTs its JSON to /result, which is written to RESULT_FILE, and the server
exits. Gives up after 600 s.
"""

import http.server
import os
import sys
import threading


def main():
    www, csv, result = sys.argv[1:4]

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=www, **k)

        def log_message(self, *a):
            pass

        def do_GET(self):
            if self.path == "/air.csv":
                data = open(csv, "rb").read()
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                super().do_GET()

        def do_POST(self):
            n = int(self.headers.get("Content-Length", 0))
            with open(result, "wb") as f:
                f.write(self.rfile.read(n))
            self.send_response(204)
            self.end_headers()
            threading.Thread(target=server.shutdown).start()

    Handler.extensions_map = {**Handler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    timer = threading.Timer(600, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()
    os._exit(0)


if __name__ == "__main__":
    main()
