import { startServer } from 'brainstem-server';
const s = await startServer({ port: 0, seed: 'demo', quiet: true });
console.log(s.url);
