import {
  CodeActionKind,
  CreateFile,
  ResourceOperationKind,
  TextDocumentEdit,
  TextEdit,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineIndex } from '../engine/parse/line-index';
import type { Edit, Fix, ReportedFinding } from '../engine/types';
import { DIAGNOSTIC_SOURCE, DISABLE_RULE_COMMAND, FIX_ALL_KIND, type DisableRuleArguments } from '../../../protocol/requests';
import type { Analysis } from './analysis';
import { readDiagnosticData, toDiagnostic, toRange } from './diagnostics';

/** What the client can take, read once from its capabilities in `initialize`. */
export interface CodeActionSupport {
  readonly quickFix: boolean;
  readonly fixAll: boolean;
  /** `documentChanges` (edits tied to a version) rather than plain `changes`. */
  readonly versionedEdits: boolean;
  /** `CreateFile` operations in `documentChanges`: fixes that create a file are offered only then. */
  readonly createFiles: boolean;
  /** Whether the client runs `DISABLE_RULE_COMMAND` itself. */
  readonly disableRuleCommand: boolean;
}

/**
 * Where a file a fix creates goes: its URI, or null when it cannot be created (the document is not a
 * file on disk, or the file exists by now, which the cached lint may not know yet).
 */
export type NewFileUri = (documentUri: string, path: string) => string | null;

export function readCodeActionSupport(capabilities: ClientCapabilities, clientCommands: readonly string[]): CodeActionSupport {
  const kinds = capabilities.textDocument?.codeAction?.codeActionLiteralSupport?.codeActionKind.valueSet ?? [];
  // A client that lists a kind supports its sub-kinds too (LSP: "the client supports the base kind").
  const supports = (kind: string): boolean => kinds.some((base) => kind === base || kind.startsWith(`${base}.`));
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return {
    quickFix: supports(CodeActionKind.QuickFix),
    fixAll: supports(FIX_ALL_KIND),
    versionedEdits: workspaceEdit?.documentChanges === true,
    createFiles: workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes(ResourceOperationKind.Create),
    disableRuleCommand: clientCommands.includes(DISABLE_RULE_COMMAND),
  };
}

export function advertisedKinds(support: CodeActionSupport): string[] {
  return [...(support.quickFix ? [CodeActionKind.QuickFix] : []), ...(support.fixAll ? [FIX_ALL_KIND] : [])];
}

/** Whether a request restricted to `only` kinds wants actions of `kind`. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Unsafe fixes stay on offer but say so in the title, the one field every client shows. */
const UNSAFE_SUFFIX = ' (unsafe)';

export function quickFixes(document: TextDocument, analysis: Analysis, context: CodeActionContext, support: CodeActionSupport, newFileUri: NewFileUri): CodeAction[] {
  const actions: CodeAction[] = [];
  const ignored = new Set<string>();
  for (const [finding, diagnostic] of findingsOf(analysis, context.diagnostics)) {
    let preferred = false;
    for (const fix of finding.fixes) {
      const safe = fix.safety === 'safe';
      const edit = fixEdit(document, analysis, fix, support, newFileUri);
      if (!edit) continue;
      const action: CodeAction = {
        title: safe ? fix.title : `${fix.title}${UNSAFE_SUFFIX}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit,
      };
      if (safe && !preferred) action.isPreferred = preferred = true;
      actions.push(action);
    }
    const instruction = instructionOf(analysis, finding);
    const ignoreKey = `${finding.rule}@${instruction}`;
    const ignore = ignored.has(ignoreKey) ? null : ignoreEdit(analysis, finding.rule, instruction);
    if (ignore) {
      ignored.add(ignoreKey);
      actions.push({
        title: `Ignore \`${finding.rule}\` on this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(document, analysis.version, [toTextEdit(analysis.lines, ignore)], support),
      });
    }
  }
  if (support.disableRuleCommand) {
    const rules = new Set(findingsOf(analysis, context.diagnostics).map(([finding]) => finding.rule));
    for (const rule of rules) {
      const args: DisableRuleArguments = { rule, uri: document.uri };
      const title = `Disable \`${rule}\` in settings`;
      actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: DISABLE_RULE_COMMAND, arguments: [args] } });
    }
  }
  return actions;
}

/**
 * The workspace edit of one fix. A fix that creates files needs `CreateFile` operations, each followed
 * by an insertion of the content; without client support for them it is not offered (null).
 */
