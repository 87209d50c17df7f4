import type { PackageManager } from '../engine/model/packages';
import table from './packages.json';

/** Package names per manager, from `packages.json` (source and date inside). */
const sshServers = new Map<string, ReadonlySet<string>>(Object.entries(table.sshServers).map(([manager, names]) => [manager, new Set(names)]));

export function isSshServerPackage(manager: PackageManager, name: string): boolean {
  return sshServers.get(manager)?.has(name) ?? false;
}
