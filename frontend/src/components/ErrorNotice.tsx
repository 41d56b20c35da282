import { decodeError, errorFormatters, type TokenDisplay } from "../lib/decode-error.ts";
import { useI18n } from "../hooks/useI18n.ts";

/** An error in plain language, with viem's summary and details folded away for support. */
export function ErrorNotice({ error, token }: { error: unknown; token?: TokenDisplay }) {
  const { locale, t } = useI18n();
  const decoded = decodeError(error, t, errorFormatters(locale, token));
  return (
    <div className="notice notice-error" role="alert" data-error-kind={decoded.kind} data-error-name={decoded.errorName}>
      <p>
        <strong aria-hidden="true">⚠ </strong>
        {decoded.message}
      </p>
      <details>
        <summary>{t.errors.technicalDetails}</summary>
        <p className="mono small">{decoded.errorName ?? decoded.shortMessage}</p>
        {decoded.details === undefined ? null : <p className="mono small">{decoded.details}</p>}
      </details>
    </div>
  );
}
