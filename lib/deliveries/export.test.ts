import { describe, expect, it } from "vitest";
import { ClosientError, type Delivery } from "@/lib/closient";
import { csvCell } from "@/lib/csv";
import { collectLog, EXPORT_COLUMNS, toCsv, toJson, type ListPaced } from "./export";

const delivery = (i: number, extra: Partial<Delivery> = {}): Delivery => ({
  id: `d${i}`,
  endpoint_id: "e1",
  event_id: `evt_${i}`,
  event_type: "offer.updated",
  status: "dead_letter",
  created_at: new Date(Date.UTC(2026, 11, 1, 12, 0, -i)).toISOString(),
  http_status_code: 503,
  response_body: "down",
  attempts: 8,
  last_attempted_at: null,
  ...extra,
});

/** A log of `count` rows served 50 a page, with what each call asked and answered. */
function log(count: number, headers: Record<string, string> = {}) {
  const rows = Array.from({ length: count }, (_, i) => delivery(i));
  const asked: Record<string, unknown>[] = [];
  const list: ListPaced = (query) => {
    asked.push(query);
    const page = query.page ?? 1;
    const data = rows.slice((page - 1) * 50, page * 50);
    return Promise.resolve({
      data: {
        data,
        pagination: {
          page,
          page_size: 50,
          total_count: count,
          total_pages: Math.ceil(count / 50),
          has_next: page * 50 < count,
          has_previous: page > 1,
        },
        unreadable: 0,
      },
      headers,
    });
  };
  return { rows, asked, list };
}

describe("reading the log for an export", () => {
  it("reads every page of the filters, with the time pinned when it began", async () => {
    const { rows, asked, list } = log(120);
    const progress: number[] = [];
    const result = await collectLog(
      list,
      { status: "dead_letter", page: 3 },
      {
        now: () => "2026-12-01T12:00:00.000Z",
        onProgress: (p) => progress.push(p.rows),
      },
    );
    expect(result).toEqual({ rows, total: 120, truncated: false });
    expect(asked).toEqual(
      [1, 2, 3].map((page) => ({
        status: "dead_letter",
        page,
        page_size: 50,
        created_before: "2026-12-01T12:00:00.000Z",
      })),
    );
    expect(progress).toEqual([50, 100, 120]);
  });

  it("stops at 10,000 rows and says there were more", async () => {
    const { list, asked } = log(10_060);
    const result = await collectLog(list, {});
    expect(result.rows).toHaveLength(10_000);
    expect(result).toMatchObject({ total: 10_060, truncated: true });
    expect(asked).toHaveLength(200);
  });

  it("waits for the rate limit's reset when it runs low, and out a 429 before the same page again", async () => {
    const { list: inner } = log(100, { "ratelimit-remaining": "0", "ratelimit-reset": "2" });
    let refused = false;
    const list: ListPaced = (query) => {
      if (query.page === 2 && !refused) {
        refused = true;
        return Promise.reject(
          new ClosientError(429, "RATE_LIMITED", "Slow down.", null, { "retry-after": "3" }),
        );
      }
      return inner(query);
    };
    const slept: number[] = [];
    const result = await collectLog(list, {}, { sleep: (ms) => Promise.resolve(void slept.push(ms)) });
    expect(result.rows).toHaveLength(100);
    expect(slept).toEqual([2000, 3000]);
  });

  it("stops when cancelled, and passes on a failure that is not a rate limit", async () => {
    const controller = new AbortController();
    const { list } = log(500);
    await expect(
      collectLog(list, {}, { signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow();
    const down: ListPaced = () => Promise.reject(new ClosientError(502, "UPSTREAM_UNAVAILABLE", "Down."));
    await expect(collectLog(down, {})).rejects.toThrow("Down.");
  });
});

describe("the log as a file", () => {
  it("escapes what a spreadsheet would run as a formula, and quotes as RFC 4180 says", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvCell(" padded ")).toBe('" padded "');
    expect(csvCell(503)).toBe("503");
    expect(csvCell(null)).toBe("");
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes a header and one line a row in CSV, and the same fields in JSON", () => {
    const rows = [delivery(1, { response_body: "=1+1", http_status_code: null })];
    expect(toCsv(rows).split("\r\n")).toEqual([
      EXPORT_COLUMNS.join(","),
      `d1,e1,evt_1,offer.updated,dead_letter,8,,'=1+1,${rows[0]!.created_at},`,
      "",
    ]);
    const json = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(json[0]!.response_body).toBe("=1+1");
  });
});
