/** Provides the run-time configuration and the read client to the app. */
import { createContext, useMemo, type ReactNode } from "react";
import type { PublicClient } from "viem";

import { createReadClient } from "../lib/chain-clients.ts";
import type { AppConfig } from "./app-config.ts";

export interface ConfigValue {
  config: AppConfig;
  client: PublicClient;
}

export const ConfigContext = createContext<ConfigValue | undefined>(undefined);

export function ConfigProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const value = useMemo(() => ({ config, client: createReadClient(config) }), [config]);
  return <ConfigContext.Provider value={value}>{children}</ConfigContext.Provider>;
}
