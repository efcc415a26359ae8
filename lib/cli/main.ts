#!/usr/bin/env node
import { installFatalHandlers } from './fatal';
import { runCli } from './program';

installFatalHandlers(process);
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
