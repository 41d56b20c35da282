import { useContext } from "react";

import { ConfigContext, type ConfigValue } from "../config/ConfigProvider.tsx";

/** Returns the run-time configuration and the read client; must be used under `ConfigProvider`. */
export function useConfig(): ConfigValue {
  const value = useContext(ConfigContext);
  if (value === undefined) throw new Error("useConfig must be used inside ConfigProvider");
  return value;
}
