import type { Page, Request } from "@playwright/test";
import type { ReceivedWebhook } from "../harness/receiver";
import { expect, sandbox, signInWithSandbox, test } from "./support/fixtures";
import { seedEndpoint } from "./support/seed";

/**
 * "Verify a signature", driven with real deliveries captured by a real receiver: each outcome in
 * words, and not one request carrying the secret, the body or the signature.
 */
async function emit(receiver: {
  received: ReceivedWebhook[];
  waitFor(n: number): Promise<ReceivedWebhook[]>;
}) {
  const before = receiver.received.length;
  await sandbox.post("/_sandbox/events", { type: "offer.updated", data: { price: 12.5, note: "Café ✓" } });
  return (await receiver.waitFor(before + 1))[before]!;
}

async function check(page: Page, fields: { body: string; header: string; secret: string }) {
  await page.getByLabel("Raw body").fill(fields.body);
  await page.getByLabel("X-Closient-Signature header").fill(fields.header);
  await page.getByLabel("Signing secret").fill(fields.secret);
  await page.getByRole("button", { name: "Check signature" }).click();
  return page.getByRole("status").filter({ has: page.getByRole("heading") });
}

test("the signature check names each cause with real deliveries, and sends none of it anywhere", async ({
  page,
  receiver,
}) => {
  const created = await seedEndpoint({
    url: receiver.url,
    description: "Signature checks",
    event_types: ["offer.updated"],
  });
  const first: string = created.signing_secret;
  const plain = await emit(receiver);
  const second: string = (await sandbox.post(`webhooks/endpoints/${created.id}/rotate-secret/`)).body
    .signing_secret;
  const inGrace = await emit(receiver);
  expect(inGrace.signature).toContain(",v1old=");

  await signInWithSandbox(page);
  await page.goto(`/webhooks/${created.id}`);
  await page.getByRole("link", { name: "Verify a signature" }).last().click();
  await expect(page).toHaveURL(new RegExp(`/verify\\?endpoint=${created.id}$`));
  await expect(page.getByRole("heading", { name: "Verify a signature" })).toBeVisible();
  await expect(page.getByText(`Its current one starts with ${second.slice(0, 8)}...`)).toBeVisible();

  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));

  const report = await check(page, { body: plain.rawBody, header: plain.signature, secret: first });
  await expect(report).toContainText("Valid: signed with this secret (v1)");

  await check(page, { body: inGrace.rawBody, header: inGrace.signature, secret: first });
  await expect(report).toContainText("Valid only as v1old: the previous secret");
  await check(page, { body: inGrace.rawBody, header: inGrace.signature, secret: second });
  await expect(report).toContainText("Valid: signed with this secret (v1)");

  // Two hours later, the same capture is stale; checked at its own time, it is valid again.
  await page.clock.setFixedTime(Date.now() + (2 * 3600 + 3 * 60 + 30) * 1000);
  await check(page, { body: inGrace.rawBody, header: inGrace.signature, secret: second });
  await expect(report).toContainText(/Refused: the timestamp is 2 h 3 min old/);
  await expect(report).toContainText("The signature itself is right (v1).");
  await page.getByLabel("The signature's own time, for an old capture").check();
  await expect(report).toContainText("Valid: signed with this secret (v1)");
  await expect(report).toContainText("Checked at the signature's own time.");
  await page.getByLabel("Now, as a receiver does").check();
  await page.clock.setFixedTime(Date.now());

  const pretty = JSON.stringify(JSON.parse(inGrace.rawBody), null, 2);
  await check(page, { body: pretty, header: inGrace.signature, secret: second });
  await expect(report).toContainText("Refused: the body was changed after it was signed");
  await expect(report).toContainText("the JSON was re-formatted");
  await expect(report).toContainText("First difference at line 1, column 2 (character 2)");

  await check(page, { body: `${inGrace.rawBody}\n`, header: inGrace.signature, secret: second });
  await expect(report).toContainText("A line break was added at its end.");

  const edited = inGrace.rawBody.replace("12.5", "13.5");
  await page.getByText("Compare with the body that was sent (optional)").click();
  await page.getByLabel("Original body").fill(inGrace.rawBody);
  await check(page, { body: edited, header: inGrace.signature, secret: second });
  await expect(report).toContainText("It differs from the original body you gave, which does verify.");
  await expect(report).toContainText(
    `First difference at line 1, column ${inGrace.rawBody.indexOf("12.5") + 2}`,
  );
  await page.getByLabel("Original body").fill("");

  const stranger = "0123456789abcdef".repeat(4);
  await check(page, { body: inGrace.rawBody, header: inGrace.signature, secret: stranger });
  await expect(report).toContainText("Refused: wrong secret");
  await expect(report).toContainText(`starts with ${second.slice(0, 8)}, and this one does not`);

  await check(page, { body: inGrace.rawBody, header: inGrace.signature, secret: `${second.slice(0, 8)}...` });
  await expect(report).toContainText("This is the masked form of a secret.");

  const [t, v1] = [/t=(\d+)/.exec(inGrace.signature)![1]!, /v1=([0-9a-f]+)/.exec(inGrace.signature)![1]!];
  await check(page, { body: inGrace.rawBody, header: `t=${t}000,v1=${v1.slice(0, 40)}`, secret: second });
  await expect(report).toContainText("Refused: the header is malformed");
  await expect(report).toContainText(`t=${t}000 looks like milliseconds`);
  await expect(report).toContainText("v1= has 40 hex characters, not 64");

  // Nothing typed left the page: no URL, header or body of any request carries it.
  const secrets = [first, second, stranger, v1, plain.rawBody, inGrace.rawBody, "Café"];
  for (const request of requests) {
    const sent = [request.url(), JSON.stringify(await request.allHeaders()), request.postData() ?? ""].join(
      "\n",
    );
    for (const value of secrets) expect(sent, request.url()).not.toContain(value);
  }
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
});

test("the endpoint page and the one-time dialog show the recipes, never with a secret in them", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const created = await seedEndpoint({ url: "https://recipes.example/hook", description: "Recipes" });
  await signInWithSandbox(page);
  await page.goto(`/webhooks/${created.id}`);
  const recipes = page.getByRole("region", { name: "Verifying signatures" });
  for (const label of ["Node.js", "Python", "Go", "Ruby", "PHP"]) {
    await expect(recipes.getByText(label, { exact: true })).toBeVisible();
  }
  await recipes.getByText("Python", { exact: true }).click();
  await expect(recipes.getByLabel("Python recipe", { exact: true })).toContainText(
    "def verify_closient_signature(",
  );
  await recipes.getByRole("button", { name: "Copy the Python recipe" }).click();
  await expect(recipes.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("hmac.compare_digest");

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
  const dialog = page.getByRole("dialog");
  const secret = await dialog.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await dialog.getByText("How your receiver verifies a webhook").click();
  await dialog.getByText("Node.js", { exact: true }).click();
  await expect(dialog.getByLabel("Node.js recipe", { exact: true })).toContainText(
    "process.env.CLOSIENT_WEBHOOK_SECRET",
  );
  for (const code of await dialog.locator("pre").allTextContents()) expect(code).not.toContain(secret);
});
