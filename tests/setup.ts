import '@testing-library/jest-dom/vitest';

// jsdom has no 2D canvas: getContext returns null after logging "not implemented" each time. The
// figures already skip drawing without a context; answer null quietly so test output stays readable.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}
