import "server-only";
import type { NextRequest } from "next/server";
import type { Capability } from "@/lib/access/roles";

/**
 * What a PATCH of an endpoint needs: pausing or resuming (a body of `is_active` alone) is on-call
 * work; any other field is an admin's. Read from a copy of the request: the route reads its own.
 */
export async function endpointPatchNeeds(request: NextRequest): Promise<Capability> {
  const body: unknown = await request.json().catch(() => null);
  const pauseOnly =
    typeof body === "object" &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).join() === "is_active";
  return pauseOnly ? "endpoints.pause" : "endpoints.manage";
}
