/** The Closient webhooks contract: pure, shared by the portal, its browser code and the sandbox. */
export * from "./api-key";
export * from "./delivery";
export * from "./endpoint";
export * from "./errors";
export { ClosientError, withReference, type ErrorCode } from "./closient-error";
export { closientError, DEFAULT_MESSAGES } from "./error-messages";
export * from "./event";
export * from "./event-types";
export * from "./ids";
export * from "./metadata";
export * from "./pagination";
export * from "./read";
export * from "./paths";
export * from "./secret";
export * from "./sign-in";
export * from "./signature";
export * from "./whoami";
export * from "./validate";
