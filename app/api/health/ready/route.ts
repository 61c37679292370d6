import { json, otherMethods } from "@/lib/server/route";
import { readiness } from "@/lib/server/readiness";

/** Readiness: 200 while Closient answers, else 503 with the reason. No session. */
export async function GET() {
  const probe = await readiness();
  return probe.ok
    ? json({ status: "ready" })
    : json({ status: "not_ready", reason: probe.reason }, { status: 503 });
}

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");
