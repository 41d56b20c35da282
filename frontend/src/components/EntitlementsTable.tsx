import { useI18n } from "../hooks/useI18n.ts";
import type { Entitlement } from "../lib/entitlements.ts";
import { formatInteger } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { hrefOf } from "../lib/routes.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";
import { Amount } from "./Amount.tsx";

/**
 * Renders a contributor's tokens, entitlement, claims and claimable amount per (service, version),
 * addressed to the contributor on its own page ("your tokens") and neutral on public pages.
 */
export function EntitlementsTable({
  caption,
  entitlements,
  snapshot,
  isOwn,
}: {
  caption: string;
  entitlements: Entitlement[];
  snapshot: PlatformSnapshot;
  isOwn: boolean;
}) {
  const { t, locale } = useI18n();
  const c = t.contributor;
  const headings = isOwn
    ? { tokens: c.tokens, entitled: c.entitled, claimable: c.claimable }
    : { tokens: t.version.tokens, entitled: t.version.entitled, claimable: t.version.claimable };
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{c.service}</th>
          <th scope="col">{c.version}</th>
          <th scope="col" className="num">{headings.tokens}</th>
          <th scope="col" className="num">{headings.entitled}</th>
          <th scope="col" className="num">{c.claimed}</th>
          <th scope="col" className="num">{headings.claimable}</th>
        </tr>
      </thead>
      <tbody>
        {entitlements.length === 0 ? (
          <tr><td colSpan={6}>{t.common.none}</td></tr>
        ) : (
          entitlements.map((entry) => {
            const token = tokenOfService(snapshot, entry.serviceId);
            return (
              <tr key={`${entry.serviceId}/${entry.version}`}>
                <th scope="row">
                  <a href={hrefOf({ page: "service", serviceId: entry.serviceId })}>{serviceNameOf(snapshot, entry.serviceId)}</a>
                </th>
                <td>
                  <a href={hrefOf({ page: "version", serviceId: entry.serviceId, version: entry.version })}>
                    {formatInteger(entry.version, locale)}
                  </a>
                </td>
                <td className="num">{formatInteger(entry.weight, locale)}</td>
                <td className="num"><Amount raw={entry.claimed + entry.claimable} token={token} /></td>
                <td className="num"><Amount raw={entry.claimed} token={token} /></td>
                <td className="num"><Amount raw={entry.claimable} token={token} /></td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
