// The portal's own config: /isolated serves the bare page with the headers every portal page
// carries (Cross-Origin-Opener-Policy among them), so `npm run bench:pages` can tell what those
// headers cost from what the portal's own code costs.
const portal = require("../../next.config.js");

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    const everyPage = (await portal.headers()).find((rule) => rule.source === "/:path*");
    return [{ source: "/isolated", headers: everyPage.headers }];
  },
};
