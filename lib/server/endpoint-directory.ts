import "server-only";
import type { Caller } from "./caller";
import type { Endpoint } from "@/lib/closient";
import type { EndpointSummary } from "@/lib/endpoints/names";
import { webhooks } from "./webhooks";

const LIST_PAGES = 2; // the 100 newest endpoints: the picker's choices
const LOOKUPS_PER_VIEW = 5; // ids not among them, fetched one by one, at most this many a page view
const FRESH_MS = 60_000;
const MAX_ENTRIES = 5_000; // per organization
const MAX_ORGANIZATIONS = 200;

interface Directory {
  listedAt: number;
  newest: EndpointSummary[];
  known: Map<string, EndpointSummary>;
}

/** Per organization (never per key), in this process: names are not secrets, and expire. */
const directories = new Map<string, Directory>();

function summary(endpoint: Endpoint): EndpointSummary {
  return { id: endpoint.id, url: endpoint.url, description: endpoint.description };
}

function directoryOf(orgId: string): Directory {
  let directory = directories.get(orgId);
  if (!directory) {
    if (directories.size >= MAX_ORGANIZATIONS) directories.delete(directories.keys().next().value!);
    directory = { listedAt: 0, newest: [], known: new Map() };
    directories.set(orgId, directory);
  }
  return directory;
}

function remember(directory: Directory, endpoint: EndpointSummary) {
  directory.known.delete(endpoint.id);
  directory.known.set(endpoint.id, endpoint);
  if (directory.known.size > MAX_ENTRIES) directory.known.delete(directory.known.keys().next().value!);
}

/**
 * Names for the endpoints a page shows, and the newest endpoints for the picker, for a small and
 * fixed number of upstream calls: the first two list pages at most once a minute, then at most
 * five single lookups for ids still unknown. An id left unknown is shown as the id. A failure
 * here never fails the page: names are a convenience. `fresh` lists again now (an admin typed
 * a name to look for).
 */
export async function endpointDirectory(
  caller: Caller,
  orgId: string,
  ids: Iterable<string>,
  { fresh = false } = {},
) {
  const directory = directoryOf(orgId);
  if (fresh || Date.now() - directory.listedAt > FRESH_MS) {
    try {
      const newest: EndpointSummary[] = [];
      for (let page = 1; page <= LIST_PAGES; page++) {
        const { data } = await webhooks.listEndpoints(caller, { page, page_size: 50, metadata: {} });
        newest.push(...data.data.map(summary));
        if (!data.pagination.has_next) break;
      }
      directory.newest = newest;
      directory.listedAt = Date.now();
      for (const endpoint of newest) remember(directory, endpoint);
    } catch {
      /* keep what was known */
    }
  }
  const unknown = [...new Set(ids)].filter((id) => !directory.known.has(id)).slice(0, LOOKUPS_PER_VIEW);
  await Promise.all(
    unknown.map(async (id) => {
      try {
        remember(directory, summary((await webhooks.getEndpoint(caller, id)).data));
      } catch {
        /* shown as its id */
      }
    }),
  );
  return { known: directory.known, newest: directory.newest };
}
