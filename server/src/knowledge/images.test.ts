import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference } from '../engine/model/image-ref';
import { endOfLifeAt, imageFacts, recommendedTag, smallerAlternatives, type AlternativeConstraints } from './images';
import rawTable from './images.json';
import { parseTag } from './tags';

const facts = (text: string) => {
  const ref = parseImageReference(text);
  assert.ok(ref, text);
  return imageFacts(ref);
};
type SizeRecord = readonly [number, number | null, string, string | null];
const sizesTable = rawTable.tags as unknown as Record<string, Record<string, SizeRecord>>;
const record = (repository: string, tag: string): SizeRecord => {
  const found = sizesTable[repository]?.[tag];
  assert.ok(found, `${repository}:${tag} is in the table`);
  return found;
};
const open: AlternativeConstraints = { runsShell: true, packageManager: null, needsJdk: false, glibcLikely: false, now: new Date('2026-11-29') };

describe('parseTag', () => {
  it('reads version, variant and OS', () => {
    assert.deepEqual(parseTag('22-bookworm-slim'), { version: '22', variant: 'slim', os: 'bookworm', java: null, javaVersion: null, flavor: null });
    assert.deepEqual(parseTag('3.12.7-alpine3.20'), { version: '3.12.7', variant: 'alpine', os: 'alpine3.20', java: null, javaVersion: null, flavor: null });
    assert.deepEqual(parseTag('21-jdk-jammy'), { version: '21', variant: 'full', os: 'jammy', java: 'jdk', javaVersion: null, flavor: null });
    assert.deepEqual(parseTag('3.9-eclipse-temurin-21'), { version: '3.9', variant: 'full', os: null, java: null, javaVersion: '21', flavor: null });
    assert.deepEqual(parseTag('11-jre21-temurin-noble'), { version: '11', variant: 'full', os: 'noble', java: 'jre', javaVersion: '21', flavor: null });
    assert.deepEqual(parseTag('8.5-fpm-alpine'), { version: '8.5', variant: 'alpine', os: null, java: null, javaVersion: null, flavor: 'fpm' });
    assert.equal(parseTag('17-alpine-3.24').os, 'alpine3.24');
    assert.equal(parseTag('9-minimal').variant, 'minimal');
  });
});

