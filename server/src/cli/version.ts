import manifest from '../../../package.json';

/** The package version, printed by `--version` and written into SARIF. */
export const VERSION: string = manifest.version;
