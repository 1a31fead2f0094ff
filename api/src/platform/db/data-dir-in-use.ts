/**
 * The one sentence a command prints when the server holds the PGlite folder it needs (see
 * data-dir-lock.ts): what is wrong and what to do, with no stack trace; the command exits 2.
 */
export const dataDirInUse = (dataDir: string, command = 'the command'): string =>
  `The data folder ${dataDir} is in use by the running server (npm start): stop the server, then run ${command} again.`;
