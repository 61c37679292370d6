import "server-only";
import { LRUCache } from "lru-cache";
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
  /** The names seen, the least recently used dropped past MAX_ENTRIES. */
  known: LRUCache<string, EndpointSummary>;
}

/** Per organization (never per key), in this process: names are not secrets, and expire. */
const directories = new LRUCache<string, Directory>({ max: MAX_ORGANIZATIONS });

function summary(endpoint: Endpoint): EndpointSummary {
  return { id: endpoint.id, url: endpoint.url, description: endpoint.description };
}

function directoryOf(orgId: string): Directory {
  let directory = directories.get(orgId);
  if (!directory) {
    directory = { listedAt: 0, newest: [], known: new LRUCache({ max: MAX_ENTRIES }) };
    directories.set(orgId, directory);
  }
  return directory;
}

function remember(directory: Directory, endpoint: EndpointSummary) {
  directory.known.set(endpoint.id, endpoint);
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
