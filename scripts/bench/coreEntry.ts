// Bundled to dist/bench-core.js so the benchmark's child processes load the core exactly as the CLI ships it.
export { analyze } from '../../src/core/analyze';
