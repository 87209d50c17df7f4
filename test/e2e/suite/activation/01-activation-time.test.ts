/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID, extension, fixture, open } from '../helpers';

/**
 * The extension host's own performance marks (`code/extHost/<what>/<id>`): in a Node host VS Code
 * keeps them in `globalThis.MonacoPerformanceMarks`, in Date.now() milliseconds.
 */
function hostMarks(): { name: string; startTime: number }[] {
  const store: unknown = Reflect.get(globalThis, 'MonacoPerformanceMarks');
  const getMarks: unknown = typeof store === 'object' && store !== null ? Reflect.get(store, 'getMarks') : undefined;
  assert.ok(typeof getMarks === 'function', 'the extension host keeps performance marks in MonacoPerformanceMarks');
  const marks: unknown = Reflect.apply(getMarks, store, []);
  assert.ok(Array.isArray(marks));
  return marks.filter((mark): mark is { name: string; startTime: number } => typeof mark?.name === 'string' && typeof mark?.startTime === 'number');
}

function between(start: string, end: string): number {
  const marks = hostMarks();
  const at = (what: string): number => {
    const found = marks.filter((mark) => mark.name === `code/extHost/${what}/${EXTENSION_ID}`);
    assert.equal(found.length, 1, `one ${what} mark for ${EXTENSION_ID} among ${marks.map((mark) => mark.name).filter((name) => name.includes(EXTENSION_ID)).join(', ')}`);
    return found[0]?.startTime ?? NaN;
  };
  return at(end) - at(start);
}

// Run alone in a fresh extension host, before anything could have activated the extension. VS Code
// marks the loading of the extension's code and its activate() call (what its "Running Extensions"
// view shows, to the millisecond); the test also times the whole `activate()` as another extension sees it,
// which adds the host's own set-up (the extension context's storage comes from the browser).
suite('activation time', () => {
  test('activation is timed and the server then lints an opened file; the figures go to $E2E_ACTIVATION_FILE', async () => {
    const file = process.env.E2E_ACTIVATION_FILE;
    assert.ok(file, 'the runner sets E2E_ACTIVATION_FILE');
    const bulkhead = extension();
    assert.equal(bulkhead.isActive, false, 'nothing activated the extension before this test');
    const started = performance.now();
    await bulkhead.activate();
    const apiMs = performance.now() - started;
    assert.equal(bulkhead.isActive, true);
    const codeLoadingMs = between('willLoadExtensionCode', 'didLoadExtensionCode');
    const activateCallMs = between('willActivateExtension', 'didActivateExtension');
    // The deferred language client must still come up: an opened Dockerfile gets its diagnostics.
    const uri = fixture('Dockerfile');
    await open(uri);
    const firstDiagnosticsMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no bulkhead diagnostics within 30 s')), 30_000);
      const check = (): void => {
        if (!vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === 'bulkhead')) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(performance.now() - started);
      };
      const listener = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
    writeFileSync(file, JSON.stringify({ codeLoadingMs, activateCallMs, apiMs, firstDiagnosticsMs, extensionPath: bulkhead.extensionPath, node: process.version }));
  });
});
