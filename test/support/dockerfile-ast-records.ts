import assert from 'node:assert/strict';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { LineIndex } from '../../server/src/engine/parse/line-index';
import type { InstructionRecord, ParsedDockerfile } from '../../server/src/engine/parse/dockerfile';
import type { Span } from '../../server/src/engine/types';

/**
 * Our parse finds instructions, comments and directives in one pass on offsets; dockerfile-ast is
 * the reference it must read like. This compares what dockerfile-ast's own object graph gives
 * (ranges, keywords, comments, directives, ARG/ENV/LABEL properties, ONBUILD triggers) with our
 * records. Arguments, flags and exec form are computed from those spans by the same code either way;
 * the argument split itself is checked against dockerfile-ast's `getArguments` (arguments.test.ts).
 */
export function assertReadsLikeDockerfileAst(parsed: ParsedDockerfile): void {
  const expected = fromDockerfileAst(parsed.text);
  assert.equal(parsed.escapeChar, expected.escapeChar, 'escape char');
  assert.deepEqual([...parsed.directives], [...expected.directives], 'directives');
  assert.deepEqual(parsed.comments.map(({ text, span, line }) => ({ text, span, line })), expected.comments, 'comments');
  assert.deepEqual(parsed.instructions.map(outline), expected.instructions, 'instructions');
}

/** What our records and dockerfile-ast's graph are compared on. */
interface Outline {
  keyword: string;
  span: Span;
  keywordSpan: Span;
  properties: { name: string; value: string | null; nameSpan: Span; valueSpan: Span | null }[];
  trigger: Outline | null;
}
type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

function outline(record: InstructionRecord): Outline {
  return {
    keyword: record.keyword,
    span: record.span,
    keywordSpan: record.keywordSpan,
    properties: record.properties.map(({ name, value, nameSpan, valueSpan }) => ({ name, value, nameSpan, valueSpan })),
    trigger: record.trigger && outline(record.trigger),
  };
}

const PARSER_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

function fromDockerfileAst(text: string) {
  const lines = new LineIndex(text);
  const toSpan = (range: Range): Span => ({ start: lines.offsetAt(range.start.line, range.start.character), end: lines.offsetAt(range.end.line, range.end.character) });
  const dockerfile = DockerfileParser.parse(text);
  const directives = new Map<string, string>();
  const comments: { text: string; span: Span; line: number }[] = [];
  for (const directive of dockerfile.getDirectives()) {
    const name = directive.getName().toLowerCase();
    const line = directive.getRange().start.line;
    if (PARSER_DIRECTIVES.has(name)) directives.set(name, directive.getValue());
    else comments.push({ text: text.slice(lines.lineStart(line) + 1, lines.lineEnd(line)).trim(), span: toSpan(directive.getRange()), line });
  }
  const instructions = dockerfile.getInstructions();
  const spans = instructions.map((instruction) => toSpan(instruction.getRange()));
  for (const comment of dockerfile.getComments()) {
    const span = toSpan(comment.getRange());
    // Comment lines inside a continued instruction belong to it.
    if (spans.some((instruction) => instruction.start < span.start && span.start < instruction.end)) continue;
    const line = comment.getRange().start.line;
    comments.push({ text: comment.getContent(), span: { start: lines.lineStart(line), end: span.end }, line });
  }
  const read = (instruction: Instruction, span: Span): Outline => ({
    keyword: instruction.getKeyword(),
    span,
    keywordSpan: toSpan(instruction.getInstructionRange()),
    properties: propertiesOf(instruction).map((property) => {
      const valueRange = property.getValueRange();
      return { name: property.getName(), value: property.getValue(), nameSpan: toSpan(property.getNameRange()), valueSpan: valueRange && toSpan(valueRange) };
    }),
    trigger: triggerOf(instruction),
  });
  // A trigger's record has the span of the ONBUILD that holds it (pragmas and removals apply to the whole line).
  const triggerOf = (onbuild: Instruction): Outline | null => {
    const trigger = (onbuild as Instruction & { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
    return trigger ? read(trigger, toSpan(onbuild.getRange())) : null;
  };
  return { escapeChar: dockerfile.getEscapeCharacter(), directives, comments, instructions: instructions.map((instruction, k) => read(instruction, spans[k] as Span)) };
}

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

function propertiesOf(instruction: Instruction): Property[] {
  const withProperties = instruction as Instruction & { getProperties?: () => Property[] };
  return typeof withProperties.getProperties === 'function' ? withProperties.getProperties() : [];
}
