import type { ReactNode } from "react";

import { useI18n } from "../hooks/useI18n.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

/** Shows loading and error states of a query, and its children once the data is there. */
export function QueryBoundary<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error !== null && query.error !== undefined) {
    return (
      <div>
        <p>{t.common.chainError}</p>
        <ErrorNotice error={query.error} />
        <button type="button" onClick={() => void query.refetch()}>
          {t.common.retry}
        </button>
      </div>
    );
  }
  return (
    <p role="status" aria-live="polite">
      {t.common.loading}
    </p>
  );
}
