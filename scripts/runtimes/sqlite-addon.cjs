// Preloaded by scripts/test-runtimes.mjs (`NODE_OPTIONS=--require …`) into every process of a run under another
// Node version: better-sqlite3's addon is loaded from BRAINSTEM_SQLITE_ADDON, compiled for that Node's ABI, instead
// of node_modules/better-sqlite3/build, which stays the machine's Node build. Every other addon loads as usual.
const addon = process.env.BRAINSTEM_SQLITE_ADDON;
if (addon) {
  const dlopen = process.dlopen;
  process.dlopen = function dlopenBuiltForThisNode(module, filename, ...rest) {
    return dlopen.call(this, module, /[\\/]better_sqlite3\.node$/.test(String(filename)) ? addon : filename, ...rest);
  };
}
