"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { LinkPending } from "@/components/ui/link-pending";

/** `rest` completes the link's name for assistive technology; the screen shows the short form. */
const links: { href: string; label: string; rest?: string }[] = [
  { href: "/webhooks", label: "Endpoints" },
  { href: "/deliveries", label: "Deliveries" },
  { href: "/activity", label: "Activity" },
  { href: "/alerts", label: "Alerts" },
  { href: "/verify", label: "Verify", rest: " a signature" },
];
const ADMIN_LINKS = [{ href: "/access", label: "Access" }];

/** The portal's sections; Access only for an admin (the only one who makes and revokes links). */
export function NavLinks({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-0.5 lg:gap-1">
      {(admin ? [...links, ...ADMIN_LINKS] : links).map(
        (link: { href: string; label: string; rest?: string }) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <Link
              key={link.href}
              href={link.href}
              prefetch={false}
              aria-current={current ? "page" : undefined}
              className={cn(
                "relative inline-flex min-h-10 items-center rounded-md px-2 text-sm font-medium lg:min-h-8 xl:px-3",
                current ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {link.label}
              {link.rest ? <span className="sr-only">{link.rest}</span> : null}
              <LinkPending />
            </Link>
          );
        },
      )}
    </nav>
  );
}
