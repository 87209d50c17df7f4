/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { HOST_ARCHITECTURE, diagnosticsWhere, fixture, imageRegistry, open, requestImageFacts, resetFile, ruleOf, updateSetting, waitFor, type PushedImage } from '../helpers';

// The online lookup against a real registry (Debian's docker-registry with bearer tokens, started by
// the runner with synthetic images it pushed): the sizes and digests the editor shows must be the
// ones the registry holds, and "Pin to digest" must write the digest the runner pushed.

/** `≈ 4.2 MB` / `600 kB` → bytes; the label is rounded, so the test allows for that. */
function labelBytes(label: string): number {
  const match = /^≈ (\d+(?:\.\d+)?) (kB|MB|GB)$/.exec(label);
  assert.ok(match, `a size label: ${label}`);
  return Number(match[1]) * { kB: 1e3, MB: 1e6, GB: 1e9 }[match[2] as 'kB'];
}

const labelOf = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));

function expectedBytes(image: PushedImage): number {
  const platform = image.platforms[HOST_ARCHITECTURE];
  assert.ok(platform, `the runner pushed ${image.reference} for ${HOST_ARCHITECTURE}`);
  return platform.compressedBytes;
}

suite('pin to digest (online, real registry)', () => {
  const registry = imageRegistry();
  const uri = () => fixture('Dockerfile.registry');
  const text = `FROM ${registry.single.reference} AS base\nRUN echo built\n\nFROM ${registry.index.reference}\nCOPY --from=base /etc/hostname /copied\n`;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await updateSetting('bulkhead.imageSize.insecureRegistries', [registry.host], vscode.ConfigurationTarget.Global);
    await updateSetting('bulkhead.imageSize.online', true, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.writeFile(uri(), Buffer.from(text));
  });
  setup(async () => {
    document = (await open(uri())).document;
    await resetFile(uri(), text);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri());
    await updateSetting('bulkhead.rules', undefined, vscode.ConfigurationTarget.Workspace);
    await updateSetting('bulkhead.imageSize.online', undefined, vscode.ConfigurationTarget.Global);
    await updateSetting('bulkhead.imageSize.insecureRegistries', undefined, vscode.ConfigurationTarget.Global);
  });

  test(`inlay hints show the registry's compressed size: the single-platform image, and the ${HOST_ARCHITECTURE} manifest of the index`, async () => {
    // The first request starts the lookups; the hints come back once the registry has answered.
    const hints = await waitFor('two size hints from the registry', async () => {
      const { hints: found } = await requestImageFacts(document, registry.single.reference);
      return found.length === 2 && found.every((hint) => /^≈ /.test(labelOf(hint))) && found;
    });
    const [single, index] = [...hints].sort((a, b) => a.position.line - b.position.line);
    assert.ok(single && index);
    assert.equal(single.position.line, 0);
    assert.equal(index.position.line, 3);
    // Rounded to 0.1 MB: the pushed images differ by far more than that.
    assert.ok(Math.abs(labelBytes(labelOf(single)) - expectedBytes(registry.single)) <= 50_000, `${labelOf(single)} for ${expectedBytes(registry.single)} bytes`);
    assert.ok(Math.abs(labelBytes(labelOf(index)) - expectedBytes(registry.index)) <= 50_000, `${labelOf(index)} for ${expectedBytes(registry.index)} bytes`);
  });

  test('the hover shows the digest the registry holds, and every platform of the index', async () => {
    const single = await waitFor('a hover with the digest', async () => {
      const { hover } = await requestImageFacts(document, registry.single.reference);
      return hover.includes('Registry: digest') && hover;
    });
    assert.ok(single.includes(`digest \`${registry.single.digest}\``), single);
    const { hover: index } = await requestImageFacts(document, registry.index.reference);
    assert.ok(index.includes(`digest \`${registry.index.digest}\``), index);
    for (const platform of Object.keys(registry.index.platforms)) assert.match(index, new RegExp(`\\| linux/${platform} \\| [\\d.]+ [kM]B \\|`));
  });

  for (const which of ['single', 'index'] as const) {
    test(`"Pin … to digest" on the ${which === 'single' ? 'single-platform image' : 'index'} writes @sha256:… as pushed`, async () => {
      const image = registry[which];
      await waitFor('the lookup', async () => (await requestImageFacts(document, image.reference)).hover.includes('Registry: digest'));
      const start = document.getText().indexOf(image.reference);
      const range = new vscode.Range(document.positionAt(start), document.positionAt(start + image.reference.length));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range);
      const pin = actions.find((action) => action.title.startsWith('Pin '));
      assert.ok(pin?.edit, actions.map((action) => action.title).join(' | '));
      assert.equal(pin.title, `Pin \`${image.reference}\` to digest \`${image.digest.slice(0, 19)}…\``);
      assert.equal(pin.kind?.value, vscode.CodeActionKind.RefactorRewrite.value, 'a rewrite: base-image-not-digest-pinned is off by default');
      assert.ok(await vscode.workspace.applyEdit(pin.edit));
      assert.ok(await document.save());
      const line = readFileSync(uri().fsPath, 'utf8').split('\n')[which === 'single' ? 0 : 3];
      assert.equal(line, `FROM ${image.reference}@${image.digest}${which === 'single' ? ' AS base' : ''}`);
      assert.match(image.digest, /^sha256:[0-9a-f]{64}$/);
    });
  }

  test('with base-image-not-digest-pinned on, the pin is that finding\'s quick fix', async () => {
    await updateSetting('bulkhead.rules', { 'base-image-not-digest-pinned': 'warning' }, vscode.ConfigurationTarget.Workspace);
    const found = await diagnosticsWhere(uri(), 'base-image-not-digest-pinned on line 1', (d) => d.some((x) => ruleOf(x) === 'base-image-not-digest-pinned' && x.range.start.line === 0));
    const diagnostic = found.find((d) => ruleOf(d) === 'base-image-not-digest-pinned' && d.range.start.line === 0);
    assert.ok(diagnostic);
    await waitFor('the lookup', async () => (await requestImageFacts(document, registry.single.reference)).hover.includes('Registry: digest'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const pin = actions.find((action) => action.title.startsWith('Pin '));
    assert.ok(pin, actions.map((action) => action.title).join(' | '));
    // executeCodeActionProvider does not hand back `diagnostics`; the kind is what tells: the
    // provider makes the pin a quick fix only when it matched the finding (a rewrite otherwise).
    assert.equal(pin.kind?.value, vscode.CodeActionKind.QuickFix.value);
  });
});
