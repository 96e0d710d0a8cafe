"""A webhook receiver to try the merchants' webhooks locally: prints each event and whether its signature verifies.

    .venv/bin/python scripts/webhook_receiver.py --port 9999 --secret whsec_...   (the secret the API showed once)

Answers 204 to a good signature and 400 to a bad one (the platform then retries on its schedule).
"""

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def main() -> None:
    """Serve on loopback until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=9999)
    parser.add_argument("--secret", required=True, help="the endpoint's whsec_... secret")
    args = parser.parse_args()
    verifier = Webhook(args.secret)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                event = verifier.verify(body, dict(self.headers))
            except WebhookVerificationError as error:
                print(f"REFUSED {self.headers.get('webhook-id')}: {error}", flush=True)
                self.send_response(400)
            else:
                print(f"{self.headers['webhook-id']} {json.dumps(event, ensure_ascii=False)}", flush=True)
                self.send_response(204)
            self.end_headers()

        def log_message(self, format, *args):  # the events above are the log
            pass

    print(f"listening on http://127.0.0.1:{args.port}/hook", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
