import type { RebuiltDeposit } from "../../../scripts/lib/chain/rebuild.ts";
import { useBlockTimes } from "../hooks/useBlockTimes.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { formatBps, formatInteger } from "../lib/format.ts";
import type { PlatformSnapshot } from "../lib/load-platform.ts";
import { decodePeriod } from "../lib/period.ts";
import { serviceNameOf, tokenOfService } from "../lib/snapshot-helpers.ts";
import { AddressLink } from "./AddressLink.tsx";
import { Amount } from "./Amount.tsx";
import { DualTimeText } from "./DualTimeText.tsx";

/** Deposits with their period, time, revenue, share and amount; with service columns when mixed. */
export function DepositsTable({
  caption,
  deposits,
  snapshot,
  showsVersion,
}: {
  caption: string;
  deposits: RebuiltDeposit[];
  snapshot: PlatformSnapshot;
  showsVersion: boolean;
}) {
  const { t, locale } = useI18n();
  const times = useBlockTimes(deposits.map((deposit) => deposit.blockNumber));
  const v = t.version;
  const columns = showsVersion ? 8 : 6;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.common.date}</th>
          {showsVersion ? <th scope="col">{t.contributor.service}</th> : null}
          {showsVersion ? <th scope="col">{t.contributor.version}</th> : null}
          <th scope="col">{t.common.period}</th>
          <th scope="col" className="num">{v.grossRevenue}</th>
          <th scope="col" className="num">{v.shareApplied}</th>
          <th scope="col" className="num">{v.amount}</th>
          <th scope="col">{v.payer}</th>
        </tr>
      </thead>
      <tbody>
        {deposits.length === 0 ? (
          <tr><td colSpan={columns}>{v.noDeposits}</td></tr>
        ) : (
          deposits.map((deposit) => {
            const token = tokenOfService(snapshot, deposit.serviceId);
            return (
              <tr key={`${deposit.transactionHash}-${deposit.logIndex}`}>
                <th scope="row"><DualTimeText seconds={times.data?.get(deposit.blockNumber)} /></th>
                {showsVersion ? <td>{serviceNameOf(snapshot, deposit.serviceId)}</td> : null}
                {showsVersion ? <td>{formatInteger(deposit.version, locale)}</td> : null}
                <td className="nowrap">{decodePeriod(deposit.period)}</td>
                <td className="num"><Amount raw={deposit.grossRevenue} token={token} /></td>
                <td className="num">{formatBps(deposit.shareBps, locale)}</td>
                <td className="num"><Amount raw={deposit.amount} token={token} /></td>
                <td><AddressLink address={deposit.payer} /></td>
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}