describe('imageFacts', () => {
  it('finds measured tags and aliases exactly, with both platforms', () => {
    const slim = facts('node:22-slim');
    const measured = record('node', '22-slim');
    assert.equal(slim?.approximate, false);
    assert.deepEqual(slim?.sizes, { amd64: measured[0], arm64: measured[1] });
    assert.equal(slim?.recorded, measured[2]);
    const alias = facts('node:22-bookworm-slim');
    assert.equal(alias?.matchedTag, '22-slim');
    assert.equal(alias?.approximate, false);
    assert.equal(alias?.os, 'bookworm');
    assert.equal(alias?.variant, 'slim');
    assert.equal(alias?.libc, 'glibc');
    assert.equal(alias?.defaultUser, 'root');
    assert.equal(alias?.nonRootUser, 'node');
  });

  it('handles docker.io/library/, digests and untagged references', () => {
    assert.deepEqual(facts('docker.io/library/node:22')?.sizes, facts('node:22')?.sizes);
    assert.deepEqual(facts('index.docker.io/library/node:22')?.sizes, facts('node:22')?.sizes);
    assert.deepEqual(facts('mirror.gcr.io/library/busybox')?.sizes, facts('busybox')?.sizes);
    const pinned = facts('node:22-slim@sha256:0123456789abcdef');
    assert.equal(pinned?.matchedTag, '22-slim');
    assert.equal(pinned?.approximate, false);
    const digestOnly = facts('node@sha256:0123456789abcdef');
    assert.equal(digestOnly?.matchedTag, 'latest');
    assert.equal(digestOnly?.approximate, true);
    assert.equal(facts('node')?.matchedTag, 'latest');
    assert.equal(facts('myorg/node:22'), null);
    assert.equal(facts('quay.io/someone/thing:1'), null);
  });

  it('falls back to the nearest tag of the same variant, marked approximate', () => {
    const python = facts('python:3.12.7-alpine3.20');
    assert.equal(python?.matchedTag, '3.12-alpine');
    assert.equal(python?.approximate, true);
    assert.equal(python?.libc, 'musl');
    assert.equal(python?.packageManager, 'apk');
    const temurin = facts('eclipse-temurin:21-jdk-jammy');
    assert.equal(temurin?.java, 'jdk');
    assert.equal(temurin?.javaVersion, '21');
    assert.equal(temurin?.approximate, true);
    assert.equal(parseTag(temurin?.matchedTag ?? '').java ?? 'jdk', 'jdk');
    const maven = facts('maven:3.9-eclipse-temurin-21');
    assert.equal(maven?.java, 'jdk');
    assert.equal(maven?.javaVersion, '21');
    assert.equal(maven?.kind, 'build');
    assert.equal(facts('node:iron-slim')?.version, '20');
  });

  it('knows JRE from JDK tags', () => {
    assert.equal(facts('eclipse-temurin:21-jre')?.java, 'jre');
    assert.equal(facts('eclipse-temurin:21')?.java, 'jdk');
    assert.equal(facts('tomcat:11-jre21-temurin')?.java, 'jre');
    assert.equal(facts('tomcat:latest')?.java, 'jdk');
  });

  it('describes distroless, Chainguard and UBI images', () => {
    const distroless = facts('gcr.io/distroless/nodejs22-debian13:nonroot');
    assert.equal(distroless?.variant, 'distroless');
    assert.equal(distroless?.hasShell, false);
    assert.equal(distroless?.hasPackageManager, false);
    assert.equal(distroless?.defaultUser, '65532');
    assert.equal(distroless?.runtime, 'node');
    assert.equal(facts('gcr.io/distroless/static-debian13')?.defaultUser, 'root');
    assert.equal(facts('gcr.io/distroless/base-debian13:debug')?.hasShell, true);
    const chainguard = facts('cgr.dev/chainguard/node:latest');
    assert.equal(chainguard?.defaultUser, 'node');
    assert.equal(chainguard?.hasShell, false);
    assert.equal(facts('cgr.dev/chainguard/python:latest-dev')?.hasShell, true);
    const micro = facts('registry.access.redhat.com/ubi9/ubi-micro:latest');
    assert.equal(micro?.hasPackageManager, false);
    assert.equal(facts('registry.access.redhat.com/ubi9/ubi-minimal')?.packageManager, 'microdnf');
  });

  it('dates deprecations and end of life, with successors', () => {
    assert.deepEqual(facts('openjdk:17-jdk-slim')?.endOfLife, { reason: 'deprecated-image', subject: 'openjdk', date: '2022-07-01', successor: 'eclipse-temurin:17-jdk' });
    assert.equal(facts('openjdk:11-jre-alpine')?.endOfLife?.successor, 'eclipse-temurin:11-jre-alpine');
    assert.equal(facts('openjdk:28-ea-slim')?.endOfLife, null);
    assert.equal(facts('centos:7')?.endOfLife?.successor, 'almalinux:8');
    assert.deepEqual(facts('node:18-alpine')?.endOfLife, { reason: 'release', subject: 'node 18', date: '2025-04-30', successor: 'node:24-alpine' });
    assert.equal(facts('python:3.8-slim')?.endOfLife?.successor, 'python:3.14-slim');
    assert.equal(facts('ubuntu:20.04')?.endOfLife?.date, '2025-05-31');
    assert.equal(facts('debian:buster-slim')?.endOfLife?.successor, 'debian:13-slim');
    // The OS a tag pins can end before the runtime does.
    assert.deepEqual(facts('python:3.12.7-alpine3.20')?.endOfLife, { reason: 'os-release', subject: 'alpine 3.20', date: '2026-04-01', successor: 'python:3.12-alpine3.24' });
    assert.equal(facts('node:22-bullseye')?.endOfLife?.successor, 'node:22-trixie');
    assert.equal(facts('gcr.io/distroless/java17-debian12')?.endOfLife?.successor, 'gcr.io/distroless/java17-debian13');
    assert.equal(facts('gcr.io/distroless/nodejs20-debian12:nonroot')?.endOfLife?.successor, 'gcr.io/distroless/nodejs22-debian13:nonroot');
    assert.equal(facts('node:24-slim')?.endOfLife?.date, '2028-04-30');
  });
});

