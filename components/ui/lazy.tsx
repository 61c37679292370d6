"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { notify } from "@/lib/client/notify";

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

/**
 * A confirmation that runs a change: downloaded when first opened; on success it closes and says
 * what happened, on failure it stays open and says what did not. The mutation is the caller's.
 */
export function ConfirmAndRun<T>({
  open,
  onOpenChange,
  title,
  confirmLabel,
  pending,
  run,
  done,
  failed,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  confirmLabel: string;
  pending: boolean;
  run: () => Promise<T>;
  /** The toast once it is done. */
  done: (result: T) => string;
  /** The toast when it failed, from the error's message. */
  failed: (message: string) => string;
  children: ReactNode;
}) {
  const mounted = useOpenedOnce(open);
  if (!mounted) return null;
  return (
    <LazyConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      confirmLabel={confirmLabel}
      tone="danger"
      pending={pending}
      onConfirm={() =>
        void run().then(
          (result) => {
            onOpenChange(false);
            notify.success(done(result));
          },
          (error: unknown) => notify.error(failed(error instanceof Error ? error.message : "unknown error")),
        )
      }
    >
      {children}
    </LazyConfirmDialog>
  );
}
