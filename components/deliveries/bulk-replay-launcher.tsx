"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import type { DeliveryListFilters } from "@/lib/closient";
import { Refused, useCan } from "@/components/access/access-context";
import { Button } from "@/components/ui/button";
import { LoadingState } from "@/components/ui/states";
import { plural } from "@/lib/utils";

/** The recovery itself, downloaded when the admin asks for it. */
const BulkReplay = dynamic(() => import("./bulk-replay").then((m) => m.BulkReplay), {
  ssr: false,
  loading: () => <LoadingState />,
});

/** "Replay all N dead letters" for the log's current filters. */
export function BulkReplayLauncher({ count, filters }: { count: number; filters: DeliveryListFilters }) {
  const [open, setOpen] = useState(false);
  const { allowed, why } = useCan("deliveries.replay");
  return (
    <div className="w-full space-y-3 sm:w-auto">
      {open ? null : (
        <Button
          primary
          onClick={() => setOpen(true)}
          className="max-sm:w-full"
          disabled={!allowed}
          title={why || undefined}
        >
          Replay all {plural(count, "dead letter")}
        </Button>
      )}
      {open ? null : <Refused why={why} />}
      {open ? <BulkReplay filters={filters} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
