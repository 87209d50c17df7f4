import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { debugToolOf, installedSize, isBuildToolPackage, isSshServerPackage, jreOfJdkPackage, runtimeOfExecutable, runtimeOfPackage, runtimesUsedIndirectly } from './packages';

describe('package tables', () => {
  it('knows SSH servers per manager', () => {
    assert.equal(isSshServerPackage('apt', 'openssh-server'), true);
    assert.equal(isSshServerPackage('apt', 'openssh-client'), false);
    assert.equal(isSshServerPackage('apk', 'openssh'), true);
    assert.equal(isSshServerPackage('dnf', 'openssh-clients'), false);
    assert.equal(isSshServerPackage('pip', 'openssh-server'), false);
  });

  it('maps runtime packages, version-pinned names included', () => {
    assert.equal(runtimeOfPackage('apt', 'openjdk-17-jre-headless'), 'java');
    assert.equal(runtimeOfPackage('apk', 'openjdk21-jdk'), 'java');
    assert.equal(runtimeOfPackage('dnf', 'java-1.8.0-openjdk-devel'), 'java');
    assert.equal(runtimeOfPackage('apt', 'python3.11'), 'python');
    assert.equal(runtimeOfPackage('apk', 'py3-pip'), 'python');
    assert.equal(runtimeOfPackage('apt', 'nodejs'), 'node');
    assert.equal(runtimeOfPackage('apk', 'php84-fpm'), 'php');
    assert.equal(runtimeOfPackage('apt', 'python3-requests'), null);
    assert.equal(runtimeOfPackage('apt', 'curl'), null);
  });

  it('maps executables to runtimes', () => {
    assert.equal(runtimeOfExecutable('/usr/bin/java'), 'java');
    assert.equal(runtimeOfExecutable('python3.12'), 'python');
    assert.equal(runtimeOfExecutable('npx'), 'node');
    assert.equal(runtimeOfExecutable('php-fpm8.2'), 'php');
    assert.equal(runtimeOfExecutable('bundle'), 'ruby');
    assert.equal(runtimeOfExecutable('curl'), null);
  });

  it('names the JRE package of a JDK package', () => {
    assert.equal(jreOfJdkPackage('apt', 'openjdk-17-jdk-headless'), 'openjdk-17-jre-headless');
    assert.equal(jreOfJdkPackage('apt', 'default-jdk'), 'default-jre');
    assert.equal(jreOfJdkPackage('apk', 'openjdk21'), 'openjdk21-jre');
    assert.equal(jreOfJdkPackage('dnf', 'java-1.8.0-openjdk-devel'), 'java-1.8.0-openjdk-headless');
    assert.equal(jreOfJdkPackage('apt', 'openjdk-17-jre'), null);
    assert.equal(jreOfJdkPackage('pip', 'openjdk-17-jdk'), null);
  });

  it('knows programs that start another runtime', () => {
    assert.deepEqual(runtimesUsedIndirectly('/usr/local/bin/rails'), ['node']);
    assert.deepEqual(runtimesUsedIndirectly('nginx'), []);
  });

  it('knows build tools and debug tools', () => {
    assert.equal(isBuildToolPackage('apt', 'build-essential'), true);
    assert.equal(isBuildToolPackage('apt', 'libssl-dev'), true);
    assert.equal(isBuildToolPackage('apt', 'gcc-12'), true);
    assert.equal(isBuildToolPackage('apk', 'musl-dev'), true);
    assert.equal(isBuildToolPackage('dnf', 'openssl-devel'), true);
    assert.equal(isBuildToolPackage('apt', 'libssl3'), false);
    assert.deepEqual(debugToolOf('apt', 'netcat-openbsd'), ['nc']);
    assert.equal(debugToolOf('apt', 'curl'), null);
    assert.equal(debugToolOf('npm', 'vim'), null);
  });

  it('gives approximate installed sizes of heavy Debian packages', () => {
    const jdk = installedSize('apt', 'openjdk-17-jdk-headless');
    const jre = installedSize('apt', 'openjdk-17-jre-headless');
    assert.ok(jdk !== null && jre !== null && jdk > jre && jre > 100 * 1024 * 1024);
    assert.equal(installedSize('apk', 'openjdk17'), null);
  });
});