function fixEdit(document: TextDocument, analysis: Analysis, fix: Fix, support: CodeActionSupport, newFileUri: NewFileUri): WorkspaceEdit | null {
  const edits = fix.edits.map((edit) => toTextEdit(analysis.lines, edit));
  const creates = fix.creates ?? [];
  if (creates.length === 0) return workspaceEdit(document, analysis.version, edits, support);
  if (!support.createFiles) return null;
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = edits.length > 0 ? [TextDocumentEdit.create({ uri: document.uri, version: analysis.version }, edits)] : [];
  for (const file of creates) {
    const uri = newFileUri(document.uri, file.path);
    if (uri === null) return null;
    // Neither `overwrite` nor `ignoreIfExists`: if the file appeared after `newFileUri` looked, the client
    // fails the whole edit rather than replacing it or putting our lines at the top of the user's own.
    documentChanges.push(CreateFile.create(uri, { overwrite: false }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, file.content)]));
  }
  return { documentChanges };
}

/** `source.fixAll.bulkhead`: the safe fix loop's result as one minimal edit of the linted version. */
export function fixAllAction(document: TextDocument, version: number, fixedText: string, support: CodeActionSupport): CodeAction | null {
  const text = document.getText();
  if (fixedText === text) return null;
  let prefix = 0;
  while (prefix < text.length && prefix < fixedText.length && text.charCodeAt(prefix) === fixedText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < text.length - prefix &&
    suffix < fixedText.length - prefix &&
    text.charCodeAt(text.length - 1 - suffix) === fixedText.charCodeAt(fixedText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const edit: TextEdit = {
    range: { start: document.positionAt(prefix), end: document.positionAt(text.length - suffix) },
    newText: fixedText.slice(prefix, fixedText.length - suffix),
  };
  return { title: 'Fix all safe Bulkhead problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, version, [edit], support) };
}

/** The findings behind the client's diagnostics: by `data` when it is for this version, else by rule and range. */
function findingsOf(analysis: Analysis, diagnostics: readonly Diagnostic[]): [ReportedFinding, Diagnostic][] {
  const found = new Map<number, [ReportedFinding, Diagnostic]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = readDiagnosticData(diagnostic.data);
    let index = data && data.version === analysis.version && analysis.findings[data.index]?.rule === diagnostic.code ? data.index : -1;
    if (index === -1) {
      index = analysis.findings.findIndex((finding, i) => {
        if (finding.rule !== diagnostic.code) return false;
        const range = toDiagnostic(analysis.lines, finding, { version: analysis.version, index: i }).range;
        return sameRange(range, diagnostic.range);
      });
    }
    const finding = analysis.findings[index];
    if (finding && !found.has(index)) found.set(index, [finding, diagnostic]);
  }
  return [...found.values()];
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Index of the instruction holding the finding: pragmas above it cover all its lines. */
function instructionOf(analysis: Analysis, finding: ReportedFinding): number {
  const instructions = analysis.model.instructions;
  let index = -1;
  for (const instruction of instructions) {
    if (instruction.span.start > finding.span.start) break;
    index = instruction.index;
  }
  return index;
}

const BULKHEAD_PRAGMA = /^#\s*bulkhead\s+ignore\s*=\s*[A-Za-z0-9_,\s-]*$/;

/** Adds the rule to a `# bulkhead ignore=` line right above the instruction, or inserts one. */
function ignoreEdit(analysis: Analysis, rule: string, instructionIndex: number): Edit | null {
  const instruction = analysis.model.instructions[instructionIndex];
  if (!instruction) return null;
  const { lines, comments, text } = analysis.model.parsed;
  const line = lines.positionAt(instruction.span.start).line;
  const commentsByLine = new Map(comments.map((comment) => [comment.line, comment]));
  for (let above = line - 1; commentsByLine.has(above); above--) {
    const comment = commentsByLine.get(above);
    if (!comment) break;
    const written = text.slice(comment.span.start, comment.span.end).trimEnd();
    if (!BULKHEAD_PRAGMA.test(written.trim())) continue;
    const end = comment.span.start + written.length;
    const separator = written.trimEnd().endsWith('=') ? '' : ',';
    return { span: { start: end, end }, newText: `${separator}${rule}` };
  }
  const lineStart = lines.lineStart(line);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, instruction.span.start))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}# bulkhead ignore=${rule}${eol}` };
}

function toTextEdit(lines: LineIndex, edit: Edit): TextEdit {
  return { range: toRange(lines, edit.span), newText: edit.newText };
}

function workspaceEdit(document: TextDocument, version: number, edits: TextEdit[], support: CodeActionSupport): WorkspaceEdit {
  if (support.versionedEdits) return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version }, edits)] };
  return { changes: { [document.uri]: edits } };
}
