"use client";

import { useEffect, useRef, useState } from "react";
import { useBulkReplay, usePlanReplay } from "@/lib/client/bulk-replay-mutations";
import type { Plan, Progress, Summary } from "@/lib/deliveries/bulk-replay";
import type { DeliveryListFilters } from "@/lib/closient";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/utils";
import { TaskPanel, TaskProgress } from "@/components/ui/panel";

type Stage =
  | { name: "planning" }
  | { name: "confirm"; plan: Plan }
  | { name: "running"; plan: Plan; progress: Progress }
  | { name: "done"; plan: Plan; summary: Summary }
  | { name: "error"; message: string };

/**
 * Every dead letter matching the filters, replayed in one action: counted first and confirmed,
 * then replayed a few at a time with a progress bar, a Cancel, and a summary. Leaving the page
 * during the run asks first; if the page goes, the work stops. Running it again replays only
 * what was not replayed yet.
 */
export function BulkReplay({ filters, onClose }: { filters: DeliveryListFilters; onClose: () => void }) {
  const [stage, setStage] = useState<Stage>({ name: "planning" });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const { mutate: count } = usePlanReplay();
  const bulkReplay = useBulkReplay();

  // Count (and find what was replayed already) when the panel opens and on each resume. Keyed by
  // the filters' value: the log's auto-refresh hands over equal filters as a new object.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    const abort = new AbortController();
    count(
      { filters: JSON.parse(filterKey) as DeliveryListFilters, signal: abort.signal },
      {
        onSuccess: (found) => setStage({ name: "confirm", plan: found }),
        onError: (error) => {
          if (!abort.signal.aborted) {
            setStage({
              name: "error",
              message: error instanceof Error ? error.message : "The count failed.",
            });
          }
        },
      },
    );
    return () => abort.abort();
  }, [filterKey, attempt, count]);
  const again = () => {
    setStage({ name: "planning" });
    setAttempt((n) => n + 1);
  };

  // While replaying: ask before the page is left, and stop the work if it goes.
  const running = stage.name === "running";
  useEffect(() => {
    if (!running) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [running]);
  useEffect(() => () => controller.current?.abort(), []);

  const start = (plan: Plan) => {
    const abort = new AbortController();
    controller.current = abort;
    setStage({
      name: "running",
      plan,
      progress: { done: 0, total: plan.replay.length, waitingSeconds: null },
    });
    // A 401 midway fails the mutation, which leads to sign-in; nothing else fails it.
    bulkReplay.mutate(
      {
        plan,
        filters,
        signal: abort.signal,
        onProgress: (progress) => setStage({ name: "running", plan, progress }),
      },
      {
        onSuccess: (summary) => setStage({ name: "done", plan, summary }),
        // A 401 leads to sign-in; anything else that stops the run before it starts is said here.
        onError: (error) =>
          setStage({ name: "error", message: error instanceof Error ? error.message : "The replay failed." }),
      },
    );
  };

  return (
    <TaskPanel id="bulk-replay" title="Replay dead letters" className="border-indigo-200">
      {stage.name === "planning" ? (
        <p>Counting the dead letters and checking which were replayed already…</p>
      ) : null}
      {stage.name === "error" ? (
        <>
          <p role="alert" className="text-red-800">
            {stage.message}
          </p>
          <div className="flex gap-2">
            <Button primary variant="secondary" onClick={again}>
              Try again
            </Button>
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          </div>
        </>
      ) : null}
      {stage.name === "confirm" ? (
        <>
          <p>
            {plural(stage.plan.found, "dead letter")} match these filters.{" "}
            {stage.plan.skipped.length
              ? `${stage.plan.skipped.length} of them ${stage.plan.skipped.length === 1 ? "was" : "were"} replayed already and will be skipped. `
              : ""}
            {stage.plan.replay.length
              ? `${plural(stage.plan.replay.length, "event")} will be sent again, each once, to its endpoint.`
              : "Nothing is left to replay."}
          </p>
          <div className="flex gap-2">
            {stage.plan.replay.length ? (
              <Button primary onClick={() => start(stage.plan)}>
                Replay {plural(stage.plan.replay.length, "dead letter")}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={onClose}>
              {stage.plan.replay.length ? "Cancel" : "Close"}
            </Button>
          </div>
        </>
      ) : null}
      {stage.name === "running" ? (
        <TaskProgress
          label={`Replayed ${stage.progress.done} of ${stage.progress.total}`}
          done={stage.progress.done}
          total={stage.progress.total}
          waitingSeconds={stage.progress.waitingSeconds}
          onCancel={() => controller.current?.abort()}
        />
      ) : null}
      {stage.name === "done" ? <SummaryView summary={stage.summary} /> : null}
      {stage.name === "done" ? (
        <div className="flex gap-2">
          {stage.summary.notAttempted ? (
            <Button primary onClick={() => setAttempt((n) => n + 1)}>
              Resume ({stage.summary.notAttempted} left)
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      ) : null}
    </TaskPanel>
  );
}

function SummaryView({ summary }: { summary: Summary }) {
  const reasons = new Map<string, number>();
  for (const { reason } of summary.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return (
    <div className="space-y-2" data-testid="bulk-replay-summary">
      {summary.stopped === "cancelled" ? (
        <p className="font-medium">Cancelled: {plural(summary.notAttempted, "dead letter")} not replayed.</p>
      ) : summary.stopped ? (
        <p role="alert" className="font-medium text-red-800">
          Stopped: {summary.stopped.reason} {plural(summary.notAttempted, "dead letter")} not replayed yet;
          resume when Closient answers again.
        </p>
      ) : (
        <p className="font-medium">Done.</p>
      )}
      <ul className="list-disc space-y-1 pl-5">
        <li>Replayed and delivered: {summary.delivered.length}</li>
        <li>
          Replayed, first attempt failed: {summary.failed.length}
          {summary.failed.length ? " (Closient retries these on its schedule)" : ""}
        </li>
        <li>
          Skipped: {summary.skipped.length}
          {reasons.size ? (
            <ul className="list-[circle] pl-5">
              {[...reasons].map(([reason, n]) => (
                <li key={reason}>
                  {n} × {reason}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      </ul>
    </div>
  );
}
