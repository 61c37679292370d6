import type { ReactNode } from "react";
import { refusal, type AccessRole } from "@/lib/access/roles";
import { PageHeader } from "@/components/ui/page-header";

/** A page this session's access does not open: what it is, and why not. */
export function NotAllowed({
  title,
  role,
  children,
}: {
  title: string;
  role: AccessRole;
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} />
      <div
        role="alert"
        className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800"
      >
        <p>{refusal(role)} Ask an admin of your organization.</p>
        {children}
      </div>
    </>
  );
}
