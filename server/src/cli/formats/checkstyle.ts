import type { LintedFile } from '../lint-files';
import { toCliRange } from '../positions';

/** `lint --format checkstyle`: the XML Jenkins (Warnings NG) and GitLab's converters read. */
export function formatCheckstyle(files: readonly LintedFile[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of files) {
    out.push(`  <file name="${xml(file.path)}">`);
    for (const finding of file.result.findings) {
      const { line, column } = toCliRange(file.result.model.parsed.lines, finding.span);
      out.push(`    <error line="${line}" column="${column}" severity="${finding.severity}" message="${xml(finding.message)}" source="bulkhead.${xml(finding.rule)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}

/** Escapes text for an XML attribute and drops characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
