/** Page styles: readable on screen and in print, with Korean fonts first for Hangul. */
export const REPORT_CSS = `
:root { --ink: #1d2330; --muted: #5b6475; --line: #dde1e8; --accent: #2454a6; --soft: #f4f6fa; --mark: #fff1c2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif; color: var(--ink); background: #fff; }
header.bar { display: flex; justify-content: space-between; align-items: center; padding: 12px 32px; border-bottom: 1px solid var(--line); background: var(--soft); }
header.bar strong { letter-spacing: .02em; }
nav a { margin-left: 12px; color: var(--accent); text-decoration: none; font-weight: 600; }
main { max-width: 1040px; margin: 0 auto; padding: 8px 32px 48px; }
h1 { font-size: 28px; margin: 24px 0 8px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
p.lead { color: var(--muted); max-width: 760px; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin: 20px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 26px; font-weight: 700; }
.card .note { color: var(--muted); font-size: 12px; }
dl.ids { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; font-size: 13px; }
dl.ids dt { color: var(--muted); }
dl.ids dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; }
table { width: 100%; border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .desc, td span.desc { display: block; color: var(--muted); font-size: 12px; }
.bar-cell { width: 30%; }
.meter { background: var(--soft); border-radius: 4px; height: 10px; }
.meter span { display: block; height: 10px; border-radius: 4px; background: var(--accent); }
ul.examples { list-style: none; padding: 0; }
ul.examples li { background: var(--soft); border-radius: 6px; padding: 6px 10px; margin: 6px 0; font-size: 13px; }
ul.examples .tag { color: var(--muted); font-size: 12px; margin-right: 8px; }
mark { background: var(--mark); padding: 0 2px; border-radius: 3px; }
pre { background: var(--soft); padding: 12px; border-radius: 6px; overflow-x: auto; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
section.lang-ko { display: none; }
body:has(#ko:target) section.lang-ko { display: block; }
body:has(#ko:target) section.lang-en { display: none; }
@media print { header.bar { display: none; } section.lang-ko, section.lang-en { display: block !important; page-break-before: always; } }
`;
