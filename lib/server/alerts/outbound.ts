import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { post, type PostResult } from "@/lib/http-post";

/*
 * The outbound rule: the portal POSTs a notice only to an `https://` URL whose host resolves to a
 * public address, and follows no redirect. The address is checked when the channel is added and
 * again on every connection (a name may resolve elsewhere by then), by the lookup the connection
 * itself uses. With the sandbox, local receivers are allowed (loopback and private ranges, and
 * plain http), so a new user can try a channel on this machine; a cloud's metadata address never is.
 */

export type RefusedKind =
  "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "multicast" | "reserved";

const ranges: [RefusedKind, string, number, "ipv4" | "ipv6"][] = [
  ["metadata", "169.254.169.254", 32, "ipv4"],
  ["metadata", "fd00:ec2::254", 128, "ipv6"],
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["loopback", "::1", 128, "ipv6"],
  ["unspecified", "0.0.0.0", 8, "ipv4"],
  ["unspecified", "::", 128, "ipv6"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["private", "100.64.0.0", 10, "ipv4"], // carrier-grade NAT
  ["private", "fc00::", 7, "ipv6"],
  ["link-local", "169.254.0.0", 16, "ipv4"],
  ["link-local", "fe80::", 10, "ipv6"],
  ["multicast", "224.0.0.0", 4, "ipv4"],
  ["multicast", "ff00::", 8, "ipv6"],
  ["reserved", "240.0.0.0", 4, "ipv4"],
  ["reserved", "192.0.0.0", 24, "ipv4"],
  ["reserved", "198.18.0.0", 15, "ipv4"],
  ["reserved", "100::", 64, "ipv6"],
];
const lists = ranges.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list, family };
});

/** The kind of address `ip` is, when a notice must not go there; null for a public address. */
export function refusedKind(ip: string): RefusedKind | null {
  let address = ip.replace(/^\[|\]$/g, "");
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1, or NAT64's 64:ff9b::a00:1) is that IPv4 address.
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
    address = [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
  }
  const family = isIP(address) === 4 ? "ipv4" : isIP(address) === 6 ? "ipv6" : null;
  if (!family) return "reserved";
  for (const { kind, list, family: f } of lists) if (f === family && list.check(address, family)) return kind;
  return null;
}

const LOCAL_KINDS: ReadonlySet<RefusedKind> = new Set(["loopback", "private", "unspecified"]);

function allowed(kind: RefusedKind | null, allowLocal: boolean): boolean {
  return kind === null || (allowLocal && LOCAL_KINDS.has(kind));
}

export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

const KIND_WORDS: Record<RefusedKind, string> = {
  loopback: "a loopback address",
  private: "a private address",
  "link-local": "a link-local address",
  metadata: "a cloud metadata address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/** A lookup that answers only addresses the rule allows, for the connection to use. */
export function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const refused = addresses.map((a) => refusedKind(a.address)).find((kind) => !allowed(kind, allowLocal));
      if (refused !== undefined) {
        return callback(new OutboundRefused(`${hostname} resolves to ${KIND_WORDS[refused!]}.`), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address.`), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Why `url` may not receive notices, or null when it may. Checks the form (https, no credentials),
 * a literal address, and what the name resolves to now.
 */
export async function outboundProblem(url: string, allowLocal: boolean): Promise<string | null> {
  if (!URL.canParse(url)) return "Enter a full URL, such as https://hooks.example.com/alerts.";
  const target = new URL(url);
  if (target.protocol !== "https:" && !(allowLocal && target.protocol === "http:"))
    return "Notices go only to https:// URLs.";
  if (target.username || target.password) return "Leave the user name and password out of the URL.";
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const kind = refusedKind(host);
    return allowed(kind, allowLocal)
      ? null
      : `That URL points at ${KIND_WORDS[kind!]}; notices go only to public addresses.`;
  }
  return new Promise((resolve) => {
    guardedLookup(allowLocal)(host, { all: true }, (error) => {
      if (!error) resolve(null);
      else if (error instanceof OutboundRefused)
        resolve(`${error.message} Notices go only to public addresses.`);
      else resolve(`${host} could not be resolved.`);
    });
  });
}

export interface SendResult {
  status: number;
  body: string;
}

/**
 * POSTs a notice under the outbound rule: the URL checked again, every address the connection
 * resolves checked as it connects, no redirect followed (a 3xx is a failed attempt).
 */
export async function postNotice(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowLocal, timeoutMs }: { allowLocal: boolean; timeoutMs: number },
): Promise<SendResult> {
  const problem = await outboundProblem(url, allowLocal);
  if (problem) throw new OutboundRefused(problem);
  const result: PostResult = await post(url, body, headers, {
    timeoutMs,
    maxBody: 512,
    lookup: guardedLookup(allowLocal),
  });
  return { status: result.status, body: result.body };
}
