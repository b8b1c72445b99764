// A badge for a project's README: `MUST 39/39`, green when every applicable MUST clause passed,
// red otherwise (expected failures included: the badge shows the score, not the expectations).
// Hand-written SVG in the flat style of shields.io: a dependency for two rectangles and two words
// is not worth it; textLength makes the text fit without measuring fonts.
import type { ConformanceReport } from '../contracts/report.ts';

const GREEN = '#2e7d32';
const RED = '#c62828';
const CHAR = 7; // px per character at 11px Verdana, roughly; textLength stretches to fit
const PAD = 6;

export function renderBadge(summary: ConformanceReport['summary']): string {
  const { pass, total, notApplicable } = summary.must;
  const applicable = total - notApplicable;
  const label = 'MUST';
  const value = `${pass}/${applicable}`;
  const colour = pass === applicable ? GREEN : RED;
  const lw = label.length * CHAR + 2 * PAD;
  const vw = value.length * CHAR + 2 * PAD;
  const w = lw + vw;
  const text = (x: number, s: string) =>
    `<text x="${x}" y="15" fill="#010101" fill-opacity=".3" textLength="${s.length * CHAR}">${s}</text><text x="${x}" y="14" textLength="${s.length * CHAR}">${s}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${label}: ${value}">
<title>${label}: ${value}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="start" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${text(PAD, label)}${text(lw + PAD, value)}</g>
</svg>
`;
}
