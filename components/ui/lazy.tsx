"use client";

import dynamic from "next/dynamic";
import { useState } from "react";

/*
 * Dialogs are not part of a page's first load: each is downloaded when it is first opened (and
 * kept mounted after that, so Radix can return focus when it closes).
 */
export const LazyConfirmDialog = dynamic(() => import("./dialog").then((m) => m.ConfirmDialog), {
  ssr: false,
});

/** True from the first time `open` is true: whether a lazy dialog should be mounted yet. */
export function useOpenedOnce(open: boolean) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened;
}
