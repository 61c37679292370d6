import pino, { type Logger } from "pino";

/*
 * Logging for every server process of the portal: the HTTP server in front of Next, the code
 * inside Next, and the sandbox. One JSON line per event, at LOG_LEVEL (info by default).
 */

export const REQUEST_ID_HEADER = "x-request-id";

/** A client's own id is kept when it is short and plain; anything else gets a new one. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isSaneRequestId(value: unknown): value is string {
  return typeof value === "string" && SANE_REQUEST_ID.test(value);
}

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * Nothing here ever logs a key, a secret, a cookie or a body; the redaction is a second line of
 * defence for a field someone adds one day.
 */
const REDACT = [
  "apiKey",
  "api_key",
  "key",
  "secret",
  "signing_secret",
  "cookie",
  "body",
  "headers",
  "*.apiKey",
  "*.api_key",
  "*.secret",
  "*.signing_secret",
  "*.cookie",
  "*.body",
  "*.headers",
];

export function createLogger(component: string): Logger {
  const wanted = process.env.LOG_LEVEL?.toLowerCase() ?? "info";
  return pino({
    level: LEVELS.has(wanted) ? wanted : "info",
    base: { component },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: "[redacted]" },
  });
}
