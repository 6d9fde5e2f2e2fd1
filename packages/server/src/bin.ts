#!/usr/bin/env node
console.error('brainstem-server: not built yet');
process.exitCode = 1;
