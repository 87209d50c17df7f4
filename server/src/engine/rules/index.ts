import type { Rule } from '../types';
import { rule as addInsteadOfCopy } from './add-instead-of-copy';
import { rule as aptInstallRecommends } from './apt-install-recommends';
import { rule as aptListsNotCleaned } from './apt-lists-not-cleaned';
import { rule as maintainerDeprecated } from './maintainer-deprecated';
import { rule as sshPortExposed } from './ssh-port-exposed';
import { rule as sshServerInstalled } from './ssh-server-installed';

/** Every rule, in one place. A test checks this list against the rule files and docs pages. */
export const allRules: readonly Rule[] = [
  sshPortExposed,
  sshServerInstalled,
  aptInstallRecommends,
  aptListsNotCleaned,
  addInsteadOfCopy,
  maintainerDeprecated,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.id, rule]));
