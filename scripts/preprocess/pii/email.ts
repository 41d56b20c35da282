import { spansOf, type PiiDetector } from "./detector.ts";

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

export const emailDetector: PiiDetector = {
  kind: "email",
  placeholder: "[EMAIL]",
  appliesInsideUrls: true,
  find: (text) => (text.includes("@") ? spansOf(text, EMAIL) : []),
};