describe('endOfLifeAt', () => {
  const at = (text: string, date: string) => endOfLifeAt(parseImageReference(text)!, new Date(date));
  it('is null while supported, the entry once past', () => {
    assert.equal(at('node:22-slim', '2026-11-29'), null);
    assert.equal(at('node:22-slim', '2027-05-01')?.successor, 'node:24-slim');
  });
  it('prefers the runtime successor when runtime and OS have both ended', () => {
    assert.equal(at('node:18-buster-slim', '2024-07-01')?.successor, 'node:18-trixie-slim');
    assert.equal(at('node:18-buster-slim', '2026-11-29')?.successor, 'node:24-slim');
  });
});

describe('recommendedTag', () => {
  it('names the version latest stands for', () => {
    assert.equal(recommendedTag('node'), record('node', 'latest')[3]?.split('.')[0]);
    assert.equal(recommendedTag('docker.io/library/node'), recommendedTag('node'));
    assert.equal(recommendedTag('amazoncorretto'), '8');
    assert.equal(recommendedTag('not-an-image'), null);
  });
});

describe('smallerAlternatives', () => {
  it('offers slim before alpine, with savings from the table', () => {
    const alternatives = smallerAlternatives(parseImageReference('node:22')!, open);
    assert.deepEqual(alternatives.map((a) => a.reference), ['node:22-slim', 'node:22-alpine']);
    assert.equal(alternatives[0]?.savings, record('node', '22')[0] - record('node', '22-slim')[0]);
    const arm = smallerAlternatives(parseImageReference('node:22')!, { ...open, platform: 'arm64' });
    assert.equal(arm[0]?.savings, (record('node', '22')[1] ?? 0) - (record('node', '22-slim')[1] ?? 0));
  });

  it('keeps the OS of the tag and flags musl when glibc is likely', () => {
    const alternatives = smallerAlternatives(parseImageReference('node:22-bookworm')!, { ...open, glibcLikely: true });
    assert.deepEqual(alternatives.map((a) => [a.reference, a.caveats]), [['node:22-bookworm-slim', []], ['node:22-alpine', ['musl']]]);
  });

  it('leaves out alpine when the stage uses apt, and JRE when it needs the JDK', () => {
    assert.deepEqual(smallerAlternatives(parseImageReference('python:3.12')!, { ...open, packageManager: 'apt' }).map((a) => a.kind), ['slim']);
    const jdk = parseImageReference('eclipse-temurin:21-jdk-noble')!;
    assert.deepEqual(smallerAlternatives(jdk, { ...open, packageManager: 'apt' }).map((a) => a.reference), ['eclipse-temurin:21-jre-noble']);
    assert.deepEqual(smallerAlternatives(jdk, { ...open, packageManager: 'apt', needsJdk: true }), []);
  });

  it('offers no smaller variant when the stage relies on buildpack-deps tools', () => {
    assert.deepEqual(smallerAlternatives(parseImageReference('node:22')!, { ...open, programsFromBase: ['npm', 'git'] }), []);
    assert.equal(smallerAlternatives(parseImageReference('node:22')!, { ...open, programsFromBase: ['npm'] }).length, 2);
  });

  it('offers distroless only when the stage runs no shell', () => {
    const ref = parseImageReference('node:22')!;
    assert.equal(smallerAlternatives(ref, open).some((a) => a.kind === 'distroless'), false);
    const distroless = smallerAlternatives(ref, { ...open, runsShell: false }).find((a) => a.kind === 'distroless');
    assert.equal(distroless?.reference, 'gcr.io/distroless/nodejs22-debian13');
    assert.deepEqual(distroless?.caveats, ['no-shell']);
    assert.equal(distroless?.savings, null);
  });

  it('runs build-tool images on the JRE of their Java version', () => {
    assert.deepEqual(smallerAlternatives(parseImageReference('maven:3.9-eclipse-temurin-21')!, open).map((a) => a.reference), ['eclipse-temurin:21-jre']);
  });

  it('never suggests a larger or end-of-life image', () => {
    // rust:1-alpine is larger than rust:1-slim.
    assert.deepEqual(smallerAlternatives(parseImageReference('rust:1-slim')!, open), []);
    for (const a of smallerAlternatives(parseImageReference('python:3.12')!, open)) assert.ok((a.savings ?? 1) > 0);
  });
});
