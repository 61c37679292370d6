"use client";

import { useEffect } from "react";
import { toast, Toaster } from "sonner";
import { toasterReady } from "@/lib/client/notify";

/** sonner's Toaster; loaded by the providers only when the first toast is shown. */
export default function ToasterHost() {
  // Runs after the Toaster's own effect has subscribed, so nothing said meanwhile is lost.
  useEffect(() => toasterReady(toast), []);
  return <Toaster position="bottom-right" closeButton richColors />;
}
