"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { DeliveryListFilters } from "@/lib/closient";
import { Button } from "@/components/ui/button";
import { LoadingState } from "@/components/ui/states";

/** The export itself, downloaded when the admin asks for it. */
const LogExport = dynamic(() => import("./log-export").then((m) => m.LogExport), {
  ssr: false,
  loading: () => <LoadingState />,
});

/** "Export" for the log's current filters: CSV or JSON, up to 10,000 rows. */
export function LogExportLauncher({ filters, total }: { filters: DeliveryListFilters; total: number }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <div className="w-full">
      <LogExport filters={filters} total={total} onClose={() => setOpen(false)} />
    </div>
  ) : (
    <Button variant="secondary" onClick={() => setOpen(true)} className="max-sm:min-h-11 max-sm:w-full">
      Export…
    </Button>
  );
}
