import type { RebuiltDataset } from "../../../scripts/lib/chain/rebuild.ts";
import { useI18n } from "../hooks/useI18n.ts";
import { formatInteger, shortHex } from "../lib/format.ts";
import { hrefOf } from "../lib/routes.ts";

/** Datasets with their token counts and state. */
export function DatasetsTable({ caption, datasets }: { caption: string; datasets: RebuiltDataset[] }) {
  const { t, locale } = useI18n();
  const d = t.dataset;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{d.id}</th>
          <th scope="col" className="num">{d.tokenCount}</th>
          <th scope="col">{d.state}</th>
          <th scope="col">{d.reportCid}</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((dataset) => (
          <tr key={dataset.id}>
            <th scope="row">
              <a href={hrefOf({ page: "dataset", datasetId: dataset.id })} className="mono" title={dataset.id}>
                {shortHex(dataset.id, 6)}
              </a>
            </th>
            <td className="num">{formatInteger(dataset.tokenCount, locale)}</td>
            <td>{dataset.isRevoked ? `✗ ${d.revoked}` : `✓ ${d.active}`}</td>
            <td className="mono small">{shortHex(dataset.reportCid, 8)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
