import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadEngine } from '../../node/load-engine';
import { buildModel, type FileModel } from './file-model';

before(loadEngine);

/** Commands of every RUN as `name args` strings with their depth, read back from the document. */
function commands(model: FileModel): string[] {
  return model.runs.flatMap((run) =>
    (run.script?.commands ?? []).map((c) => `${c.depth}:${model.text.slice(c.span.start, c.span.end).replace(/\s+/g, ' ')}`),
  );
}

describe('stages', () => {
  it('follows FROM <stage> chains to the final image; COPY --from does not count', () => {
    const model = buildModel('FROM node:22 AS deps\nFROM deps AS build\nFROM alpine:3.20 AS tools\nFROM build\nCOPY --from=tools /x /x\n');
    assert.deepEqual(model.stages.map((s) => [s.name, s.baseStage, s.reachesFinalImage]), [
      ['deps', null, true],
      ['build', 0, true],
      ['tools', null, false],
      [null, 1, true],
    ]);
  });

  it('resolves the base image through global ARG defaults, and keeps unknowns unknown', () => {
    const model = buildModel('ARG BASE=python\nARG TAG\nFROM ${BASE}:${PY:-3.12}-slim\nFROM ${BASE}:${TAG}\n');
    assert.equal(model.stages[0]?.image?.repository, 'python');
    assert.equal(model.stages[0]?.image?.tag, '3.12-slim');
    assert.equal(model.stages[1]?.image, null);
  });

  it('reads registries, library/ and digests', () => {
    const model = buildModel('FROM docker.io/library/node:22@sha256:abc\nFROM localhost:5000/team/app\nFROM gcr.io/distroless/static-debian12:nonroot\n');
    assert.deepEqual(model.stages.map((s) => [s.image?.registry, s.image?.repository, s.image?.tag, s.image?.digest]), [
      ['docker.io', 'node', '22', 'sha256:abc'],
      ['localhost:5000', 'team/app', null, null],
      ['gcr.io', 'distroless/static-debian12', 'nonroot', null],
    ]);
  });
});

describe('ARG and ENV scope', () => {
  it('gives each instruction the values in scope before it', () => {
    const model = buildModel('ARG V=1\nFROM scratch\nARG V\nENV A=$V\nENV B=${A}x\nRUN echo\n');
    assert.equal(model.resolve('$A-$B', 5), '1-1x');
    assert.equal(model.resolve('[$V]', 2), '[]', 'a global ARG is not in scope in a stage until it is declared again');
    assert.equal(model.resolve('$V', 3), '1', 'declared again without a value, it takes the global default');
  });
});

describe('substitution inside one instruction', () => {
  it('substitutes every value of one ENV with the variables as they were before it', () => {
    // The Dockerfile reference, "Environment replacement": def gets hello, ghi gets bye.
    const model = buildModel('FROM scratch\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nRUN echo\n');
    assert.equal(model.resolve('$def $ghi', 4), 'hello bye');
  });

  it("reads an ARG's pairs in order, as BuildKit does", () => {
    const model = buildModel('FROM scratch\nARG x=1\nARG x=2 y=$x\nRUN echo\n');
    assert.equal(model.resolve('$x $y', 3), '2 2');
  });

  it('keeps the last value of a name set twice in one instruction', () => {
    assert.equal(buildModel('FROM scratch\nENV a=1 a=2\nRUN echo\n').resolve('$a', 2), '2');
  });
});

describe('ENV across stages', () => {
  it('carries ENV (not ARG) into a stage built FROM another', () => {
    const model = buildModel('FROM scratch AS base\nENV PORT=22\nARG X=1\nFROM base\nEXPOSE $PORT $X\n');
    assert.equal(model.resolve('$PORT/[$X]', 4), '22/[]');
  });

  it('treats a name no instruction declared as unknown in a stage built on an image', () => {
    const model = buildModel('FROM node:22\nEXPOSE $PORT\nFROM scratch\nEXPOSE [$PORT]\n');
    assert.equal(model.resolve('$PORT', 1), null, 'node:22 may set PORT in its own ENV');
    assert.equal(model.resolve('[$PORT]', 3), '[]', 'scratch has no ENV');
  });
});

