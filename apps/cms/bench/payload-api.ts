// Payload's transaction helpers for the benchmark scripts outside this app (scripts/bench/): `payload` is installed
// in the CMS app's own node_modules, so it is imported here, where it resolves.
export { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload';
