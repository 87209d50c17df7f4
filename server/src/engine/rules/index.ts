import type { Rule } from '../types';
import { rule as addInsteadOfCopy } from './add-instead-of-copy';
import { rule as apkCacheKept } from './apk-cache-kept';
import { rule as aptInstallRecommends } from './apt-install-recommends';
import { rule as aptListsNotCleaned } from './apt-lists-not-cleaned';
import { rule as baseImageUnpinned } from './base-image-unpinned';
import { rule as baseImageNotDigestPinned } from './base-image-not-digest-pinned';
import { rule as buildToolsInFinalStage } from './build-tools-in-final-stage';
import { rule as cdInRun } from './cd-in-run';
import { rule as consecutiveRun } from './consecutive-run';
import { rule as copyContextWithoutDockerignore } from './copy-context-without-dockerignore';
import { rule as debugToolsInstalled } from './debug-tools-installed';
import { rule as deprecatedBaseImage } from './deprecated-base-image';
import { rule as dnfCacheKept } from './dnf-cache-kept';
import { rule as execFormRecommended } from './exec-form-recommended';
import { rule as healthcheckMissing } from './healthcheck-missing';
import { rule as jdkInRuntimeImage } from './jdk-in-runtime-image';
import { rule as largeBaseImage } from './large-base-image';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as multipleCmdOrEntrypoint } from './multiple-cmd-or-entrypoint';
import { rule as npmDevDependencies } from './npm-dev-dependencies';
import { rule as packageVersionUnpinned } from './package-version-unpinned';
import { rule as passwordSetInImage } from './password-set-in-image';
import { rule as pipCacheKept } from './pip-cache-kept';
import { rule as pipeToShell } from './pipe-to-shell';
import { rule as pipefailMissing } from './pipefail-missing';
import { rule as relativeWorkdir } from './relative-workdir';
import { rule as remoteAccessPortExposed } from './remote-access-port-exposed';
import { rule as remoteAddWithoutChecksum } from './remote-add-without-checksum';
import { rule as runsAsRoot } from './runs-as-root';
import { rule as secretInEnvOrArg } from './secret-in-env-or-arg';
import { rule as sensitiveFileCopied } from './sensitive-file-copied';
import { rule as sshDaemonStarted } from './ssh-daemon-started';
import { rule as sshPortExposed } from './ssh-port-exposed';
import { rule as sshServerInstalled } from './ssh-server-installed';
import { rule as sudoInRun } from './sudo-in-run';
import { rule as tlsVerificationDisabled } from './tls-verification-disabled';
import { rule as untrustedRegistry } from './untrusted-registry';
import { rule as unusedRuntime } from './unused-runtime';
import { rule as worldWritablePermissions } from './world-writable-permissions';

/** Every rule, in one place. A test checks this list against the rule files and docs pages. */
export const allRules: readonly Rule[] = [
  sshPortExposed,
  sshServerInstalled,
  sshDaemonStarted,
  remoteAccessPortExposed,
  sensitiveFileCopied,
  secretInEnvOrArg,
  runsAsRoot,
  passwordSetInImage,
  pipeToShell,
  tlsVerificationDisabled,
  remoteAddWithoutChecksum,
  pipefailMissing,
  sudoInRun,
  worldWritablePermissions,
  untrustedRegistry,
  aptInstallRecommends,
  aptListsNotCleaned,
  apkCacheKept,
  pipCacheKept,
  dnfCacheKept,
  npmDevDependencies,
  packageVersionUnpinned,
  consecutiveRun,
  copyContextWithoutDockerignore,
  baseImageUnpinned,
  baseImageNotDigestPinned,
  healthcheckMissing,
  deprecatedBaseImage,
  largeBaseImage,
  jdkInRuntimeImage,
  unusedRuntime,
  buildToolsInFinalStage,
  debugToolsInstalled,
  addInsteadOfCopy,
  maintainerDeprecated,
  multipleCmdOrEntrypoint,
  execFormRecommended,
  relativeWorkdir,
  cdInRun,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.id, rule]));
