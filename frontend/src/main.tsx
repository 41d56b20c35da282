/** Entry point: loads `config.json`, then renders the app or shows why it cannot. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App.tsx";
import { loadAppConfig } from "./config/app-config.ts";
import { I18nProvider } from "./i18n/I18nProvider.tsx";
import "./styles.css";

const root = createRoot(document.getElementById("root")!);

loadAppConfig()
  .then((config) => {
    root.render(
      <StrictMode>
        <I18nProvider>
          <App config={config} />
        </I18nProvider>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    console.error("config.json could not be used", error);
    root.render(
      <main className="config-error" role="alert">
        <h1>1TT Platform</h1>
        <p>The app's configuration could not be loaded, so it cannot reach the chain.</p>
        <p lang="ko">앱 설정을 불러오지 못해 체인에 연결할 수 없어요.</p>
        <pre>{error instanceof Error ? error.message : String(error)}</pre>
      </main>,
    );
  });
