import { Agent, request } from "undici";

/**
 * The floor of any proxy route: one kept-alive upstream GET (the sandbox's list, with the key from
 * the environment), its body passed through untouched. No session, no validation.
 */
const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 128 });

export async function GET() {
  const upstream = await request(process.env.RELAY_URL, {
    headers: { "X-API-Key": process.env.RELAY_KEY, Accept: "application/json" },
    dispatcher,
  });
  return new Response(await upstream.body.text(), {
    status: upstream.statusCode,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

export const dynamic = "force-dynamic";
