import { useSyncExternalStore } from "react";

import { parseRoute, type Route } from "../lib/routes.ts";

function subscribe(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** Returns the route of the current `location.hash`, updated on every change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
