import { createServer, type AddressInfo, type Server } from "node:net";
import { API_BASE } from "../lib/closient";

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin HTTP client for tests and benchmarks: real requests, no shortcuts into the store. */
export function sandboxClient(baseUrl: string, apiKey: string | null) {
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (apiKey) headers["X-API-Key"] = apiKey;
    if (body !== undefined || raw !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(`${baseUrl}${path.startsWith("/") ? path : `${API_BASE}/${path}`}`, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : null) as T,
    };
  }
  return {
    call,
    get: <T = any>(path: string) => call<T>("GET", path),
    post: <T = any>(path: string, body?: unknown) => call<T>("POST", path, body),
    patch: <T = any>(path: string, body?: unknown) => call<T>("PATCH", path, body),
  };
}

/** A port that was free a moment ago, for processes that must be told theirs in advance. */
export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/**
 * `count` distinct free ports. Each is held open until all are found: ports asked for one after
 * the other, each closed at once, can come back twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
