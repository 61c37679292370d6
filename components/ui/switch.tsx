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
      // The track is drawn inside: on a phone the button around it is a thumb's 44 px.
      className="group inline-flex shrink-0 items-center justify-center rounded-full disabled:opacity-50 max-sm:min-h-11 max-sm:min-w-14"
    >
      <span className="group-data-[state=checked]:bg-positive relative inline-flex h-6 w-11 items-center rounded-full bg-slate-300 transition-colors">
        <SwitchPrimitive.Thumb className="block h-5 w-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
      </span>
    </SwitchPrimitive.Root>
  );
}
