import { describe, expect, it } from "vitest";
import { SecretBox } from "./secret-box";

const KEY = "k".repeat(40);
const NEW_KEY = "n".repeat(40);
const API_KEY = "csb_abcdefghijklmnopqrstuvwxyz012345_1a2b3c4d";

describe("the store's secret box (AES-256-GCM)", () => {
  it("seals so that the value is not in the sealed text, and opens it again", () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal(API_KEY, "watch.key:org-1");
    expect(sealed).not.toContain(API_KEY);
    expect(sealed).not.toContain(API_KEY.slice(4, 20));
    expect(box.open(sealed, "watch.key:org-1")).toBe(API_KEY);
    // A fresh nonce each time: the same value never seals the same way twice.
    expect(box.seal(API_KEY, "watch.key:org-1")).not.toBe(sealed);
  });

  it("refuses a value moved to another row, tampered with, or sealed with a key it does not hold", () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal(API_KEY, "watch.key:org-1");
    expect(box.open(sealed, "watch.key:org-2")).toBeNull();
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(box.open(parts.join("."), "watch.key:org-1")).toBeNull();
    expect(new SecretBox(NEW_KEY).open(sealed, "watch.key:org-1")).toBeNull();
    expect(box.open("not a sealed value", "watch.key:org-1")).toBeNull();
  });

  it("opens what the previous key sealed after a rotation, and seals anew with the new one", () => {
    const old = new SecretBox(KEY).seal(API_KEY, "ctx");
    const rotated = new SecretBox(NEW_KEY, [KEY]);
    expect(rotated.open(old, "ctx")).toBe(API_KEY);
    expect(rotated.isStale(old)).toBe(true);
    const again = rotated.seal(API_KEY, "ctx");
    expect(rotated.isStale(again)).toBe(false);
    expect(new SecretBox(NEW_KEY).open(again, "ctx")).toBe(API_KEY);
  });
});
