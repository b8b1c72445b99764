// certificate.json and certificate.md for `cognito-conformance certify`. Certified only when every
// MUST clause passed, with no expectations applied and no MUST clause not applicable (like
// Kubernetes conformance: nothing skipped, nothing failed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../contracts/clauses.ts';
import type { ConformanceReport } from '../contracts/report.ts';
import { headline } from '../fixtures/redact.ts';
import type { TargetProfile } from '../fixtures/target.ts';

export function certificate(report: ConformanceReport, profile: TargetProfile) {
  const must = report.clauses.filter((c) => c.level === 'MUST');
  const unreported = catalogue.filter((c) => c.level === 'MUST' && !must.some((m) => m.id === c.id));
  const reasons = [
    ...unreported.map((c) => `MUST clause ${c.id} was not run`),
    ...must.filter((c) => c.status !== 'pass').map((c) => `MUST clause ${c.id} is ${c.status}${c.message ? `: ${headline(c.message)}` : ''}`),
    ...(report.expectations ? [`expectations were applied (${report.expectations})`] : []),
  ];
  const should = report.clauses.filter((c) => c.level === 'SHOULD');
  return {
    certified: reasons.length === 0,
    reasons,
    suite: report.suite,
    sdk: report.run.sdk,
    target: { name: profile.name, kind: profile.kind, endpoint: profile.endpoint ?? 'embedded reference mock', region: profile.region, version: process.env.CC_TARGET_VERSION },
    // What reproduces the run: the seed, the budget, the profile as declared (no secrets), the command.
    run: { seed: report.run.seed, runs: report.run.runs, profile: report.run.profile, command: report.run.command },
    date: new Date().toISOString(),
    must: { pass: must.filter((c) => c.status === 'pass').length, total: must.length + unreported.length },
    should: { pass: should.filter((c) => c.status === 'pass').length, total: should.length },
    clauses: report.clauses.map((c) => ({ id: c.id, level: c.level, status: c.status })),
  };
}

export function writeCertificate(dir: string, report: ConformanceReport, profile: TargetProfile) {
  const cert = certificate(report, profile);
  writeFileSync(join(dir, 'certificate.json'), JSON.stringify(cert, null, 2) + '\n');
  const md = [
    `# ${cert.certified ? 'Certified' : 'Not certified'}: ${cert.target.name}`,
    '',
    `GetOpenIdTokenForDeveloperIdentity conformance, ${cert.suite.name} ${cert.suite.version} (catalogue ${cert.suite.catalogueHash}), ${cert.sdk.name} ${cert.sdk.version}, ${cert.date}.`,
    '',
    `Target: ${cert.target.kind} ${cert.target.endpoint}, region ${cert.target.region}${cert.target.version ? `, ${cert.target.version}` : ''}.`,
    '',
    `Reproduce: seed ${cert.run.seed}, ${cert.run.runs} runs per property: \`${cert.run.command}\``,
    '',
    'Target profile as declared (no secrets):',
    '',
    '```json',
    JSON.stringify(cert.run.profile, null, 2),
    '```',
    '',
    `MUST: ${cert.must.pass} of ${cert.must.total} pass. SHOULD (parity with AWS): ${cert.should.pass} of ${cert.should.total} pass.`,
    ...(cert.reasons.length ? ['', 'Why not:', ...cert.reasons.map((r) => `- ${r}`)] : []),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'certificate.md'), md);
  console.log(`\n${cert.certified ? 'CERTIFIED' : 'NOT CERTIFIED'}: MUST ${cert.must.pass}/${cert.must.total}, SHOULD ${cert.should.pass}/${cert.should.total}; certificate in ${dir}/certificate.json`);
}
