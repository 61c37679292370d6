import { json, otherMethods } from "@/lib/server/route";
import { readiness } from "@/lib/server/readiness";

/**
 * Readiness: 200 while Closient answers, else 503 with the reason. No session. The database is
 * reported beside it, and does not make the instance unready: a change goes through while the
 * store is down (its activity entries wait), so a load balancer should keep sending admins here.
 */
export async function GET() {
  const { upstream, database } = await readiness();
  return upstream.ok
    ? json({ status: "ready", database })
    : json({ status: "not_ready", reason: upstream.reason, database }, { status: 503 });
}

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");
