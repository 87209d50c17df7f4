import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readBuildContext } from '../../server/src/cli/build-context';
import { buildModel } from '../../server/src/engine/model/file-model';
import { loadEngine } from '../../server/src/node/load-engine';
import { lintJson, makeTree, removeTree, rulesIn } from './helpers';

describe('build context facts', () => {
  before(loadEngine);

  it('reads the copied files of the Dockerfile folder, small and text only, and no stage or URL sources', () => {
    const root = makeTree({
      Dockerfile: 'FROM debian:12-slim\nCOPY run.sh scripts/ /usr/local/bin/\nCOPY --from=build /out /out\nADD https://example.com/x.tgz /x\nCOPY ["entry point.sh", "/e.sh"]\nCOPY missing.sh /m.sh\n',
      'run.sh': '#!/bin/sh\nexec python3 app.py\n',
      'scripts/a.sh': 'echo a\n',
      'scripts/sub/b.sh': 'echo b\n',
      'scripts/big.bin': 'x'.repeat(70 * 1024),
      'scripts/blob.dat': 'a\u0000b',
      'entry point.sh': 'node server.js\n',
      'out/not-copied.sh': 'echo no\n',
    });
    try {
      symlinkSync(join(root, 'scripts'), join(root, 'scripts', 'sub', 'loop'));
      const path = join(root, 'Dockerfile');
      const context = readBuildContext(path, buildModel(readFileSync(path, 'utf8')));
      assert.equal(context.hasDockerignore, false);
      assert.deepEqual([...(context.files?.keys() ?? [])].sort(), ['entry point.sh', 'run.sh', 'scripts/a.sh', 'scripts/sub/b.sh']);
      assert.equal(context.files?.get('run.sh'), '#!/bin/sh\nexec python3 app.py\n');
    } finally {
      removeTree(root);
    }
  });

  it('sees a .dockerignore, or BuildKit’s <Dockerfile>.dockerignore, beside the Dockerfile', () => {
    const copyAll = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n';
    const root = makeTree({
      'none/Dockerfile': copyAll,
      'plain/Dockerfile': copyAll,
      'plain/.dockerignore': 'node_modules\n',
      'named/app.Dockerfile': copyAll,
      'named/app.Dockerfile.dockerignore': 'node_modules\n',
    });
    try {
      const { report } = lintJson(['.'], root);
      assert.ok(rulesIn(report, 'none/Dockerfile').includes('copy-context-without-dockerignore'));
      assert.ok(!rulesIn(report, 'plain/Dockerfile').includes('copy-context-without-dockerignore'));
      assert.ok(!rulesIn(report, 'named/app.Dockerfile').includes('copy-context-without-dockerignore'));
    } finally {
      removeTree(root);
    }
  });
});
