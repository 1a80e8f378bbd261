// The one version crisislint reports: `--version`, the API's `version`, the cache key and SARIF
// all read package.json, and the Action runs the checkout it is pinned to (CHANGELOG.md).

import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
