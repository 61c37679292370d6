import "server-only";
import { createLogger } from "@/lib/log";

/** The portal's log inside Next: pass `request_id` with every line about a request. */
export const log = createLogger("portal");
