/**
 * Runs each receiver recipe of lib/verify/recipes.ts, as shown to admins, against real deliveries from
 * the sandbox: a plain delivery, a delivery during a rotation's grace (`v1` and `v1old`), stale
 * timestamps both ways, a changed body, a re-serialised body, the wrong secret and a header with
 * no signature. Languages whose toolchain is missing are skipped by name (CI installs them all).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningSecret } from "../closient/secret";
import { RECIPES, type RecipeId } from "./recipes";
import { WebhookReceiver, type ReceivedWebhook } from "../../harness/receiver";
import { startTestSandbox, type TestSandbox } from "../../harness/sandbox-in-process";

interface Case {
  name: string;
  body: string;
  header: string;
  secret: string;
  now: number;
  expected: string;
}

/** Per language: the harness beside the recipe, and the command that runs both on cases.json. */
const harnesses: Record<RecipeId, { files: Record<string, string>; command: (dir: string) => string[] }> = {
  node: {
    files: {
      "run.mjs": `import { readFileSync } from "node:fs";
import { verifyClosientSignature } from "./verify-closient.mjs";
for (const c of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  try {
    console.log("ok " + verifyClosientSignature(Buffer.from(c.body, "utf8"), c.header, c.secret, c.now));
  } catch (error) {
    console.log("error " + error.message);
  }
}
`,
    },
    command: (dir) => [process.execPath, join(dir, "run.mjs")],
  },
  python: {
    files: {
      "run.py": `import json, sys
from verify_closient import InvalidSignature, verify_closient_signature
for c in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        print("ok " + verify_closient_signature(c["body"].encode("utf-8"), c["header"], c["secret"], c["now"]))
    except InvalidSignature as error:
        print("error " + str(error))
`,
    },
    command: (dir) => ["python3", join(dir, "run.py")],
  },
  go: {
    files: {
      "go.mod": "module recipetest\n\ngo 1.18\n",
      "main.go": `package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"recipetest/closientwebhooks"
)

type testCase struct {
	Body   string \`json:"body"\`
	Header string \`json:"header"\`
	Secret string \`json:"secret"\`
	Now    int64  \`json:"now"\`
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []testCase
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	for _, c := range cases {
		scheme, err := closientwebhooks.Verify([]byte(c.Body), c.Header, c.Secret, time.Unix(c.Now, 0))
		if err != nil {
			fmt.Println("error " + err.Error())
		} else {
			fmt.Println("ok " + scheme)
		}
	}
}
`,
    },
    command: () => ["go", "run", "."],
  },
  ruby: {
    files: {
      "run.rb": `require "json"
require_relative "verify_closient"
JSON.parse(File.read(ARGV[0], encoding: "utf-8")).each do |c|
  puts "ok #{ClosientWebhooks.verify(c["body"], c["header"], c["secret"], now: c["now"])}"
rescue ClosientWebhooks::InvalidSignature => e
  puts "error #{e.message}"
end
`,
    },
    command: (dir) => ["ruby", join(dir, "run.rb")],
  },
  php: {
    files: {
      "run.php": `<?php
require __DIR__ . '/verify_closient.php';
foreach (json_decode(file_get_contents($argv[1]), true) as $c) {
    try {
        echo 'ok ' . closient_verify_signature($c['body'], $c['header'], $c['secret'], $c['now']) . "\\n";
    } catch (UnexpectedValueException $e) {
        echo 'error ' . $e->getMessage() . "\\n";
    }
}
`,
    },
    command: (dir) => ["php", join(dir, "run.php")],
  },
};

const toolchain: Record<RecipeId, string[]> = {
  node: [process.execPath, "--version"],
  python: ["python3", "--version"],
  go: ["go", "version"],
  ruby: ["ruby", "--version"],
  php: ["php", "--version"],
};
const installed = (id: RecipeId) => {
  const [command, ...args] = toolchain[id];
  return spawnSync(command!, args).status === 0;
};

let t: TestSandbox;
let receiver: WebhookReceiver;
let work: string;
const cases: Case[] = [];

