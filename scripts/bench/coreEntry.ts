// Bundled to dist/bench-core.js so the benchmark's child processes load the core exactly as the CLI ships it.
export { analyze } from '../../src/core/analyze';
// The cold-start breakdown (scripts/bench/coldStart.mjs) times the entity models' decoding on its own.
export { nerPack } from '../../src/core/lang/nerPacks';
