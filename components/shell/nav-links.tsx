"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { LinkPending } from "@/components/ui/link-pending";

const links = [
  { href: "/webhooks", label: "Endpoints" },
  { href: "/deliveries", label: "Deliveries" },
  { href: "/verify", label: "Verify a signature" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {links.map((link) => {
        const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            prefetch={false}
            aria-current={current ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              current ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {link.label}
            <LinkPending />
          </Link>
        );
      })}
    </nav>
  );
}
