export { epochBench, loadTimes, poolHandoff, VARIANTS, ROUNDS } from './epoch.js';
export { solverBench } from './solvers.js';
export { synthetic, breastCancer } from './data.js';
export { libraryBench } from './libraries.js';
export { softmaxBench, softmaxVariant, SOFTMAX_CLASSES } from './softmax.js';
