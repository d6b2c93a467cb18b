// The kernel ABI: byte offsets into the host-owned memory, counts and plain numbers.
// No allocation happens here; the host lays out memory above heapBase().
export { fusedGrad, fusedGradF32 } from './fused';
export { decision, sigmoidInPlace } from './predict';
export { curvatureFromZ, hessVec, hessVecF32 } from './hessian';
export { gram, gramF32, gramScratchBytes } from './gram';
export { sagaBatch, sagaBatchF32, sagaEpoch } from './saga';
export { softmaxGrad, softmaxGradF32, softmaxHessVec, softmaxHessVecF32, decisionMulti } from './softmax';
export { rowSqNorms, rowSqNormsF32, colMoments, colMomentsF32, firstNonFinite, columnsToRows } from './rows';

/** First byte free for the host: static data (the constant tables) lies below. */
export function heapBase(): usize {
  return __heap_base;
}
export { sgdEpoch } from './sgd';
export { csrFusedGrad, csrFusedGradF32, csrHessVec, csrHessVecF32, csrDecision, csrDecisionMulti } from './csr';
export { csrSoftmaxGrad, csrSoftmaxGradF32, csrSoftmaxHessVec, csrSoftmaxHessVecF32 } from './csr-softmax';
export { csrSagaEpoch } from './csr-saga';
