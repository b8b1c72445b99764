// JUnit XML with one test case per clause, for CI systems that chart JUnit.
import type { ConformanceReport } from '../contracts/report.ts';
import { headline } from '../fixtures/redact.ts';
import { answeredText, rootCauseLine, thrownText } from './sections.ts';

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** What reproduces the run, the root causes and the declared exceptions, as JUnit properties. */
const properties = (r: ConformanceReport): [string, string][] => [
  ['seed', String(r.run.seed)],
  ['runs', String(r.run.runs)],
  ['suite', `${r.suite.name} ${r.suite.version}`],
  ['catalogue', r.suite.catalogueHash],
  ['sdk', `${r.run.sdk.name} ${r.run.sdk.version}`],
  ['profile', JSON.stringify(r.run.profile)],
  ['command', r.run.command],
  ...r.rootCauses.map((c): [string, string] => [`root-cause.${c.clause}`, rootCauseLine(c)]),
  ...r.exceptions.map((e): [string, string] => [`exception.${e.exception}`, `thrown: ${thrownText(e)}; ${answeredText(e)}`]),
];

export function renderJunit(r: ConformanceReport): string {
  const failures = r.clauses.filter((c) => c.status === 'fail' || c.status === 'unexpected-pass').length;
  const skipped = r.clauses.filter((c) => c.status === 'not-applicable' || c.status === 'expected-fail').length;
  const cases = r.clauses.map((c) => {
    const open = `    <testcase classname="${esc(`${c.section}.${c.level}`)}" name="${esc(c.id)}">`;
    if (c.status === 'fail' || c.status === 'unexpected-pass') return `${open}<failure message="${esc(headline(c.message))}">${esc(c.message ?? '')}</failure></testcase>`;
    if (c.status === 'not-applicable' || c.status === 'expected-fail') return `${open}<skipped message="${esc(`${c.status}: ${c.message ?? ''}`)}"/></testcase>`;
    return `${open}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cognito-identity-conformance" tests="${r.clauses.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${esc(r.target.name)}" tests="${r.clauses.length}" failures="${failures}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    '    <properties>',
    ...properties(r).map(([name, value]) => `      <property name="${esc(name)}" value="${esc(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
