"use client";

import * as SwitchPrimitive from "@radix-ui/react-switch";

/** An on/off switch (Radix, role="switch"); its state is also said in words by the caller. */
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
  return (
    <SwitchPrimitive.Root
      checked={checked}
      onCheckedChange={onCheckedChange}
      disabled={disabled}
      aria-label={label}
      // globals.css (.switch): on a phone the button is a thumb's 44 px, the track drawn inside.
      className="switch"
    >
      <span className="switch-track">
        <SwitchPrimitive.Thumb className="switch-thumb" />
      </span>
    </SwitchPrimitive.Root>
  );
}
