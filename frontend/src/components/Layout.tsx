import { useEffect, useRef, type ReactNode } from "react";

import { useI18n } from "../hooks/useI18n.ts";
import { hrefOf, type Route } from "../lib/routes.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { WalletPanel } from "./WalletPanel.tsx";

const NAV_PAGES = ["overview", "services", "verify", "contributor", "consumer"] as const;

/** Page frame: skip link, header with navigation, language and wallet, and the main region. */
export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useI18n();
  const section = sectionOf(route);
  const path = hrefOf(route);
  const isFirstRoute = useRef(true);

  useEffect(() => {
    document.title = section === undefined ? t.appName : `${t.nav[section]} · ${t.appName}`;
  }, [section, t]);

  // After navigation, focus moves to the new content so that screen readers announce it; the
  // first page keeps the browser's own focus.
  useEffect(() => {
    if (isFirstRoute.current) {
      isFirstRoute.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [path]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => focusMain(event)}>
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="brand">
          <a href={hrefOf({ page: "overview" })} className="brand-name">
            {t.appName}
          </a>
          <span className="muted small">{t.tagline}</span>
        </div>
        <LanguageSwitch />
        <WalletPanel />
        <nav aria-label={t.nav.label}>
          <ul>
            {NAV_PAGES.map((page) => (
              <li key={page}>
                <a href={hrefOf({ page })} aria-current={section === page ? "page" : undefined}>
                  {t.nav[page]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function sectionOf(route: Route): (typeof NAV_PAGES)[number] | undefined {
  switch (route.page) {
    case "overview":
    case "dataset":
    case "address":
      return "overview";
    case "services":
    case "service":
    case "version":
      return "services";
    case "consent":
      return "contributor";
    case "notFound":
      return undefined;
    default:
      return route.page;
  }
}

/** Moves focus to the main region without changing the hash route. */
function focusMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById("main")?.focus();
}
