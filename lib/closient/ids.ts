import { z } from "zod";
import { randomString } from "./random";

export { randomString };

/** The shortuuid alphabet: 57 symbols, without the look-alikes `0 1 I O l`. */
export const SHORTUUID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
export const SHORTUUID_PATTERN = /^[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]{22}$/;
export const EVENT_ID_PATTERN = /^evt_[a-z0-9]{24}$/;

export const shortUuidSchema = z.string().regex(SHORTUUID_PATTERN, "Must be a 22-character id.");

export function isShortUuid(value: string): boolean {
  return SHORTUUID_PATTERN.test(value);
}

export function newShortUuid(): string {
  return randomString(SHORTUUID_ALPHABET, 22);
}

export function newEventId(): string {
  return `evt_${randomString("abcdefghijklmnopqrstuvwxyz0123456789", 24)}`;
}
