import { json, otherMethods } from "@/lib/server/route";

/** Liveness: the process answers. No session, and no call to Closient. */
export function GET() {
  return json({ status: "ok" });
}

export const { POST, PATCH, PUT, DELETE } = otherMethods("GET");
