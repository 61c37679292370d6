import { connection } from "next/server";

/** One dynamic page, rendered per request like every portal page. */
export default async function Page() {
  await connection();
  return (
    <main>
      <h1>Bare Next.js page</h1>
      <p>Rendered at {new Date().toISOString()}.</p>
    </main>
  );
}
