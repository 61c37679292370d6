"use client";

/**
 * An on/off switch: a native button with `role="switch"` (Space and Enter toggle it, as a
 * button), its state also said in words by the caller. Native rather than a library's: a list
 * has one on every row, and a slow phone hydrates each (BENCHMARKS.md). Styles: globals.css.
 */
export function Switch({
  checked,
  onCheckedChange,
  label,
  disabled,
  why,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
  /** Why it is disabled (refused for this session's access), on hover; the page's banner says it in full. */
  why?: string;
}) {
  const state = checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      title={why || undefined}
      data-state={state}
      onClick={() => onCheckedChange(!checked)}
      className="switch"
    >
      <span className="switch-track">
        <span className="switch-thumb" data-state={state} />
      </span>
    </button>
  );
}
