// The framework's floor: the smallest App Router app with one dynamic page, built with the
// project's own node_modules (same Next and React). `npm run bench` measures the portal against it.
export const metadata = { title: "Bare Next.js page" };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
