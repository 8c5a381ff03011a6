"use client";
// The frame every metrics chart shares: a captioned figure that answers with a loading, error or
// empty state instead of a blank plot. `data-points` carries how many points it plots once loaded.
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/status-panels";

type ChartQuery = Pick<UseQueryResult<unknown>, "data" | "isPending" | "error" | "isPlaceholderData" | "refetch">;

export function ChartFigure({
  title,
  summary,
  controls,
  queries,
  pointCount,
  emptyHint,
  children,
}: {
  title: string;
  /** A short reading beside the title, such as the newest value. */
  summary?: string;
  controls?: ReactNode;
  /** Every query the chart plots; it waits for all of them. */
  queries: readonly ChartQuery[];
  pointCount: number;
  emptyHint: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const isPending = queries.some((query) => query.isPending);
  // A failed refresh keeps the lines it had; only a chart with nothing to show shows the error.
  const error = queries.find((query) => query.error !== null && query.data === undefined)?.error ?? null;
  // A new range keeps showing the previous one's lines until its own arrive.
  const isRefreshing = queries.some((query) => query.isPlaceholderData);
  const isLoaded = !isPending && error === null;
  return (
    <figure
      aria-labelledby={titleId}
      aria-busy={isPending || isRefreshing}
      data-points={isLoaded ? pointCount : undefined}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <figcaption className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span id={titleId} className="font-medium text-slate-900">
          {title}
        </span>
        {isLoaded && summary ? <span className="text-sm text-slate-600 tabular-nums">{summary}</span> : null}
        {controls ? <span className="ml-auto">{controls}</span> : null}
      </figcaption>
      {isPending ? (
        <LoadingPanel label="Loading the chart…" />
      ) : error !== null ? (
        <ErrorPanel title={`${title} could not be loaded`} error={error} onRetry={() => queries.forEach((query) => void query.refetch())} />
      ) : pointCount === 0 ? (
        <EmptyPanel title="No points in this range yet">{emptyHint}</EmptyPanel>
      ) : (
        <div className={isRefreshing ? "opacity-60 transition-opacity" : undefined}>{children}</div>
      )}
    </figure>
  );
}
