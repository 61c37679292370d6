import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/utils";

/** The variants' classes are in globals.css (`.btn-*`): a list repeats its buttons on every row. */
const variants = {
  primary: "btn-primary",
  secondary: "btn-secondary",
  danger: "btn-danger",
  ghost: "btn-ghost",
} as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  size?: "sm" | "md";
  /** One of a screen's primary actions: 44 px tall on a phone, for a thumb. */
  primary?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", size = "md", primary = false, className, type = "button", ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cn(
        "btn",
        size === "sm" ? "btn-sm" : "btn-md",
        variants[variant],
        primary && "max-sm:min-h-11",
        className,
      )}
      {...props}
    />
  );
});
