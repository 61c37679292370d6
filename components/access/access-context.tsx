"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, refusal, type AccessRole, type Capability } from "@/lib/access/roles";

/*
 * What this session may do, for the controls that change something: a refused one is shown
 * disabled, with why, rather than hidden. The server checks the same on every route.
 */

const AccessContext = createContext<AccessRole>("admin");

export function AccessProvider({ role, children }: { role: AccessRole; children: ReactNode }) {
  return <AccessContext.Provider value={role}>{children}</AccessContext.Provider>;
}

export function useCan(capability: Capability): { allowed: boolean; why: string } {
  const role = useContext(AccessContext);
  const allowed = can(role, capability);
  return { allowed, why: allowed ? "" : refusal(role) };
}

/** Why a control is disabled, beside it; nothing when it is allowed. */
export function Refused({ why, id }: { why: string; id?: string }) {
  if (!why) return null;
  return (
    <p id={id} className="mt-1 text-xs text-slate-600">
      {why}
    </p>
  );
}
