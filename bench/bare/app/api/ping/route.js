/** A bare route handler: the floor for the portal's proxy routes. */
export function GET() {
  return Response.json({ ok: true });
}