beforeAll(async () => {
  t = await startTestSandbox();
  receiver = await WebhookReceiver.start();
  work = mkdtempSync(join(tmpdir(), "recipes-"));
  const created = await t.a.post("webhooks/endpoints/", {
    url: receiver.url,
    event_types: ["offer.updated"],
  });
  expect(created.status).toBe(201);
  const first: string = created.body.signing_secret;
  const emit = async (note: string): Promise<ReceivedWebhook> => {
    const before = receiver.received.length;
    expect((await t.a.post("/_sandbox/events", { type: "offer.updated", data: { note } })).status).toBe(201);
    return (await receiver.waitFor(before + 1))[before]!;
  };
  // Non-ASCII text, so a recipe that hashes characters instead of bytes would fail.
  const plain = await emit("Café crème, 5 € ✓");
  const rotated = await t.a.post(`webhooks/endpoints/${created.body.id}/rotate-secret/`);
  expect(rotated.status).toBe(200);
  const second: string = rotated.body.signing_secret;
  const inGrace = await emit("during the grace");
  expect(inGrace.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1old=[0-9a-f]{64}$/);

  const at = (w: ReceivedWebhook) => Number(/t=(\d+)/.exec(w.signature)![1]);
  const c = (name: string, w: ReceivedWebhook, secret: string, expected: string, extra: Partial<Case> = {}) =>
    cases.push({ name, body: w.rawBody, header: w.signature, secret, now: at(w), expected, ...extra });
  c("a delivery, its secret", plain, first, "ok v1");
  c("in the grace, the new secret", inGrace, second, "ok v1");
  c("in the grace, the previous secret", inGrace, first, "ok v1old");
  c("checked 301 s later", plain, first, "error timestamp outside the 5-minute tolerance", {
    now: at(plain) + 301,
  });
  c("checked 300 s later", plain, first, "ok v1", { now: at(plain) + 300 });
  c("a timestamp 301 s ahead", plain, first, "error timestamp outside the 5-minute tolerance", {
    now: at(plain) - 301,
  });
  c("a changed body", plain, first, "error signature mismatch", {
    body: plain.rawBody.replace("5 €", "6 €"),
  });
  c("a re-serialised body", plain, first, "error signature mismatch", {
    body: JSON.stringify(JSON.parse(plain.rawBody), null, 2),
  });
  c("the wrong secret", plain, generateSigningSecret(), "error signature mismatch");
  c("after the grace the old secret is no longer tried", inGrace, first, "error signature mismatch", {
    header: inGrace.signature.replace(/,v1old=.*/, ""),
  });
  c("a header with no signature", plain, first, "error malformed signature header", {
    header: `t=${at(plain)}`,
  });
  c("an empty header", plain, first, "error malformed signature header", { header: "" });
  writeFileSync(join(work, "cases.json"), JSON.stringify(cases));
}, 30_000);

afterAll(async () => {
  await receiver?.close();
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("verification recipes against real sandbox deliveries", () => {
  for (const recipe of RECIPES) {
    it.skipIf(!installed(recipe.id))(`${recipe.label} (${recipe.filename})`, () => {
      const dir = join(work, recipe.id);
      const harness = harnesses[recipe.id];
      for (const [file, text] of Object.entries({ ...harness.files, [recipe.filename]: recipe.code })) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const [command, ...args] = harness.command(dir);
      const run = spawnSync(command!, [...args, join(work, "cases.json")], {
        cwd: dir,
        encoding: "utf8",
        timeout: 120_000,
        env: {
          ...process.env,
          GOCACHE: join(work, "gocache"),
          GOPATH: join(work, "gopath"),
          GOFLAGS: "-mod=mod",
        },
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const lines = run.stdout.trim().split("\n");
      expect(cases.map((c, i) => `${c.name}: ${lines[i]}`)).toEqual(
        cases.map((c) => `${c.name}: ${c.expected}`),
      );
    });
  }

  it("the Node and Python recipes, the two that must run everywhere, have their toolchains", () => {
    expect(installed("node") && installed("python")).toBe(true);
  });
});
