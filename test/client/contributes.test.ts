import assert from 'node:assert/strict';
import { test } from 'node:test';
import manifest from '../../package.json';
import { AUDIT_COMMAND } from '../../client/src/audit/names';

test('package.json contributes the image-size settings, the audit command and restricts network settings', () => {
  const properties = manifest.contributes.configuration.properties as Record<string, { type: string; default: unknown }>;
  assert.equal(properties['bulkhead.imageSize.enabled']?.default, true);
  assert.equal(properties['bulkhead.imageSize.online']?.default, false);
  assert.equal(properties['bulkhead.imageSize.platform']?.type, 'string');
  assert.deepEqual(properties['bulkhead.imageSize.insecureRegistries']?.default, []);
  const command = manifest.contributes.commands.find((entry) => entry.command === AUDIT_COMMAND);
  assert.deepEqual(command, { command: AUDIT_COMMAND, title: 'Audit Workspace Containerfiles', category: 'Bulkhead' });
  const restricted: readonly string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.ok(restricted.includes('bulkhead.imageSize.online'));
  assert.ok(restricted.includes('bulkhead.imageSize.insecureRegistries'));
});
