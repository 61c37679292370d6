import type { DeliveryStatus } from "@/lib/closient";
import { cn } from "@/lib/utils";

const styles: Record<DeliveryStatus, { label: string; icon: string; className: string }> = {
  pending: { label: "Pending", icon: "○", className: "bg-slate-100 text-slate-800" },
  delivered: { label: "Delivered", icon: "✓", className: "bg-emerald-50 text-emerald-800" },
  failed: { label: "Failed", icon: "✕", className: "bg-red-50 text-red-800" },
  rate_limited: { label: "Rate limited", icon: "⏱", className: "bg-amber-50 text-amber-900" },
  dead_letter: { label: "Dead letter", icon: "⚠", className: "bg-red-100 text-red-900" },
};

/** Status in words and an icon, never colour alone. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const style = styles[status];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium",
        style.className,
      )}
    >
      <span aria-hidden>{style.icon}</span>
      {style.label}
    </span>
  );
}
