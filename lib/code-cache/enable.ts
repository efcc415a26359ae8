import { join } from 'path';
import { installCodeCache } from './install';

// Imported first by every entry point (the library, its Pulumi entry, the CLI): the modules they
// load next compile from the code cache beside the compiled `lib/` (out/ in the package).
installCodeCache(join(__dirname, '..', '..'));
