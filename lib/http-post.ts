import type { LookupFunction } from "node:net";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/*
 * One POST with a hard deadline and no redirects: the sandbox's delivery worker sends webhooks
 * with it, and the portal its alert notices (through lib/server/alerts/outbound.ts, which adds a
 * `lookup` that refuses the addresses a notice must never reach).
 */

/** Kept-alive connections per receiver: most deliveries go to the same few hosts. */
const agents = {
  "http:": new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  "https:": new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export interface PostResult {
  status: number;
  headers: IncomingMessage["headers"];
  /** The first `maxBody` characters of the answer; the rest is not read. */
  body: string;
}

/**
 * One POST, the way the delivery worker needs it: no redirects followed (a 3xx is the answer),
 * a hard deadline covering connect, headers and body, and at most `maxBody` characters kept.
 * Rejects on a network failure or the deadline.
 */
export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  {
    timeoutMs,
    maxBody,
    lookup,
  }: {
    timeoutMs: number;
    maxBody: number;
    /** Resolves the host and may refuse the address: a connection goes only where it allows. */
    lookup?: LookupFunction;
  },
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    if (!URL.canParse(url)) {
      reject(new Error("invalid URL"));
      return;
    }
    const target = new URL(url);
    const protocol = target.protocol === "https:" ? "https:" : target.protocol === "http:" ? "http:" : null;
    if (!protocol) {
      reject(new Error(`unsupported protocol ${target.protocol}`));
      return;
    }
    const send = protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(target, {
      method: "POST",
      // A guarded lookup gets a connection of its own: a kept-alive one was checked by no one.
      ...(lookup ? { lookup, agent: false } : { agent: agents[protocol] }),
      headers: { ...headers, "Content-Length": Buffer.byteLength(body) },
    });
    const deadline = setTimeout(() => req.destroy(new Error("timed out")), timeoutMs);
    req.once("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    req.once("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      const finish = () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text.slice(0, maxBody) });
      };
      res.on("data", (chunk: string) => {
        if (text.length < maxBody) text += chunk;
        else {
          // Enough read: drop the connection rather than drain a large answer.
          res.destroy();
          finish();
        }
      });
      res.once("end", finish);
      res.once("error", (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    req.end(body);
  });
}
