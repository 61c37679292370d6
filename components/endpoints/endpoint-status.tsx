import type { Endpoint } from "@/lib/closient";

/** What the pause switch needs of an endpoint: the rest stays out of the page's payload. */
export type ToggleFields = Pick<Endpoint, "id" | "url" | "description" | "is_active">;

export function toggleFields({ id, url, description, is_active }: Endpoint): ToggleFields {
  return { id, url, description, is_active };
}

/** Active or Paused, in words and a shape, never by colour alone. */
export function EndpointStatus({ active }: { active: boolean }) {
  return active ? (
    <span className="inline-flex items-center gap-1.5 text-sm font-medium text-emerald-800">
      <span aria-hidden>●</span> Active
    </span>
  ) : (
    <span className="inline-flex items-center gap-1.5 text-sm font-medium text-amber-800">
      <span aria-hidden>❚❚</span> Paused
    </span>
  );
}
