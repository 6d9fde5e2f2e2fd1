// Preloaded by scripts/test-runtimes.mjs (`NODE_OPTIONS=--require …`) into every process of a run under another
// Node version: better-sqlite3's addon is loaded from SQLITE_ADDON_FOR_THIS_NODE, compiled for that Node's ABI,
// instead of node_modules/better-sqlite3/build, which stays the machine's Node build. Every other addon loads as
// usual. (Not a BRAINSTEM_ variable: the CLI tests clear those from the environments they start processes in.)
const addon = process.env.SQLITE_ADDON_FOR_THIS_NODE;
if (addon) {
  const dlopen = process.dlopen;
  process.dlopen = function dlopenBuiltForThisNode(module, filename, ...rest) {
    return dlopen.call(this, module, /[\\/]better_sqlite3\.node$/.test(String(filename)) ? addon : filename, ...rest);
  };
}
