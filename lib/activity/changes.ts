/*
 * What an edit changed, before and after, as the activity log keeps it: the URL, the description,
 * the event types added and removed, the metadata keys set (with both values) and removed, and
 * the active flag. Pure: the server computes it, the page and the export put it in words.
 */

export interface EndpointFields {
  url: string;
  description: string;
  event_types: string[];
  metadata: Record<string, string>;
  is_active: boolean;
}

export interface EndpointChanges {
  url?: { before: string; after: string };
  description?: { before: string; after: string };
  event_types?: { added: string[]; removed: string[] };
  metadata?: {
    set: Record<string, { before: string | null; after: string }>;
    removed: Record<string, string>;
  };
  is_active?: { before: boolean; after: boolean };
}

export function endpointFields(endpoint: EndpointFields): EndpointFields {
  const { url, description, event_types, metadata, is_active } = endpoint;
  return { url, description, event_types: [...event_types], metadata: { ...metadata }, is_active };
}

/** What differs from `before` to `after`; null when nothing does. */
export function endpointChanges(before: EndpointFields, after: EndpointFields): EndpointChanges | null {
  const changes: EndpointChanges = {};
  if (before.url !== after.url) changes.url = { before: before.url, after: after.url };
  if (before.description !== after.description)
    changes.description = { before: before.description, after: after.description };
  const added = after.event_types.filter((t) => !before.event_types.includes(t));
  const removed = before.event_types.filter((t) => !after.event_types.includes(t));
  if (added.length || removed.length) changes.event_types = { added, removed };
  const set: Record<string, { before: string | null; after: string }> = {};
  const gone: Record<string, string> = {};
  for (const [key, value] of Object.entries(after.metadata)) {
    if (before.metadata[key] !== value) set[key] = { before: before.metadata[key] ?? null, after: value };
  }
  for (const [key, value] of Object.entries(before.metadata)) if (!(key in after.metadata)) gone[key] = value;
  if (Object.keys(set).length || Object.keys(gone).length) changes.metadata = { set, removed: gone };
  if (before.is_active !== after.is_active)
    changes.is_active = { before: before.is_active, after: after.is_active };
  return Object.keys(changes).length ? changes : null;
}

/** Each change on a line of its own, in words. */
export function changeLines(changes: EndpointChanges): string[] {
  const lines: string[] = [];
  // A field that was empty (a new endpoint's) reads as set, not as a change from nothing.
  if (changes.url)
    lines.push(
      changes.url.before ? `URL: ${changes.url.before} → ${changes.url.after}` : `URL: ${changes.url.after}`,
    );
  if (changes.description)
    lines.push(
      changes.description.before
        ? `Description: "${changes.description.before}" → "${changes.description.after}"`
        : `Description: "${changes.description.after}"`,
    );
  if (changes.event_types) {
    const { added, removed } = changes.event_types;
    if (added.length) lines.push(`Event types added: ${added.join(", ")}`);
    if (removed.length) lines.push(`Event types removed: ${removed.join(", ")}`);
  }
  if (changes.metadata) {
    for (const [key, { before, after }] of Object.entries(changes.metadata.set))
      lines.push(
        before === null ? `Metadata ${key} set to "${after}"` : `Metadata ${key}: "${before}" → "${after}"`,
      );
    for (const [key, before] of Object.entries(changes.metadata.removed))
      lines.push(`Metadata ${key} removed (was "${before}")`);
  }
  if (changes.is_active) lines.push(changes.is_active.after ? "Resumed" : "Paused");
  return lines;
}
