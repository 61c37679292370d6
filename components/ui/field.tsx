import { forwardRef, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

const control =
  "block w-full rounded-md border border-slate-300 bg-surface px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 aria-[invalid=true]:border-red-500 disabled:bg-slate-100";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...props },
  ref,
) {
  return <input ref={ref} className={cn(control, className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function Textarea({ className, ...props }, ref) {
    return <textarea ref={ref} className={cn(control, className)} {...props} />;
  },
);

/**
 * A labelled control with its rule (shown before submit) and its error (after). The hint and the
 * error are wired to the control with aria-describedby by the caller through `describedBy`.
 */
export function Field({
  id,
  label,
  hint,
  error,
  counter,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  counter?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {counter ? <span className="text-xs text-slate-500 tabular-nums">{counter}</span> : null}
      </div>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** An inline error, announced when it appears; renders nothing without a message. */
export function FieldError({
  id,
  children,
  small = false,
}: {
  id?: string;
  children?: ReactNode;
  small?: boolean;
}) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className={small ? "mt-1 text-xs text-red-700" : "text-sm text-red-700"}>
      {children}
    </p>
  );
}

/** The aria attributes that tie a control to its Field's hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length ? ids.join(" ") : undefined,
  } as const;
}

/** A compact label above a control, for filter bars. */
export function InlineField({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={cn("min-w-0 text-sm", className)}>
      <span className="block text-xs text-slate-600">{label}</span>
      {children}
    </label>
  );
}
