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
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  label: string;
  disabled?: boolean;
}) {
  const state = checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
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
