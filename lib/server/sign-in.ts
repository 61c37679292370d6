import "server-only";
import { ClosientError } from "@/lib/closient";
import type { Caller } from "./caller";
import type { Whoami } from "@/lib/closient";
import { activityLog } from "./portal-store";
import { saveSession, sessionInfo, type Actor, type SessionInfo } from "./session";
import { webhooks } from "./webhooks";

/** Who acts with this key: a user key's user by email, else the key by its description and id. */
export function actorOf(who: Whoami): Actor {
  if (who.email) return { kind: "user", id: who.user_id ?? who.email, name: who.email };
  const id = who.api_key?.id ?? "";
  const description = who.api_key?.description ?? "";
  return { kind: "key", id, name: description || (id ? `API key ${id}` : "API key") };
}

/** Asks the upstream who the key belongs to, and starts a session only when it answers. */
export async function signIn({ apiKey, requestId }: Caller): Promise<SessionInfo> {
  let who;
  try {
    who = (await webhooks.whoami({ apiKey, requestId })).data;
  } catch (error) {
    if (error instanceof ClosientError && error.status === 401) {
      throw new ClosientError(
        401,
        "UNAUTHORIZED",
        "Closient did not accept this key. Check that it is active.",
      );
    }
    throw error;
  }
  const organization = who.organizations[0];
  if (!organization) {
    throw new ClosientError(403, "FORBIDDEN", "This key belongs to no organization.");
  }
  const session = {
    apiKey,
    organization: { id: organization.id, name: organization.name },
    keyDescription: who.api_key?.description ?? "",
    role: who.api_key?.role ?? "",
    actor: actorOf(who),
    access: "admin" as const,
    grant: null,
  };
  await saveSession(session);
  await activityLog().record(
    { orgId: session.organization.id, actor: session.actor, requestId },
    {
      action: "session.signed_in",
      target: { kind: "session", id: null, name: session.keyDescription || null },
    },
  );
  return sessionInfo({ ...session, sealedAt: Date.now() });
}
