"use client";

import { useEffect, useState } from "react";
import { toast, Toaster } from "sonner";
import { toasterReady } from "@/lib/client/notify";

/**
 * sonner's Toaster; loaded by the providers only when the first toast is shown. On a phone it
 * speaks from the top: at the bottom, a toast lies over the actions under the thumb.
 */
export default function ToasterHost() {
  const [phone] = useState(() => window.matchMedia("(width < 40rem)").matches);
  // Runs after the Toaster's own effect has subscribed, so nothing said meanwhile is lost.
  useEffect(() => toasterReady(toast), []);
  return <Toaster position={phone ? "top-center" : "bottom-right"} closeButton richColors />;
}
