#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- loaded once the compile cache is on, so their compiled code is kept too */
import { enableCompileCache } from './compile-cache';

enableCompileCache();
require('../code-cache/enable');
const { installFatalHandlers } = require('./fatal') as typeof import('./fatal');
const { runCli } = require('./program') as typeof import('./program');

installFatalHandlers(process);
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
