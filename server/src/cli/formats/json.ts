import { posix } from 'node:path';
import type { Severity } from '../../engine/types';
import type { LintedFile } from '../lint-files';
import { toCliRange } from '../positions';

/** `lint --format json`: the SPEC §1 contract, field for field. */
export function formatJson(files: readonly LintedFile[]): string {
  const summary: Record<'files' | Severity, number> = { files: files.length, error: 0, warning: 0, info: 0 };
  const out = {
    version: 1,
    files: files.map((file) => {
      const lines = file.result.model.parsed.lines;
      return {
        path: file.path,
        findings: file.result.findings.map((finding) => {
          summary[finding.severity]++;
          return {
            rule: finding.rule,
            severity: finding.severity,
            message: finding.message,
            ...toCliRange(lines, finding.span),
            fixes: finding.fixes.map((fix) => ({
              title: fix.title,
              safe: fix.safety === 'safe',
              edits: fix.edits.map((edit) => ({ ...toCliRange(lines, edit.span), newText: edit.newText })),
              // Files the fix creates beside the Dockerfile, with paths like `path`'s.
              ...(fix.creates ? { creates: fix.creates.map((created) => ({ path: posix.join(posix.dirname(file.path), created.path), content: created.content })) } : {}),
            })),
          };
        }),
      };
    }),
    summary,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
