import { ClosientError } from "@/lib/closient";
import { errorResponse } from "@/lib/server/route";

/** Any other path under /api: 404 in the error envelope, not the HTML not-found page. */
function notFound() {
  return errorResponse(new ClosientError(404, "NOT_FOUND", "No such API route."));
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
