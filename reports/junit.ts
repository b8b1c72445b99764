// JUnit XML with one test case per clause, for CI systems that chart JUnit.
import type { ConformanceReport } from '../contracts/report.ts';
import { headline } from '../fixtures/redact.ts';
import { escXml } from './escape.ts';
import { answeredText, rootCauseLine, thrownText } from './sections.ts';

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
    const open = `    <testcase classname="${escXml(`${c.section}.${c.level}`)}" name="${escXml(c.id)}">`;
    if (c.status === 'fail' || c.status === 'unexpected-pass') return `${open}<failure message="${escXml(headline(c.message))}">${escXml(c.message ?? '')}</failure></testcase>`;
    if (c.status === 'not-applicable' || c.status === 'expected-fail') return `${open}<skipped message="${escXml(`${c.status}: ${c.message ?? ''}`)}"/></testcase>`;
    return `${open}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cognito-identity-conformance" tests="${r.clauses.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="${escXml(r.target.name)}" tests="${r.clauses.length}" failures="${failures}" skipped="${skipped}" time="${(r.durationMs / 1000).toFixed(3)}">`,
    '    <properties>',
    ...properties(r).map(([name, value]) => `      <property name="${escXml(name)}" value="${escXml(value)}"/>`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
