/**
 * Receiver code that verifies `X-Closient-Signature`, in five languages: shown on the endpoint
 * page, in the one-time secret dialog and on the signature check page, and run against real
 * sandbox deliveries by `lib/verify/recipes.test.ts` (every language whose toolchain is installed; CI
 * installs them all). Each reads the secret from the receiver's environment: no recipe is ever
 * filled in with a secret.
 *
 * Each recipe is the whole file a receiver copies. The same steps in each: split the header on
 * ",", then each part on the first "="; refuse a `t` more than 300 s from now; HMAC-SHA256 over
 * `"{t}." + raw body` with the secret's UTF-8 bytes; compare in constant time with `v1`, then
 * `v1old` (the previous secret, during a rotation's 24-hour grace).
 */
export type RecipeId = "node" | "python" | "go" | "ruby" | "php";

export interface Recipe {
  id: RecipeId;
  label: string;
  filename: string;
  /** Where the raw body comes from in that language's usual web framework. */
  rawBodyHint: string;
  code: string;
}

const node = String.raw`// verify-closient.mjs: checks X-Closient-Signature (Node.js 18+, no dependencies).
import { createHmac, timingSafeEqual } from "node:crypto";

const TOLERANCE_SECONDS = 300;

/**
 * rawBody: the request body exactly as received, a Buffer, before any JSON parsing.
 * Returns "v1", or "v1old" when it was signed with the previous secret during a
 * rotation's 24-hour grace. Throws when the request must be refused (answer 400).
 */
export function verifyClosientSignature(rawBody, header, secret, now = Math.floor(Date.now() / 1000)) {
  let timestamp = null;
  const signatures = [];
  for (const part of String(header ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (name === "t" && /^\d+$/.test(value)) timestamp = Number(value);
    else if (name === "v1" || name === "v1old") signatures.push([name, value]);
  }
  if (timestamp === null || signatures.length === 0) throw new Error("malformed signature header");
  if (Math.abs(now - timestamp) > TOLERANCE_SECONDS) {
    throw new Error("timestamp outside the 5-minute tolerance");
  }
  const expected = createHmac("sha256", secret).update(timestamp + ".").update(rawBody).digest();
  for (const [scheme, hex] of signatures) {
    const given = Buffer.from(hex, "hex");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return scheme;
  }
  throw new Error("signature mismatch");
}

// Express:
// app.post("/webhooks", express.raw({ type: "application/json" }), (req, res) => {
//   verifyClosientSignature(req.body, req.get("X-Closient-Signature"), process.env.CLOSIENT_WEBHOOK_SECRET);
//   const event = JSON.parse(req.body);
//   res.sendStatus(200);
// });
`;

const python = String.raw`# verify_closient.py: checks X-Closient-Signature (Python 3.8+, standard library only).
import hashlib
import hmac
import time
from typing import Optional

TOLERANCE_SECONDS = 300


class InvalidSignature(Exception):
    pass


def verify_closient_signature(raw_body: bytes, header: str, secret: str, now: Optional[int] = None) -> str:
    """raw_body: the request body exactly as received, bytes, before any JSON parsing.

    Returns "v1", or "v1old" when it was signed with the previous secret during a
    rotation's 24-hour grace. Raises InvalidSignature when the request must be refused.
    """
    timestamp = None
    signatures = []
    for part in (header or "").split(","):
        name, sep, value = part.partition("=")
        if not sep:
            continue
        if name == "t" and value.isascii() and value.isdigit():
            timestamp = int(value)
        elif name in ("v1", "v1old"):
            signatures.append((name, value))
    if timestamp is None or not signatures:
        raise InvalidSignature("malformed signature header")
    if abs((int(time.time()) if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        raise InvalidSignature("timestamp outside the 5-minute tolerance")
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw_body, hashlib.sha256).hexdigest()
    for scheme, given in signatures:
        if hmac.compare_digest(given.encode(), expected.encode()):
            return scheme
    raise InvalidSignature("signature mismatch")


# Flask:
# @app.post("/webhooks")
# def webhooks():
#     verify_closient_signature(request.get_data(), request.headers.get("X-Closient-Signature", ""),
#                               os.environ["CLOSIENT_WEBHOOK_SECRET"])
#     event = request.get_json()
#     return "", 200
`;

const go = String.raw`// Package closientwebhooks checks X-Closient-Signature (Go 1.18+, standard library only).
package closientwebhooks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

const toleranceSeconds = 300

// Verify returns "v1", or "v1old" when the body was signed with the previous secret during
// a rotation's 24-hour grace, or an error when the request must be refused. rawBody is the
// body exactly as received (io.ReadAll(r.Body)); now is time.Now().
func Verify(rawBody []byte, header, secret string, now time.Time) (string, error) {
	timestamp := int64(-1)
	var schemes, signatures []string
	for _, part := range strings.Split(header, ",") {
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch name {
		case "t":
			if t, err := strconv.ParseUint(value, 10, 63); err == nil {
				timestamp = int64(t)
			}
		case "v1", "v1old":
			schemes = append(schemes, name)
			signatures = append(signatures, value)
		}
	}
	if timestamp < 0 || len(signatures) == 0 {
		return "", errors.New("malformed signature header")
	}
	if age := now.Unix() - timestamp; age > toleranceSeconds || age < -toleranceSeconds {
		return "", errors.New("timestamp outside the 5-minute tolerance")
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(timestamp, 10) + "."))
	mac.Write(rawBody)
	expected := mac.Sum(nil)
	for i, signature := range signatures {
		if given, err := hex.DecodeString(signature); err == nil && hmac.Equal(given, expected) {
			return schemes[i], nil
		}
	}
	return "", errors.New("signature mismatch")
}

// net/http:
// body, _ := io.ReadAll(r.Body)
// if _, err := closientwebhooks.Verify(body, r.Header.Get("X-Closient-Signature"),
// 	os.Getenv("CLOSIENT_WEBHOOK_SECRET"), time.Now()); err != nil {
// 	http.Error(w, err.Error(), http.StatusBadRequest)
// 	return
// }
`;

