// The same bare page, served with the portal's own response headers (next.config.js below).
export { default } from "../page";
