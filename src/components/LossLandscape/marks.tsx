/** The marks drawn on the landscape and repeated in its legend, so the two always look the same. */

export function CurrentMark({ cx = 0, cy = 0 }: { cx?: number; cy?: number }) {
  return <circle className="landscape-current" cx={cx} cy={cy} r={5} />;
}

/** A ring: white on a dark halo, visible on the dark and the light end of the colour scale. */
export function StartMark({ cx = 0, cy = 0 }: { cx?: number; cy?: number }) {
  return (
    <g className="landscape-start" transform={`translate(${cx},${cy})`}>
      <circle className="landscape-start-halo" r={4} />
      <circle className="landscape-start-ring" r={4} />
    </g>
  );
}

export function PathMark({ d }: { d: string }) {
  return (
    <>
      <path className="landscape-path-halo" d={d} />
      <path className="landscape-path" d={d} />
    </>
  );
}
