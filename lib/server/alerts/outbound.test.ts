import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundProblem, postNotice, refusedKind } from "./outbound";

/*
 * The outbound rule against real sockets: each refused kind of address has a case, and a real
 * HTTP server on this machine receives nothing the rule refuses.
 */

let hits = 0;
let server: Server;
let port = 0;
let redirectTo = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === "/redirect") {
      res.writeHead(302, { Location: redirectTo }).end();
      return;
    }
    res.writeHead(200).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the kind of an address", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.9.9.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["240.0.0.1", "reserved"],
    ["64:ff9b::a00:1", "private"],
  ])("%s is %s", (ip, kind) => {
    expect(refusedKind(ip)).toBe(kind);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"])("%s is public", (ip) => {
    expect(refusedKind(ip)).toBeNull();
  });
});

describe("what may receive notices", () => {
  it("only https, without credentials, and only a public address", async () => {
    expect(await outboundProblem("http://hooks.example.com/x", false)).toMatch(/https/);
    expect(await outboundProblem("ftp://hooks.example.com/x", true)).toMatch(/https/);
    expect(await outboundProblem("https://user:pw@hooks.example.com/x", false)).toMatch(/user name/);
    expect(await outboundProblem("https://10.0.0.5/hook", false)).toMatch(/private address/);
    expect(await outboundProblem("https://[::1]/hook", false)).toMatch(/loopback/);
    expect(await outboundProblem("https://169.254.169.254/latest/meta-data", false)).toMatch(/metadata/);
    expect(await outboundProblem("https://localhost/hook", false)).toMatch(
      /localhost resolves to a loopback/,
    );
    expect(await outboundProblem("https://93.184.216.34/hook", false)).toBeNull();
  });

  it("with the sandbox: local receivers, over http too, but never a metadata or link-local address", async () => {
    expect(await outboundProblem(`http://127.0.0.1:${port}/x`, true)).toBeNull();
    expect(await outboundProblem("http://localhost/x", true)).toBeNull();
    expect(await outboundProblem("http://169.254.169.254/latest", true)).toMatch(/metadata/);
    expect(await outboundProblem("http://[fe80::1]/x", true)).toMatch(/link-local/);
  });
});

describe("sending under the rule", () => {
  it("sends nothing to a refused address, by literal or by name", async () => {
    hits = 0;
    for (const url of [
      `http://127.0.0.1:${port}/x`,
      `https://127.0.0.1:${port}/x`,
      `https://localhost:${port}/x`,
    ]) {
      await expect(postNotice(url, "{}", {}, { allowLocal: false, timeoutMs: 2_000 })).rejects.toThrow(
        /https|loopback/,
      );
    }
    expect(hits).toBe(0);
  });

  it("sends to an allowed address, and follows no redirect: a 3xx is the answer", async () => {
    hits = 0;
    expect(
      await postNotice(`http://127.0.0.1:${port}/x`, "{}", {}, { allowLocal: true, timeoutMs: 2_000 }),
    ).toMatchObject({
      status: 200,
    });
    redirectTo = `http://127.0.0.1:${port}/followed`;
    expect(
      await postNotice(`http://127.0.0.1:${port}/redirect`, "{}", {}, { allowLocal: true, timeoutMs: 2_000 }),
    ).toMatchObject({ status: 302 });
    expect(hits).toBe(2); // the POST and the redirect's answer; /followed was never asked for
  });
});
