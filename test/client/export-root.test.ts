import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportRoot } from '../../client/src/audit/export-root';

test('one folder is its own export root', () => {
  assert.equal(exportRoot(['file:///home/dev/shop']), 'file:///home/dev/shop');
  assert.equal(exportRoot(['file:///home/dev/shop/']), 'file:///home/dev/shop');
});

test('several folders export relative to the nearest folder holding them all', () => {
  assert.equal(exportRoot(['file:///home/dev/shop/api', 'file:///home/dev/shop/web']), 'file:///home/dev/shop');
  assert.equal(exportRoot(['file:///home/dev/shop', 'file:///home/dev/shop/web']), 'file:///home/dev/shop');
  assert.equal(exportRoot(['file:///home/dev/shop/api', 'file:///home/dev/shopping']), 'file:///home/dev');
  assert.equal(exportRoot(['file:///srv/a', 'file:///home/b']), 'file:///');
});

test('the authority of a UNC path is kept; folders not on disk are left out', () => {
  assert.equal(exportRoot(['file://server/share/a', 'file://server/share/b']), 'file://server/share');
  assert.equal(exportRoot(['vscode-vfs://github/org/repo', 'file:///home/dev/shop']), 'file:///home/dev/shop');
  assert.equal(exportRoot(['vscode-vfs://github/org/repo']), null);
  assert.equal(exportRoot([]), null);
});
