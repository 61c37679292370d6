/**
 * A misbehaving upstream for the portal's failure paths. By path:
 *   GET .../webhooks/deliveries/?status=failed   → 401 envelope (the key was revoked)
 *   GET .../webhooks/deliveries/?status=pending  → 500 with an HTML page (unparseable)
 *   GET .../webhooks/deliveries/?status=delivered → 200 with a body of the wrong shape
 *   anything else                                → accepted and never answered (a hang)
 */
import { createServer, type ServerResponse } from "node:http";

const port = Number(process.argv[2]);

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "Content-Type": type }).end(body);
}

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://stub");
  const status = url.searchParams.get("status");
  if (url.pathname.endsWith("/webhooks/deliveries/")) {
    if (status === "failed") {
      return send(
        res,
        401,
        "application/json",
        JSON.stringify({
          error: { code: "UNAUTHORIZED", message: "API key revoked.", status: 401, details: null },
        }),
      );
    }
    if (status === "pending")
      return send(res, 500, "text/html", "<html><body>Internal Server Error</body></html>");
    if (status === "delivered")
      return send(res, 200, "application/json", JSON.stringify({ items: "not a page" }));
  }
  // Otherwise: hold the request open and say nothing.
}).listen(port, "127.0.0.1", () => console.log(`stub upstream on ${port}`));
