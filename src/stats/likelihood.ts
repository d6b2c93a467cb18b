// The inputs of an inference table: the caller's options and what a model's likelihood gives.

export interface InferenceOptions {
  /** frequency weights, as the model was fitted with (statsmodels' GLM freq_weights) */
  sampleWeight?: ArrayLike<number>;
  /** 1 − the confidence level of the intervals. Default 0.05. */
  alpha?: number;
  /** names of the d features (default: the model's featureNames, else x1 … xd) */
  featureNames?: string[];
}

/** What the table is computed from: the estimates, the log-likelihood's Hessian (negated) at them, the likelihoods. */
export interface Likelihood {
  /** the statsmodels model it matches, the table's title */
  title: 'Logit' | 'MNLogit';
  names: string[];
  estimates: Float64Array;
  /** −∇²(log-likelihood) at the estimates, row-major, in the order of `estimates` */
  hessian: Float64Array;
  logLikelihood: number;
  nullLogLikelihood: number;
  nobs: number;
}