const ruby = String.raw`# verify_closient.rb: checks X-Closient-Signature (Ruby 3.0+, standard library only).
require "openssl"

module ClosientWebhooks
  TOLERANCE_SECONDS = 300

  class InvalidSignature < StandardError; end

  # raw_body: the request body exactly as received, before any JSON parsing.
  # Returns "v1", or "v1old" when it was signed with the previous secret during a
  # rotation's 24-hour grace. Raises InvalidSignature when the request must be refused.
  def self.verify(raw_body, header, secret, now: Time.now.to_i)
    timestamp = nil
    signatures = []
    header.to_s.split(",").each do |part|
      name, value = part.split("=", 2)
      next if value.nil?

      if name == "t" && value.match?(/\A\d+\z/)
        timestamp = value.to_i
      elsif %w[v1 v1old].include?(name)
        signatures << [name, value]
      end
    end
    raise InvalidSignature, "malformed signature header" if timestamp.nil? || signatures.empty?
    raise InvalidSignature, "timestamp outside the 5-minute tolerance" if (now - timestamp).abs > TOLERANCE_SECONDS

    expected = OpenSSL::HMAC.hexdigest("SHA256", secret, "#{timestamp}.".b + raw_body.b)
    signatures.each do |scheme, given|
      return scheme if given.bytesize == expected.bytesize && OpenSSL.fixed_length_secure_compare(given, expected)
    end
    raise InvalidSignature, "signature mismatch"
  end
end

# Rails: ClosientWebhooks.verify(request.raw_post, request.headers["X-Closient-Signature"],
#                                ENV.fetch("CLOSIENT_WEBHOOK_SECRET"))
# Sinatra / Rack: request.body.read, request.env["HTTP_X_CLOSIENT_SIGNATURE"]
`;

const php = String.raw`<?php
// verify_closient.php: checks X-Closient-Signature (PHP 7.4+, no extensions beyond the core).

const CLOSIENT_TOLERANCE_SECONDS = 300;

/**
 * $rawBody: the request body exactly as received: file_get_contents('php://input').
 * Returns "v1", or "v1old" when it was signed with the previous secret during a
 * rotation's 24-hour grace. Throws UnexpectedValueException when the request must be refused.
 */
function closient_verify_signature(string $rawBody, string $header, string $secret, ?int $now = null): string
{
    $timestamp = null;
    $signatures = [];
    foreach (explode(',', $header) as $part) {
        $pair = explode('=', $part, 2);
        if (count($pair) !== 2) {
            continue;
        }
        [$name, $value] = $pair;
        if ($name === 't' && preg_match('/\A\d+\z/', $value)) {
            $timestamp = (int) $value;
        } elseif ($name === 'v1' || $name === 'v1old') {
            $signatures[] = [$name, $value];
        }
    }
    if ($timestamp === null || $signatures === []) {
        throw new UnexpectedValueException('malformed signature header');
    }
    if (abs(($now ?? time()) - $timestamp) > CLOSIENT_TOLERANCE_SECONDS) {
        throw new UnexpectedValueException('timestamp outside the 5-minute tolerance');
    }
    $expected = hash_hmac('sha256', $timestamp . '.' . $rawBody, $secret);
    foreach ($signatures as [$scheme, $given]) {
        if (hash_equals($expected, $given)) {
            return $scheme;
        }
    }
    throw new UnexpectedValueException('signature mismatch');
}

// closient_verify_signature(file_get_contents('php://input'),
//     $_SERVER['HTTP_X_CLOSIENT_SIGNATURE'] ?? '', getenv('CLOSIENT_WEBHOOK_SECRET'));
`;

export const RECIPES: readonly Recipe[] = [
  { id: "node", label: "Node.js", filename: "verify-closient.mjs", rawBodyHint: "express.raw()", code: node },
  {
    id: "python",
    label: "Python",
    filename: "verify_closient.py",
    rawBodyHint: "request.get_data()",
    code: python,
  },
  {
    id: "go",
    label: "Go",
    filename: "closientwebhooks/verify.go",
    rawBodyHint: "io.ReadAll(r.Body)",
    code: go,
  },
  { id: "ruby", label: "Ruby", filename: "verify_closient.rb", rawBodyHint: "request.raw_post", code: ruby },
  {
    id: "php",
    label: "PHP",
    filename: "verify_closient.php",
    rawBodyHint: "file_get_contents('php://input')",
    code: php,
  },
];
