import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-time";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [60, "1 min"],
    [248, "4 min 8 s"],
    [7380, "2 h 3 min"],
    [7205, "2 h"],
    [86_400, "1 day"],
    [3 * 86_400 + 7200 + 59, "3 days 2 h"],
  ])("%i s is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
