/// <reference types="mocha" />
// Shared by the extension-host tests: they use only the `vscode` API, on a copy of
// test/e2e/fixtures/workspace that the runner makes for each run (tests edit and save files there).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bulkhead.bulkhead';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace');
  return folder.uri;
}

export function fixture(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path);
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext;
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function bulkheadDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'bulkhead');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object') return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Waits until the diagnostics of `uri` satisfy `accept` (diagnostics arrive asynchronously). */
export function diagnosticsWhere(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} in ${vscode.workspace.asRelativePath(uri)} (now: ${describe(bulkheadDiagnostics(uri))})`,
    () => {
      const diagnostics = bulkheadDiagnostics(uri);
      return accept(diagnostics) && diagnostics;
    },
    timeoutMs,
  );
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') || 'none';
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The text a 0-based range covers, as the user sees it. */
export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/** Restores a fixture file on disk and in any open editor, so tests do not depend on their order. */
export async function resetFile(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save());
}

/** Updates a setting and waits until VS Code has applied it (the language client forwards it then). */
export async function updateSetting(section: string, value: unknown, target: vscode.ConfigurationTarget, scope?: vscode.ConfigurationScope): Promise<void> {
  const [first, ...rest] = section.split('.');
  assert.ok(first && rest.length > 0, `a qualified setting name: ${section}`);
  const config = vscode.workspace.getConfiguration(first, scope);
  const key = rest.join('.');
  const inspected = config.inspect(key);
  const current =
    target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.workspaceFolderValue;
  if (JSON.stringify(current) === JSON.stringify(value)) return; // no change, so no event to wait for
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(section)) return;
      listener.dispose();
      resolve();
    });
  });
  await config.update(key, value, target);
  await changed;
}

/** Requests the local stand-in registry (lib/request-recorder.mjs) has received so far. */
export function registryRequests(): string[] {
  const log = process.env.E2E_REGISTRY_LOG;
  assert.ok(log, 'the runner sets E2E_REGISTRY_LOG');
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

export function registryHost(): string {
  const host = process.env.E2E_REGISTRY;
  assert.ok(host, 'the runner sets E2E_REGISTRY');
  return host;
}

/** Asks for what makes the image-size feature look an image up: inlay hints of the whole file and a hover on the first FROM image. */
export async function requestImageFacts(document: vscode.TextDocument, image: string): Promise<{ hints: vscode.InlayHint[]; hover: string }> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(document.getText().indexOf(image) + 1));
  const hover = hovers
    .flatMap((item) => item.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
  return { hints, hover };
}

/**
 * Resolves once no configuration change affecting `section` happened for `quietMs`. VS Code reports
 * a settings write twice: when it applies it, and again when its file watcher sees settings.json
 * change, about two seconds later; the language client forwards both.
 */
export function configurationSettled(section: string, quietMs = 3000): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(section)) return;
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    function done(): void {
      listener.dispose();
      resolve();
    }
  });
}

/**
 * A fixture that the tests of a suite edit: opened once, put back before each test (waiting until
 * the diagnostics of `rules` are there again, so no test sees the previous one's) and after the suite.
 */
export function editedFixture(uri: vscode.Uri, rules: readonly string[]): { readonly document: vscode.TextDocument; readonly original: string } {
  const state = {} as { document: vscode.TextDocument; original: string };
  suiteSetup(async () => {
    state.document = (await open(uri)).document;
    state.original = state.document.getText();
  });
  setup(async () => {
    await resetFile(uri, state.original);
    await vscode.window.showTextDocument(state.document);
    await diagnosticsWhere(uri, 'the original findings', (found) => rules.every((rule) => found.some((d) => ruleOf(d) === rule)));
  });
  suiteTeardown(() => resetFile(uri, state.original));
  return state;
}

/** A synthetic image the runner pushed to the real registry (lib/image-registry.mjs). */
export interface PushedImage {
  readonly reference: string;
  /** The digest that pins the reference: the manifest's, or the index's for a multi-platform image. */
  readonly digest: string;
  readonly platforms: Readonly<Record<string, { readonly digest: string; readonly compressedBytes: number }>>;
}

/** The real registry on 127.0.0.1 (Debian's docker-registry) and what the runner pushed to it. */
export function imageRegistry(): { host: string; single: PushedImage; index: PushedImage } {
  const host = process.env.E2E_IMAGE_REGISTRY;
  const images = process.env.E2E_IMAGE_REGISTRY_IMAGES;
  assert.ok(host && images, 'the runner sets E2E_IMAGE_REGISTRY and E2E_IMAGE_REGISTRY_IMAGES');
  const { single, index } = JSON.parse(images) as { single: PushedImage; index: PushedImage };
  return { host, single, index };
}

/** The architecture the extension measures by default (`bulkhead.imageSize.platform` empty). */
export const HOST_ARCHITECTURE = process.arch === 'arm64' ? 'arm64' : 'amd64';
