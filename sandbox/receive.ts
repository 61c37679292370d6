/**
 * `npm run sandbox:receive -- [port]`: a webhook receiver for your terminal. It prints every
 * webhook it gets and, with WEBHOOK_SECRET set, whether its signature verifies.
 */
import { createServer } from "node:http";
import { SIGNATURE_HEADER, verifySignature } from "../lib/closient";

const port = Number(process.argv[2] ?? 9000);
const secret = process.env.WEBHOOK_SECRET ?? "";

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
    const signature = Array.isArray(header) ? header[0] : header;
    const verdict = secret
      ? verifySignature({ header: signature, body, secret }).then((r) =>
          r.ok ? `signature ok (${r.matched})` : `signature REJECTED (${r.reason})`,
        )
      : Promise.resolve("set WEBHOOK_SECRET to verify signatures");
    void verdict.then((line) => {
      console.log(
        `${new Date().toISOString()} ${req.method} ${req.url} ${String(req.headers["x-closient-event-type"] ?? "")}`,
      );
      console.log(`  ${line}`);
      console.log(`  ${body}`);
      res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
  });
}).listen(port, "127.0.0.1", () => {
  console.log(`Receiving webhooks on http://127.0.0.1:${port}/ (any path). Ctrl-C to stop.`);
});
