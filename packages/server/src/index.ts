/** brainstem-server: a local BrainSTEM-compatible API server. (Being built: see issue 3.) */
export {};
