import { describeEventType } from "@/lib/closient/event-types";

/** The first few subscribed types as chips, then "+N more". */
export function EventTypeChips({ types, max = 3 }: { types: string[]; max?: number }) {
  if (types.length === 0) return <span className="text-sm text-slate-500">No event types</span>;
  const shown = types.slice(0, max);
  const rest = types.length - shown.length;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Event types">
      {shown.map((type) => (
        <li key={type} title={describeEventType(type)} className="chip">
          {type}
        </li>
      ))}
      {rest > 0 ? (
        <li title={types.slice(max).join(", ")} className="px-1 text-xs text-slate-600">
          +{rest} more
        </li>
      ) : null}
    </ul>
  );
}
