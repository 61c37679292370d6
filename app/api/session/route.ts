import { ClosientError, signInSchema } from "@/lib/closient";
import { assertSameOrigin, json, otherMethods, readBody, withErrors } from "@/lib/server/route";
import type { NextRequest } from "next/server";
import { destroySession, readRequestSession, sessionInfo } from "@/lib/server/session";
import { requestIdOf } from "@/lib/server/caller";
import { activityLog } from "@/lib/server/portal-store";
import { signIn } from "@/lib/server/sign-in";

/** Who is signed in: the organization and the key's description and role, never the key. */
export function GET(request: NextRequest) {
  return withErrors(request, async () => {
    const session = await readRequestSession(request);
    if (!session) throw new ClosientError(401, "UNAUTHORIZED", "Not signed in.");
    return json(sessionInfo(session));
  });
}

/** Sign in with `{"api_key": "csb_..."}`: format and checksum here, then the upstream's whoami. */
export function POST(request: Request) {
  return withErrors(request, async () => {
    assertSameOrigin(request);
    const { api_key } = await readBody(request, signInSchema);
    return json(await signIn({ apiKey: api_key, requestId: requestIdOf(request.headers) }));
  });
}

export function DELETE(request: NextRequest) {
  return withErrors(request, async () => {
    assertSameOrigin(request);
    const session = await readRequestSession(request);
    await destroySession();
    if (session) {
      await activityLog().record(
        { orgId: session.organization.id, actor: session.actor, requestId: requestIdOf(request.headers) },
        { action: "session.signed_out" },
      );
    }
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  });
}

export const { PATCH, PUT } = otherMethods("GET", "POST", "DELETE");
