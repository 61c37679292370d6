import { closientError } from "@/lib/closient";
import { env } from "@/lib/server/env";
import { assertSameOrigin, json, otherMethods, withErrors } from "@/lib/server/route";
import { requestIdOf } from "@/lib/server/caller";
import { signIn } from "@/lib/server/sign-in";

/** One-click sign-in to the sandbox organization; exists only while the upstream is the sandbox. */
export function POST(request: Request) {
  return withErrors(request, async () => {
    assertSameOrigin(request);
    const { isSandbox, sandboxKey } = env();
    if (!isSandbox || !sandboxKey) throw closientError(404, "NOT_FOUND");
    return json(await signIn({ apiKey: sandboxKey, requestId: requestIdOf(request.headers) }));
  });
}

export const { GET, PATCH, PUT, DELETE } = otherMethods("POST");
