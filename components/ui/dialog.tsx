"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { useLayoutEffect, useRef, type ReactNode } from "react";

const overlay = "fixed inset-0 z-40 bg-black/50";
const panel =
  "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-h-[calc(100dvh-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-surface p-6 shadow-xl";

/**
 * Where focus goes back when a dialog closes: the control that opened it. Radix returns focus to
 * its own Trigger, and these dialogs have none (they are opened from state, and mounted lazily),
 * so without this focus would fall to the page's body.
 */
function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before Radix moves focus into the dialog: the opener still has it.
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
  }, [open]);
  return (event: Event) => {
    if (opener.current?.isConnected) {
      event.preventDefault();
      opener.current.focus();
    }
  };
}

/** A modal dialog (Radix): focus trapped, Escape and outside click close it unless `locked`. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  locked = false,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** While true, Escape and clicks outside do nothing: the content decides when it closes. */
  locked?: boolean;
  children: ReactNode;
}) {
  const keep = (event: Event) => {
    if (locked) event.preventDefault();
  };
  const returnFocus = useReturnFocus(open);
  return (
    <DialogPrimitive.Root
      open={open}
      onOpenChange={(next) => (locked && !next ? undefined : onOpenChange(next))}
    >
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlay} />
        <DialogPrimitive.Content
          className={panel}
          onEscapeKeyDown={keep}
          onPointerDownOutside={keep}
          onInteractOutside={keep}
          onCloseAutoFocus={returnFocus}
        >
          <DialogPrimitive.Title className="text-lg font-semibold text-slate-900">
            {title}
          </DialogPrimitive.Title>
          {description ? (
            <DialogPrimitive.Description className="mt-2 text-sm text-slate-600">
              {description}
            </DialogPrimitive.Description>
          ) : null}
          <div className="mt-4">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** A confirmation (Radix AlertDialog): it states the consequence and asks once. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending = false,
  tone = "primary",
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  tone?: "primary" | "danger";
}) {
  const returnFocus = useReturnFocus(open);
  return (
    <AlertDialogPrimitive.Root
      open={open}
      onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}
    >
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlay} />
        <AlertDialogPrimitive.Content className={panel} onCloseAutoFocus={returnFocus}>
          <AlertDialogPrimitive.Title className="text-lg font-semibold text-slate-900">
            {title}
          </AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
          </AlertDialogPrimitive.Description>
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialogPrimitive.Cancel
              disabled={pending}
              className="bg-surface rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Cancel
            </AlertDialogPrimitive.Cancel>
            <button
              type="button"
              disabled={pending}
              onClick={onConfirm}
              className={
                tone === "danger"
                  ? "bg-danger hover:bg-danger-strong disabled:bg-danger-faint rounded-md px-4 py-2 text-sm font-medium text-white"
                  : "bg-accent hover:bg-accent-strong disabled:bg-accent-faint rounded-md px-4 py-2 text-sm font-medium text-white"
              }
            >
              {pending ? "Working…" : confirmLabel}
            </button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
