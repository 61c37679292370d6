import { isKnownStatus, type DeliveryStatus } from "@/lib/closient/delivery-constants";
import { statusLabel } from "@/lib/deliveries/status-labels";
import { cn } from "@/lib/utils";

const styles: Record<DeliveryStatus, { icon: string; className: string }> = {
  pending: { icon: "○", className: "bg-slate-100 text-slate-800" },
  delivered: { icon: "✓", className: "bg-emerald-50 text-emerald-800" },
  failed: { icon: "✕", className: "bg-red-50 text-red-800" },
  rate_limited: { icon: "⏱", className: "bg-amber-50 text-amber-900" },
  dead_letter: { icon: "⚠", className: "bg-red-100 text-red-900" },
};
/** A status Closient added since: its own name, in a neutral style. */
const unknownStyle = { icon: "?", className: "bg-slate-100 text-slate-800 ring-1 ring-slate-300" };

/** Status in words and an icon, never colour alone. */
export function DeliveryStatusBadge({ status }: { status: string }) {
  const style = isKnownStatus(status) ? styles[status] : unknownStyle;
  return (
    <span className={cn("badge", style.className)}>
      <span aria-hidden>{style.icon}</span>
      {statusLabel(status)}
    </span>
  );
}
