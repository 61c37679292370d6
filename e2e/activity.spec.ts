import type { Page } from "@playwright/test";
import { sandboxClient } from "../harness/sandbox-client";
import { e2e, sandboxUrl, TEAM } from "./support/env";
import { expect, test } from "./support/fixtures";
import { revealAndClose } from "./support/seed";

/**
 * The activity log, end to end: two admins of one organization (two users' keys) change one
 * endpoint through the portal; each entry names the right person and what changed, on the page and
 * in the JSON route; a change made outside the portal is noticed when the portal reads the
 * endpoint; another organization sees none of it.
 */
const team = sandboxClient(sandboxUrl, e2e.keys.teamD);

async function signInAs(page: Page, key: string) {
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
}

async function activity(page: Page, query = "") {
  const res = await page.request.get(`/api/activity${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    data: {
      action: string;
      actor: { name: string };
      target: { id: string | null; name: string | null } | null;
      outcome: string;
      changes: unknown;
    }[];
    next_cursor: string | null;
  };
}

test("two admins act; each entry names who and what changed, on the page and in the API; another organization sees none", async ({
  page,
  browser,
  baseURL,
}) => {
  const name = `Warehouse sync ${Date.now().toString(36)}`;
  const made = await team.post("webhooks/endpoints/", {
    url: "https://warehouse.example/hooks",
    description: name,
    event_types: ["offer.updated"],
    metadata: { team: "fulfilment" },
  });
  const id = made.body.id as string;

  // Alice edits the event types and a metadata value, then rotates the secret.
  await signInAs(page, e2e.keys.alice);
  await page.goto(`/webhooks/${id}`);
  await page.getByRole("button", { name: "Edit settings" }).click();
  await page.getByRole("checkbox", { name: /product\.recalled/ }).check();
  await page.getByLabel("Metadata value 1").fill("logistics");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
  await revealAndClose(page);

  // Bob, in a browser of his own, pauses it.
  const bobContext = await browser.newContext({ baseURL });
  const bob = await bobContext.newPage();
  await signInAs(bob, e2e.keys.bob);
  await bob.goto(`/webhooks/${id}`);
  await bob.getByRole("switch", { name: `Pause ${name}` }).click();
  await bob.getByRole("alertdialog").getByRole("button", { name: "Pause endpoint" }).click();
  await expect(bob.getByRole("switch", { name: `Resume ${name}` })).toBeVisible();

  // The JSON route, for scripts: newest first, each with its actor, target and outcome.
  await expect
    .poll(
      async () =>
        (await activity(bob, `?endpoint=${id}`)).data.filter((e) => e.outcome === "succeeded").length,
    )
    .toBe(3);
  const { data } = await activity(bob, `?endpoint=${id}`);
  expect(data.map((e) => [e.actor.name, e.action, e.target?.name])).toEqual([
    [TEAM.bob, "endpoint.paused", name],
    [TEAM.alice, "secret.rotated", name],
    [TEAM.alice, "endpoint.updated", name],
  ]);
  expect(data[2]!.changes).toEqual({
    event_types: { added: ["product.recalled"], removed: [] },
    metadata: { set: { team: { before: "fulfilment", after: "logistics" } }, removed: {} },
  });
  expect(JSON.stringify(data)).not.toMatch(/signing_secret|[0-9a-f]{64}|csu_|csb_/);

  // The page, in words, with the change on demand; filtered by who.
  await bob.goto(`/activity?endpoint=${id}`);
  const entries = bob.getByRole("region", { name: "Entries" }).getByRole("listitem");
  await expect(entries.first()).toContainText(`${TEAM.bob} paused ${name}`);
  await expect(bob.getByText(`${TEAM.alice} rotated the signing secret of ${name}`)).toBeVisible();
  await bob
    .getByText(`${TEAM.alice} edited ${name}`)
    .locator("xpath=ancestor::li")
    .getByText("What changed (2)")
    .click();
  await expect(bob.getByText("Event types added: product.recalled")).toBeVisible();
  await expect(bob.getByText('Metadata team: "fulfilment" → "logistics"')).toBeVisible();
  await bob.getByLabel("Who").fill(TEAM.alice);
  await bob.getByRole("button", { name: "Filter" }).click();
  await expect(bob).toHaveURL(new RegExp(`actor=${encodeURIComponent(TEAM.alice)}`));
  await expect(bob.getByText(`${TEAM.bob} paused`)).toHaveCount(0);
  await expect(bob.getByText(`${TEAM.alice} rotated the signing secret of ${name}`)).toBeVisible();

  // The endpoint's own page lists its last changes.
  await bob.goto(`/webhooks/${id}`);
  await expect(bob.getByRole("region", { name: "Recent changes" })).toContainText(
    `${TEAM.bob} paused ${name}`,
  );

  // A change made outside the portal is noticed when the portal next reads the endpoint.
  await team.patch(`webhooks/endpoints/${id}/`, { description: `${name}, renamed` });
  await bob.goto(`/webhooks/${id}`);
  await expect
    .poll(
      async () => (await activity(bob, `?endpoint=${id}&action=endpoint.changed_elsewhere`)).data[0]?.changes,
    )
    .toEqual({ description: { before: name, after: `${name}, renamed` } });

  // A change made outside, then an edit through the portal before any page read it: the outside
  // change is its own entry, not folded into the edit.
  await team.patch(`webhooks/endpoints/${id}/`, { metadata: { region: "eu" } });
  const edit = await bob.request.patch(`/api/webhooks/endpoints/${id}`, { data: { description: name } });
  expect(edit.status()).toBe(200);
  await expect
    .poll(async () =>
      (await activity(bob, `?endpoint=${id}`)).data.slice(0, 2).map((e) => [e.action, e.changes]),
    )
    .toEqual([
      ["endpoint.updated", { description: { before: `${name}, renamed`, after: name } }],
      [
        "endpoint.changed_elsewhere",
        { metadata: { set: { region: { before: null, after: "eu" } }, removed: {} } },
      ],
    ]);

  // Another organization: nothing of it, whatever the filters say.
  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await signInAs(other, e2e.keys.orgA);
  expect((await activity(other, `?endpoint=${id}`)).data).toEqual([]);
  expect((await activity(other, `?actor=${encodeURIComponent(TEAM.alice)}`)).data).toEqual([]);
  await bobContext.close();
  await otherContext.close();
});

test("the sign-in is recorded; the export is formula-safe CSV of the same entries", async ({ page }) => {
  await signInAs(page, e2e.keys.alice);
  const mine = await activity(page, `?actor=${encodeURIComponent(TEAM.alice)}&action=session.signed_in`);
  expect(mine.data[0]).toMatchObject({ actor: { name: TEAM.alice }, outcome: "succeeded" });
  const csv = await page.request.get(
    `/api/activity/export?format=csv&actor=${encodeURIComponent(TEAM.alice)}`,
  );
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="closient-activity-.*\.csv"/);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe(
    "id,at,summary,actor_kind,actor_name,action,target_kind,target_id,target_name,outcome,error_code,request_id,changes",
  );
  expect(text).toContain(`${TEAM.alice} signed in`);
});
