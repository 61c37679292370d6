import { ClosientError } from "@/lib/closient";
import { redeemSchema } from "@/lib/access/links";
import { linkActor, redeemLink, RedeemRefused } from "@/lib/server/access/grants";
import { assertSameOrigin, json, otherMethods, readBody, withErrors } from "@/lib/server/route";
import { saveSession, sessionInfo } from "@/lib/server/session";

/**
 * Opens an access link: `{"token": …}` (the page /join reads it from the link's `#`, so it is in
 * no URL a server sees). Once, within 24 hours; it starts a session tied to the grant.
 */
export function POST(request: Request) {
  return withErrors(request, async () => {
    assertSameOrigin(request);
    const { token } = await readBody(request, redeemSchema);
    try {
      const { grant, organization } = await redeemLink(token);
      const session = {
        apiKey: "",
        organization,
        keyDescription: "",
        role: grant.role,
        actor: linkActor(grant),
        access: grant.role as "viewer" | "on_call",
        grant: { id: grant.id, expiresAt: Date.parse(grant.expires_at) },
      };
      await saveSession(session);
      return json(sessionInfo({ ...session, sealedAt: Date.now() }));
    } catch (error) {
      if (error instanceof RedeemRefused)
        throw new ClosientError(
          error.reason === "invalid" ? 400 : 409,
          error.reason === "invalid" ? "BAD_REQUEST" : "CONFLICT",
          error.message,
        );
      throw error;
    }
  });
}

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");
