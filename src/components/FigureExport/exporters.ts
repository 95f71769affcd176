// What an export click needs and the page does not: one chunk, fetched on idle or on the first click.
export { figureToSvg } from './figureSvg';
export { svgToPng } from './rasterize';
