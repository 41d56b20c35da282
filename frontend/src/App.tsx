/** Providers and the page for the current route; pages do the rest. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { WagmiProvider } from "wagmi";

import { Layout } from "./components/Layout.tsx";
import type { AppConfig } from "./config/app-config.ts";
import { ConfigProvider } from "./config/ConfigProvider.tsx";
import { useI18n } from "./hooks/useI18n.ts";
import { useRoute } from "./hooks/useRoute.ts";
import { createWagmiConfig } from "./lib/chain-clients.ts";
import { hrefOf, type Route } from "./lib/routes.ts";
import { AddressPage } from "./pages/AddressPage.tsx";
import { ConsentPage } from "./pages/ConsentPage.tsx";
import { ConsumerPage } from "./pages/ConsumerPage.tsx";
import { ContributorPage } from "./pages/ContributorPage.tsx";
import { DatasetPage } from "./pages/DatasetPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { ServicePage } from "./pages/ServicePage.tsx";
import { ServicesPage } from "./pages/ServicesPage.tsx";
import { VerifyPage } from "./pages/VerifyPage.tsx";
import { VersionPage } from "./pages/VersionPage.tsx";

/** Chain data older than this is refetched when a page needs it again, in ms. */
const STALE_AFTER_MS = 15_000;

export function App({ config }: { config: AppConfig }) {
  const wagmiConfig = useMemo(() => createWagmiConfig(config), [config]);
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: STALE_AFTER_MS, retry: 1 } } }),
  );
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <ConfigProvider config={config}>
          <Routed />
        </ConfigProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}

function Routed() {
  const route = useRoute();
  return (
    <Layout route={route}>
      <Page route={route} />
    </Layout>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case "overview":
      return <OverviewPage />;
    case "services":
      return <ServicesPage />;
    case "service":
      return <ServicePage serviceId={route.serviceId} />;
    case "version":
      return <VersionPage serviceId={route.serviceId} version={route.version} />;
    case "dataset":
      return <DatasetPage datasetId={route.datasetId} />;
    case "address":
      return <AddressPage address={route.address} />;
    case "verify":
      return <VerifyPage />;
    case "contributor":
      return <ContributorPage />;
    case "consent":
      return <ConsentPage reportCid={route.reportCid} />;
    case "consumer":
      return <ConsumerPage />;
    case "notFound":
      return (
        <section>
          <h1>{t.common.notFound}</h1>
          <p>
            <a href={hrefOf({ page: "overview" })}>{t.common.backTo(t.nav.overview)}</a>
          </p>
        </section>
      );
  }
}
