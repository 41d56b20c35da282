import { Amount } from "../components/Amount.tsx";
import { DualTimeText } from "../components/DualTimeText.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useConfig } from "../hooks/useConfig.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { termsOf, versionsOf } from "../lib/allocation.ts";
import { formatBps, formatInteger } from "../lib/format.ts";
import { hrefOf } from "../lib/routes.ts";
import { tokenOfService } from "../lib/snapshot-helpers.ts";

const SECONDS_PER_DAY = 86_400;

export function ServicePage({ serviceId }: { serviceId: bigint }) {
  const { t, locale } = useI18n();
  const { config } = useConfig();
  const platform = usePlatform();
  return (
    <QueryBoundary query={platform}>
      {(snapshot) => {
        const service = snapshot.state.services.get(serviceId);
        if (service === undefined) return <p>{t.common.notFound}</p>;
        const terms = termsOf(service, snapshot.blockTimestamp);
        const token = tokenOfService(snapshot, serviceId);
        const versions = versionsOf(snapshot.state, serviceId);
        const noticeDays = config.deployment.shareDecreaseNoticeSeconds / SECONDS_PER_DAY;
        return (
          <section aria-labelledby="page-title">
            <p>
              <a href={hrefOf({ page: "services" })}>← {t.common.backTo(t.nav.services)}</a>
            </p>
            <h1 id="page-title">{t.service.title(service.name)}</h1>
            <h2>{t.service.terms}</h2>
            <dl className="facts">
              <dt>{t.service.id}</dt>
              <dd>{formatInteger(service.id, locale)}</dd>
              <dt>{t.services.token}</dt>
              <dd>
                {token?.symbol} <span className="mono small">{service.token}</span>
              </dd>
              <dt>{t.services.share}</dt>
              <dd>{formatBps(terms.shareInForce, locale)}</dd>
              {terms.pendingDecrease === undefined ? null : (
                <>
                  <dt>{t.services.pending}</dt>
                  <dd>
                    {formatBps(terms.pendingDecrease.shareBps, locale)} ·{" "}
                    <DualTimeText seconds={BigInt(terms.pendingDecrease.effectiveAt)} />
                  </dd>
                </>
              )}
              <dt>{t.service.noticePeriod}</dt>
              <dd>{t.service.days(formatInteger(noticeDays, locale))}</dd>
            </dl>
            <p className="small">{t.service.shareNote}</p>
            <table>
              <caption>{t.service.versionsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.service.version}</th>
                  <th scope="col">{t.common.status}</th>
                  <th scope="col" className="num">{t.service.datasetCount}</th>
                  <th scope="col" className="num">{t.service.contributorCount}</th>
                  <th scope="col" className="num">{t.service.totalTokens}</th>
                  <th scope="col" className="num">{t.service.deposited}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={String(version.version)}>
                    <th scope="row">
                      <a href={hrefOf({ page: "version", serviceId, version: version.version })}>
                        {t.service.version} {formatInteger(version.version, locale)}
                      </a>
                    </th>
                    <td>{version.sealedBlock === undefined ? t.service.open : `✓ ${t.service.sealed}`}</td>
                    <td className="num">{formatInteger(version.datasetIds.length, locale)}</td>
                    <td className="num">{formatInteger(version.weights.size, locale)}</td>
                    <td className="num">{formatInteger(version.totalWeight, locale)}</td>
                    <td className="num">
                      <Amount raw={version.totalDeposited} token={token} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      }}
    </QueryBoundary>
  );
}
