import { AddressLink } from "../components/AddressLink.tsx";
import { DualTimeText } from "../components/DualTimeText.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { termsOf } from "../lib/allocation.ts";
import { formatBps, formatInteger } from "../lib/format.ts";
import { hrefOf } from "../lib/routes.ts";
import { tokenOfService } from "../lib/snapshot-helpers.ts";

export function ServicesPage() {
  const { t, locale } = useI18n();
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.services.title}</h1>
      <QueryBoundary query={platform}>
        {(snapshot) => {
          const services = [...snapshot.state.services.values()];
          if (services.length === 0) return <p>{t.services.empty}</p>;
          return (
            <table>
              <caption>{t.services.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.services.name}</th>
                  <th scope="col">{t.services.token}</th>
                  <th scope="col" className="num">{t.services.share}</th>
                  <th scope="col">{t.services.pending}</th>
                  <th scope="col" className="num">{t.services.versions}</th>
                  <th scope="col">{t.services.consumer}</th>
                </tr>
              </thead>
              <tbody>
                {services.map((service) => {
                  const terms = termsOf(service, snapshot.blockTimestamp);
                  return (
                    <tr key={String(service.id)}>
                      <th scope="row">
                        <a href={hrefOf({ page: "service", serviceId: service.id })}>{service.name}</a>
                      </th>
                      <td>{tokenOfService(snapshot, service.id)?.symbol ?? service.token}</td>
                      <td className="num">{formatBps(terms.shareInForce, locale)}</td>
                      <td>
                        {terms.pendingDecrease === undefined ? (
                          "—"
                        ) : (
                          <>
                            {formatBps(terms.pendingDecrease.shareBps, locale)} ·{" "}
                            <DualTimeText seconds={BigInt(terms.pendingDecrease.effectiveAt)} />
                          </>
                        )}
                      </td>
                      <td className="num">{formatInteger(service.versionCount, locale)}</td>
                      <td>
                        <AddressLink address={service.consumer} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          );
        }}
      </QueryBoundary>
    </section>
  );
}
