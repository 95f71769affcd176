import { useLab } from '../store/labStore';

/**
 * The lab's one-line summary: the article's task, or once a file relabels the lab, what its network
 * learns from that file's columns and label values.
 */
export function Tagline() {
  const labels = useLab((state) => state.settings.dataLabels);
  const task = labels?.target
    ? `to predict ${labels.target} from ${labels.x1} and ${labels.x2}`
    : labels
      ? `to tell ${labels.positive} from ${labels.negative} by ${labels.x1} and ${labels.x2}`
      : 'to tell gender from weight and height';
  return <p className="tagline">A 2-2-1 neural network learns {task}. Every number, live.</p>;
}
