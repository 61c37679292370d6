"use client";

import { notify } from "@/lib/client/notify";
import { useSignOut } from "@/lib/client/session-mutations";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const signOut = useSignOut({ leave: true });
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() =>
        signOut.mutate(undefined, { onError: () => notify.error("Sign-out failed. Try again.") })
      }
      disabled={signOut.isPending}
    >
      Sign out
    </Button>
  );
}
