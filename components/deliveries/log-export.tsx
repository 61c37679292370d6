"use client";

import { useEffect, useRef, useState } from "react";
import { useExportLog } from "@/lib/client/export-mutation";
import type { DeliveryListFilters } from "@/lib/closient";
import { EXPORT_MAX_ROWS, toCsv, toJson, type ExportProgress } from "@/lib/deliveries/export";
import { Button } from "@/components/ui/button";
import { TaskPanel, TaskProgress } from "@/components/ui/panel";
import { plural } from "@/lib/utils";

type Format = "csv" | "json";
type Stage =
  | { name: "choose" }
  | { name: "reading"; progress: ExportProgress }
  | { name: "done"; rows: number; total: number; truncated: boolean; href: string; file: string }
  | { name: "error"; message: string };

const count = (n: number) => n.toLocaleString("en");

/** Hands the browser a file to save, without a round trip: a link to an in-memory blob. */
function save(href: string, file: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = file;
  link.click();
}

/**
 * The log's export: the current filters as CSV or JSON, read from the portal's route page by page
 * (paced by Closient's rate limit), with progress and Cancel. Nothing of it leaves the browser but
 * the list requests; the file is made here.
 */
export function LogExport({
  filters,
  total,
  onClose,
}: {
  filters: DeliveryListFilters;
  total: number;
  onClose: () => void;
}) {
  const [format, setFormat] = useState<Format>("csv");
  const [stage, setStage] = useState<Stage>({ name: "choose" });
  const controller = useRef<AbortController | null>(null);
  const { mutate: read } = useExportLog();
  const href = stage.name === "done" ? stage.href : null;
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => () => (href ? URL.revokeObjectURL(href) : undefined), [href]);

  const start = () => {
    const abort = new AbortController();
    controller.current = abort;
    setStage({ name: "reading", progress: { rows: 0, total, waitingSeconds: null } });
    read(
      {
        filters,
        format,
        signal: abort.signal,
        onProgress: (progress) => setStage({ name: "reading", progress }),
      },
      {
        onSuccess: (result) => {
          const body = format === "csv" ? toCsv(result.rows) : toJson(result.rows);
          const blob = new Blob([body], { type: format === "csv" ? "text/csv" : "application/json" });
          const file = `closient-deliveries-${new Date().toISOString().replace(/[:.]/g, "-")}.${format}`;
          const link = URL.createObjectURL(blob);
          setStage({
            name: "done",
            rows: result.rows.length,
            total: result.total,
            truncated: result.truncated,
            href: link,
            file,
          });
          save(link, file);
        },
        onError: (error) =>
          setStage(
            abort.signal.aborted
              ? { name: "choose" }
              : { name: "error", message: error instanceof Error ? error.message : "The export failed." },
          ),
      },
    );
  };

  return (
    <TaskPanel id="log-export" title="Export the log">
      {stage.name === "choose" || stage.name === "error" ? (
        <>
          <p>
            {count(Math.min(total, EXPORT_MAX_ROWS))} deliver{total === 1 ? "y" : "ies"} that match these
            filters
            {total > EXPORT_MAX_ROWS ? ` (the newest ${count(EXPORT_MAX_ROWS)} of ${count(total)})` : ""},
            every field, the receivers&apos; answers as text.
          </p>
          <fieldset className="flex gap-4">
            <legend className="sr-only">Format</legend>
            {(["csv", "json"] as const).map((value) => (
              <label key={value} className="inline-flex min-h-6 items-center gap-2">
                <input
                  type="radio"
                  name="export-format"
                  value={value}
                  checked={format === value}
                  onChange={() => setFormat(value)}
                />
                {value.toUpperCase()}
              </label>
            ))}
          </fieldset>
          {stage.name === "error" ? (
            <p role="alert" className="text-red-800">
              {stage.message}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button primary onClick={start}>
              Export {format.toUpperCase()}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
        </>
      ) : null}
      {stage.name === "reading" ? (
        <TaskProgress
          label={`Read ${count(stage.progress.rows)} of ${count(Math.min(stage.progress.total, EXPORT_MAX_ROWS))} rows`}
          done={stage.progress.rows}
          total={Math.min(stage.progress.total, EXPORT_MAX_ROWS)}
          waitingSeconds={stage.progress.waitingSeconds}
          onCancel={() => controller.current?.abort()}
        />
      ) : null}
      {stage.name === "done" ? (
        <>
          <p data-testid="export-summary">
            Exported {plural(stage.rows, "row")}
            {stage.truncated ? `, the newest of ${count(stage.total)}: narrow the filters for the rest` : ""}.
          </p>
          <div className="flex flex-wrap gap-2">
            <a
              href={stage.href}
              download={stage.file}
              className="inline-flex min-h-9 items-center rounded-md border border-slate-300 px-4 font-medium text-indigo-700 underline max-sm:min-h-11"
            >
              Save {stage.file} again
            </a>
            <Button variant="ghost" onClick={() => setStage({ name: "choose" })}>
              Export again
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
        </>
      ) : null}
    </TaskPanel>
  );
}
