import { posix } from 'node:path';
import { ruleDocsUrl } from '../../engine/docs-url';
import { allRules } from '../../engine/rules';
import type { ConfiguredSeverity, Rule, Severity } from '../../engine/types';
import type { LintedFile } from '../lint-files';
import { toCliRange, type CliRange } from '../positions';
import { VERSION } from '../version';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule in `tool.driver.rules` with help text and
 * `helpUri`, results with 1-based regions (UTF-16 columns, end exclusive), fixes as SARIF `fixes`.
 * Paths are relative to `%SRCROOT%`, the working folder, which is what the upload action expects.
 */
export function formatSarif(files: readonly LintedFile[], workingFolder: string): string {
  const index = new Map(allRules.map((rule, i) => [rule.id, i]));
  const results = files.flatMap((file) =>
    file.result.findings.map((finding) => {
      const lines = file.result.model.parsed.lines;
      const location = artifactLocation(file.path);
      return {
        ruleId: finding.rule,
        ...(index.has(finding.rule) ? { ruleIndex: index.get(finding.rule) } : {}),
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(toCliRange(lines, finding.span)) } }],
        ...(finding.fixes.length > 0
          ? {
              fixes: finding.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [
                  ...(fix.edits.length > 0
                    ? [
                        {
                          artifactLocation: location,
                          replacements: fix.edits.map((edit) => ({ deletedRegion: region(toCliRange(lines, edit.span)), insertedContent: { text: edit.newText } })),
                        },
                      ]
                    : []),
                  // A created file is a change of an empty artifact: its content inserted at the start.
                  ...(fix.creates ?? []).map((created) => ({
                    artifactLocation: artifactLocation(posix.join(posix.dirname(file.path), created.path)),
                    replacements: [{ deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: created.content } }],
                  })),
                ],
              })),
            }
          : {}),
        properties: { fixSafety: finding.fixes.map((fix) => fix.safety) },
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bulkhead',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/bulkhead-dev/bulkhead',
            rules: allRules.map(describeRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: fileUri(workingFolder.endsWith('/') ? workingFolder : `${workingFolder}/`) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: Rule): object {
  const url = ruleDocsUrl(rule.id);
  const summary = rule.meta.docs.summary;
  const hadolint = rule.meta.crossRefs.filter((ref) => ref.linter === 'hadolint').map((ref) => ref.id);
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: summary },
    fullDescription: { text: summary },
    helpUri: url,
    help: { text: `${summary} See ${url}`, markdown: `${summary} [Rule documentation](${url})` },
    defaultConfiguration: defaultConfiguration(rule.meta.severity),
    properties: {
      tags: rule.meta.category === 'security' ? ['security', 'dockerfile'] : [rule.meta.category, 'dockerfile'],
      ...(rule.meta.category === 'security' && rule.meta.severity !== 'off' ? { 'security-severity': SECURITY_SEVERITY[rule.meta.severity] } : {}),
      ...(hadolint.length > 0 ? { hadolint } : {}),
    },
  };
}

/** GitHub ranks security alerts by this score: > 7 high, > 4 medium, else low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', info: '2.0' };

function defaultConfiguration(severity: ConfiguredSeverity): object {
  return severity === 'off' ? { enabled: false, level: 'warning' } : { level: level(severity) };
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

function region(range: CliRange): object {
  return { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

/** Relative to `%SRCROOT%`; a file outside the working folder keeps an absolute URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  return path.startsWith('/') ? { uri: fileUri(path) } : { uri: encodeUri(path), uriBaseId: '%SRCROOT%' };
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function fileUri(path: string): string {
  const posix = path.replace(/\\/g, '/');
  return `file://${posix.startsWith('/') ? '' : '/'}${encodeUri(posix)}`;
}
