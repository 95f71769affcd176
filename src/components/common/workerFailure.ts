/** The id of the Training status line that says the training worker failed; the run buttons point at it. */
export const WORKER_FAILURE_ID = 'training-worker-failure';
