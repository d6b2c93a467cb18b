// Extra entry points for tests and benchmarks only, compiled with index.ts into
// build/kernels.testing.wasm (never shipped): element-wise exp/log1p probes and the read floor.
export { sumAll } from './dot';
export { vexpTest, vlog1pTest } from './probe';
export { csrGatherScatter } from './csr-floor';
