"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { LinkPending } from "@/components/ui/link-pending";

const links: { href: string; label: string; short?: string }[] = [
  { href: "/webhooks", label: "Endpoints" },
  { href: "/deliveries", label: "Deliveries" },
  { href: "/activity", label: "Activity" },
  { href: "/verify", label: "Verify a signature", short: "Verify" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-0.5 sm:gap-1">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            prefetch={false}
            aria-current={current ? "page" : undefined}
            className={cn(
              "inline-flex min-h-10 items-center rounded-md px-2 text-sm font-medium sm:min-h-8 sm:px-3",
              current ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {link.short ? (
              <>
                <span className="sm:hidden" aria-hidden>
                  {link.short}
                </span>
                <span className="sr-only sm:not-sr-only">{link.label}</span>
              </>
            ) : (
              link.label
            )}
            <LinkPending />
          </Link>
        );
      })}
    </nav>
  );
}
