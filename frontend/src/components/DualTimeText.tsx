import { formatReadableTime } from "../lib/format.ts";
import { useI18n } from "../hooks/useI18n.ts";

/** Renders a moment in KST with UTC beside it. */
export function DualTimeText({ seconds }: { seconds: bigint | undefined }) {
  const { locale, t } = useI18n();
  if (seconds === undefined) return <span>{t.common.loading}</span>;
  const time = formatReadableTime(seconds, locale);
  return (
    <span className="dual-time">
      <time dateTime={time.iso}>{time.kst}</time> <span className="muted">{time.utc}</span>
    </span>
  );
}
