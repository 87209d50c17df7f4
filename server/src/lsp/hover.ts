import type { Hover } from 'vscode-languageserver';
import { ruleDocsUrl } from '../engine/docs-url';
import type { Span } from '../engine/types';
import type { Analysis } from './analysis';
import { toRange } from './diagnostics';
import { imageHoverLines, type ImageHoverOptions } from './image-hover';
import type { RuleDocs } from './rule-docs';

/** Hover at a document offset: the findings under it with their docs, and facts about a FROM image. */
export function hoverAt(analysis: Analysis, offset: number, docs: RuleDocs, imageOptions: ImageHoverOptions): Hover | null {
  const sections: string[] = [];
  let range: Span | null = null;
  for (const finding of analysis.findings) {
    const { start, end } = finding.span;
    if (start > offset || (offset >= end && !(start === end && offset === end))) continue;
    const why = docs.whyItMatters(finding.rule);
    sections.push([`**Bulkhead** \`${finding.rule}\` (${finding.severity})`, finding.message, ...(why ? [why] : []), `[Documentation](${ruleDocsUrl(finding.rule)})`].join('\n\n'));
    range ??= finding.span;
  }
  const stage = analysis.model.stages.find((candidate) => candidate.imageSpan && candidate.imageSpan.start <= offset && offset <= candidate.imageSpan.end);
  if (stage?.imageSpan) {
    const lines = imageHoverLines(analysis.model, stage, imageOptions);
    if (lines.length > 0) {
      sections.push(lines.join('\n\n'));
      range ??= stage.imageSpan;
    }
  }
  if (sections.length === 0 || !range) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: toRange(analysis.lines, range) };
}
