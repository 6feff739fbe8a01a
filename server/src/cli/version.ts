import { findPackageVersion } from '../node/packageVersion';

/** rfc-lint's version: the package's, read from the package.json above the running script. */
export function packageVersion(): string {
  return findPackageVersion() ?? '0.0.0';
}
