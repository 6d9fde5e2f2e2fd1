console.error('brainstem: not built yet');
process.exitCode = 1;
