import { useState, type FormEvent } from "react";

import { Amount } from "../components/Amount.tsx";
import { QueryBoundary } from "../components/QueryBoundary.tsx";
import { useI18n } from "../hooks/useI18n.ts";
import { usePlatform } from "../hooks/usePlatform.ts";
import { buildOverview } from "../lib/allocation.ts";
import { formatInteger } from "../lib/format.ts";
import { hrefOf, routeForLookup } from "../lib/routes.ts";

export function OverviewPage() {
  const { t, locale } = useI18n();
  const platform = usePlatform();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t.overview.title}</h1>
      <p className="lead">{t.overview.intro}</p>
      <LookupForm />
      <QueryBoundary query={platform}>
        {(snapshot) => {
          const overview = buildOverview(snapshot.state);
          const figures = [
            [t.overview.datasets, formatInteger(overview.datasetCount, locale)],
            [t.overview.contributors, formatInteger(overview.contributorCount, locale)],
            [t.overview.tokens, formatInteger(overview.registeredTokens, locale)],
            [t.overview.services, formatInteger(overview.serviceCount, locale)],
            [t.overview.versions, formatInteger(overview.sealedVersionCount, locale)],
          ];
          return (
            <>
              <dl className="figures">
                {figures.map(([label, value]) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              <table>
                <caption>{t.overview.totalsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.overview.token}</th>
                    <th scope="col" className="num">{t.overview.deposited}</th>
                    <th scope="col" className="num">{t.overview.claimed}</th>
                    <th scope="col" className="num">{t.overview.outstanding}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.totals.length === 0 ? (
                    <tr>
                      <td colSpan={4}>{t.common.none}</td>
                    </tr>
                  ) : (
                    overview.totals.map((row) => {
                      const token = snapshot.tokens.get(row.token);
                      return (
                        <tr key={row.token}>
                          <th scope="row">{token?.symbol ?? row.token}</th>
                          <td className="num"><Amount raw={row.deposited} token={token} /></td>
                          <td className="num"><Amount raw={row.claimed} token={token} /></td>
                          <td className="num"><Amount raw={row.outstanding} token={token} /></td>
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
              <p>
                <a href={hrefOf({ page: "services" })}>{t.nav.services} →</a>
              </p>
            </>
          );
        }}
      </QueryBoundary>
    </section>
  );
}

function LookupForm() {
  const { t } = useI18n();
  const [value, setValue] = useState("");
  const [isInvalid, setIsInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const route = routeForLookup(value);
    setIsInvalid(route === undefined);
    if (route !== undefined) window.location.hash = hrefOf(route);
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="lookup">{t.overview.lookUp}</label>
      <input
        id="lookup"
        className="mono"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? "lookup-error" : undefined}
        spellCheck={false}
        autoComplete="off"
      />
      <button type="submit">{t.overview.lookUpButton}</button>
      {isInvalid ? (
        <p id="lookup-error" className="field-error">
          {t.overview.lookUpInvalid}
        </p>
      ) : null}
    </form>
  );
}
