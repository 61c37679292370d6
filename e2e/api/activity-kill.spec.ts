import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, sandboxClient } from "../../harness/sandbox-client";
import { e2e, portalUrl, sandboxUrl } from "../support/env";
import { expect, test } from "../support/fixtures";
import { signInTo, startPortal } from "../support/portal-process";

/**
 * SIGKILL of the portal during a burst of changes: an entry is written before each change goes to
 * Closient, so every endpoint that Closient created has an entry (completed, or left pending: the
 * page says "outcome unknown" once it is old), whatever moment the kill came at.
 */
test("SIGKILL during a burst of creates: every endpoint Closient made has an entry", async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), "portal-kill-"));
  const store = join(dir, "portal.db");
  const port = await freePort();
  const tag = `kill-${Date.now().toString(36)}`;
  let portal = await startPortal(port, `file:${store}`);
  try {
    const cookie = await signInTo(port, e2e.keys.teamD);
    const create = (i: number) =>
      fetch(`${portalUrl(port)}/api/webhooks/endpoints`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: portalUrl(port), Cookie: cookie },
        body: JSON.stringify({ url: `https://kill.example/${i}`, description: `${tag} ${i}` }),
      }).then(
        (r) => r.status,
        () => 0, // cut by the kill
      );
    const burst = Array.from({ length: 60 }, (_, i) => create(i));
    await new Promise((r) => setTimeout(r, 250));
    portal.kill("SIGKILL");
    const statuses = await Promise.all(burst);
    expect(statuses.filter((s) => s === 201).length, "some creates finished before the kill").toBeGreaterThan(
      0,
    );
    expect(statuses.filter((s) => s === 0).length, "the kill cut some creates short").toBeGreaterThan(0);

    // What Closient made, against what the log says after a restart on the same store.
    const made = new Set<string>();
    const team = sandboxClient(sandboxUrl, e2e.keys.teamD);
    for (let page = 1; ; page++) {
      const { body } = await team.get(`webhooks/endpoints/?page=${page}&page_size=50`);
      for (const e of body.data as { description: string }[])
        if (e.description.startsWith(tag)) made.add(e.description);
      if (!body.pagination.has_next) break;
    }
    portal = await startPortal(port, `file:${store}`);
    const again = await signInTo(port, e2e.keys.teamD);
    const res = await fetch(`${portalUrl(port)}/api/activity?action=endpoint.created&limit=200`, {
      headers: { Cookie: again },
    });
    const entries = (
      (await res.json()) as { data: { target: { name: string }; outcome: string }[] }
    ).data.filter((e) => e.target.name.startsWith(tag));
    const logged = new Set(entries.map((e) => e.target.name));
    expect(made.size).toBeGreaterThan(0);
    expect(
      [...made].filter((name) => !logged.has(name)),
      "made by Closient, with no entry",
    ).toEqual([]);
    // Each is either complete or left pending by the kill; none is lost, none is doubled.
    expect(entries.every((e) => ["succeeded", "pending", "unknown"].includes(e.outcome))).toBe(true);
    expect(entries.length).toBe(logged.size);
  } finally {
    portal.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});