describe('RUN scripts', () => {
  it('maps commands back to the document through continuations and comment lines', () => {
    const model = buildModel('FROM debian\nRUN apt-get update \\\n  # a comment\n\n  && apt-get install -y curl\n');
    assert.deepEqual(commands(model), ['0:apt-get update', '0:apt-get install -y curl']);
  });

  it('reads backtick continuations', () => {
    const model = buildModel('# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y curl\n');
    assert.deepEqual(commands(model), ['0:apt-get update', '0:apt-get install -y curl']);
    assert.equal(model.runs[0]?.script?.hasErrors, false);
  });

  it('parses sh -c strings, in shell form and in exec form', () => {
    const model = buildModel(`FROM debian\nRUN sh -c 'apk add a && b'\nRUN ["bash", "-c", "apk add c | d"]\n`);
    assert.deepEqual(commands(model), ["0:sh -c 'apk add a && b'", '1:apk add a', '1:b', '0:"bash", "-c", "apk add c | d"', '1:apk add c', '1:d']);
  });

  it('parses heredoc bodies the shell runs, not data heredocs', () => {
    const model = buildModel('FROM debian\nRUN <<EOF\napt-get install -y a\nEOF\nRUN bash -e <<-"X"\n\tapk add b\n\tX\nRUN python3 <<EOF\nimport os\nEOF\n');
    assert.deepEqual(commands(model), ['0:apt-get install -y a', '0:bash -e', '1:apk add b', '0:python3']);
    assert.ok(model.runs.every((run) => run.script?.hasErrors === false));
  });

  it('records export and declare as commands with their assignments', () => {
    const model = buildModel('FROM debian\nRUN export GIT_SSL_NO_VERIFY=1 && declare -x A="b c"\n');
    const found = model.runs[0]?.script?.commands.map((c) => [c.name.value, c.args.map((a) => a.value)]);
    assert.deepEqual(found, [['export', ['GIT_SSL_NO_VERIFY=1']], ['declare', ['-x', 'A=b c']]]);
  });

  it('does not parse PowerShell as sh', () => {
    const model = buildModel('FROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest x | Out-Null\n');
    assert.equal(model.runs[0]?.script, null);
  });
});

describe('package installs', () => {
  it('finds packages per manager with versions, options and exact spans', () => {
    const text = 'FROM debian\nRUN apt-get -y install --no-install-recommends curl=8.* \\\n    git && pip3 install --no-cache-dir flask==3.0 && python -m pip install -r req.txt x && npm ci --omit=dev\n';
    const model = buildModel(text);
    const installs = model.runs[0]?.installs ?? [];
    assert.deepEqual(installs.map((i) => [i.manager, i.packages.map((p) => [p.name, p.version, text.slice(p.word.span.start, p.word.span.end)])]), [
      ['apt', [['curl', '8.*', 'curl=8.*'], ['git', null, 'git']]],
      ['pip', [['flask', '==3.0', 'flask==3.0']]],
      ['pip', [['x', null, 'x']]],
      ['npm', []],
    ]);
    assert.ok(installs[0]?.options.has('-y') && installs[0].options.has('--no-install-recommends'));
  });

  it('splits combined short flags', () => {
    const model = buildModel('FROM alpine\nRUN apk -Uq add --no-cache curl\n');
    const options = model.runs[0]?.installs[0]?.options;
    assert.ok(options?.has('-U') && options.has('-q') && options.has('--no-cache'));
  });

  it('reads RUN --mount options', () => {
    const model = buildModel('FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=secret,id=npm true\n');
    assert.deepEqual(model.runs[0]?.mounts.map((m) => [m.type, m.target]), [['cache', '/var/cache/apt'], ['secret', null]]);
  });
});
