import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { e2e, serverLogs } from "./support/env";

/** The main portal's store (playwright.config.ts gives each portal a SQLite file of its own). */
const storeFile = join(e2e.dataDir, `portal-${e2e.portalPort}.db`);
import { deadLetters, expect, sandbox, test } from "./support/fixtures";
import { seedEndpoint, revealAndClose } from "./support/seed";
import { addChannel, stopWatching } from "./support/alerts";

/**
 * Leaks: everything the browser receives during a whole session, signed in by pasting
 * the key, is captured: every response's headers and body, the console, every URL, storage and
 * script-readable cookies; then the main portal's and the sandbox's own output. The API key may
 * appear in none of it; a full signing secret only in the create or rotate answer that carries it
 * (and so in the one-time dialog, which is not captured: it is the point).
 */
interface Received {
  url: string;
  text: string;
}

test("a whole session leaks neither the API key nor a secret, to the browser or the servers' output", async ({
  page,
  receiver,
}) => {
  test.setTimeout(90_000);
  const received: Received[] = [];
  const pending: Promise<void>[] = [];
  const urls: string[] = [];
  const consoleLines: string[] = [];
  const cookies: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("console", (message) => consoleLines.push(message.text()));
  page.on("response", (response) => {
    pending.push(
      response.body().then(
        (body) => {
          received.push({
            url: `${response.request().method()} ${response.url()}`,
            text: `${JSON.stringify(response.headers())}\n${body.toString("utf8")}`,
          });
        },
        () => {
          received.push({ url: response.url(), text: JSON.stringify(response.headers()) });
        },
      ),
    );
  });
  const snapshot = async () => cookies.push(await page.evaluate(() => document.cookie));

  // A dead letter to replay later.
  const failing = await seedEndpoint({
    url: `http://127.0.0.1:${e2e.closedPort}/hook`,
    description: "Leak check, failing",
    event_types: ["leak.check"],
  });
  await sandbox.post("/_sandbox/events", { type: "leak.check", data: {} });
  const [dead] = await deadLetters(failing.id);

  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(e2e.keys.orgA);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhook endpoints", exact: true })).toBeVisible();
  await snapshot();

  await page.getByRole("link", { name: "Add endpoint" }).first().click();
  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByLabel("Description").fill("Leak check");
  await page.getByRole("button", { name: "Create endpoint" }).click();
  const created = await revealAndClose(page);
  await expect(page).toHaveURL(/\/webhooks\/[A-Za-z0-9]{22}$/);
  await snapshot();

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await revealAndClose(page);
  await page.getByRole("button", { name: "Send test ping" }).click();
  await expect(page.getByRole("region", { name: "Test" })).toContainText("HTTP status: 200");
  await receiver.waitFor(1);
  await page.getByRole("button", { name: "Edit settings" }).click();
  await page.getByLabel("Description").fill("Leak check, edited");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await snapshot();

  // Watching, with the session's key kept sealed in the store, and a signed webhook channel whose
  // secret is shown once; a test notice goes out; then watching stops and the key is erased.
  await page.goto("/alerts");
  await page.getByRole("button", { name: "Watch with my key" }).click();
  await expect(page.getByRole("button", { name: "Stop watching" })).toBeVisible();
  await addChannel(page, "Signed webhook", receiver.url);
  const channelSecret = await revealAndClose(page);
  await page.getByRole("button", { name: `Send a test notice to Signed webhook: ${receiver.url}` }).click();
  const [, notice] = await receiver.waitFor(2);
  expect(notice!.rawBody, "a notice carries no key").not.toContain(e2e.keys.orgA);
  const storeWhileWatching = [storeFile, `${storeFile}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString("latin1"))
    .join("");
  expect(storeWhileWatching, "the store keeps the watch key's prefix").toContain(
    `${e2e.keys.orgA.slice(0, 8)}...`,
  );
  await stopWatching(page);
  await snapshot();

  await page.goto(`/deliveries?endpoint_id=${failing.id}&status=dead_letter`);
  await page
    .getByRole("button", { name: /Replay delivery/ })
    .first()
    .click();
  await expect(page.getByText(/Replayed as a new delivery/)).toBeVisible();
  await page.goto(`/deliveries/${dead!.id}?endpoint_id=${failing.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snapshot();
  const storage = await page.evaluate(async () => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    indexedDB: JSON.stringify(await indexedDB.databases()),
  }));

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await Promise.all(pending);

  const key = e2e.keys.orgA;
  const carriers = (value: string) => received.filter((r) => r.text.includes(value)).map((r) => r.url);
  expect(received.length, "responses captured").toBeGreaterThan(20);
  expect(carriers(key), "responses carrying the API key").toEqual([]);
  expect(carriers(created), "responses carrying the first secret").toEqual([
    expect.stringMatching(/^POST .*\/api\/webhooks\/endpoints$/),
  ]);
  expect(carriers(rotated), "responses carrying the rotated secret").toEqual([
    expect.stringMatching(/^POST .*\/rotate-secret$/),
  ]);
  expect(carriers(channelSecret), "responses carrying the channel's secret").toEqual([
    expect.stringMatching(/^POST .*\/api\/alerts\/channels$/),
  ]);
  // The scan reads real output: both servers wrote to their logs.
  expect(readFileSync(serverLogs.portal, "utf8")).toContain(`"msg":"listening"`);
  expect(readFileSync(serverLogs.sandbox, "utf8")).toContain("[sandbox]");
  // The portal's store (SQLite: its file and its write-ahead log) holds this session's entries, and
  // neither the key nor a secret, not even the masked one.
  const store = [storeFile, `${storeFile}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString("latin1"))
    .join("");
  expect(store, "the store recorded the session").toContain("secret.rotated");
  expect(store, "the store holds no masked secret").not.toContain(`${created.slice(0, 8)}...`);
  for (const [where, texts] of Object.entries({
    urls,
    console: consoleLines,
    cookies,
    storage: Object.values(storage),
    "portal output": [readFileSync(serverLogs.portal, "utf8")],
    "sandbox output": [readFileSync(serverLogs.sandbox, "utf8")],
    "portal store": [store, storeWhileWatching],
  })) {
    for (const secret of [key, created, rotated, channelSecret]) {
      expect(
        texts.some((text) => text.includes(secret)),
        `${where} holds ${secret === key ? "the API key" : "a secret"}`,
      ).toBe(false);
    }
  }
  expect(cookies.join(";"), "the session cookie is not readable by scripts").not.toContain("closient_portal");
});
