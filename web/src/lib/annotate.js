// Splits a text into runs over which the covering annotations do not change, so that a view can
// wrap each run in one element. Annotations of one kind never overlap each other (mentions,
// temporal expressions, the highlighted source sentence), but kinds overlap freely.
//   annotations: [{kind, start, end, ...}] → [{start, end, marks: {kind: annotation}}]
export function annotateRuns(length, annotations) {
  const edges = [];
  for (const annotation of annotations) {
    const start = Math.max(0, annotation.start);
    const end = Math.min(length, annotation.end);
    if (end <= start) continue;
    edges.push([start, 1, annotation], [end, 0, annotation]);
  }
  // Ends before starts at the same offset, so that touching annotations do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs = [];
  const active = {};
  let at = 0;
  let count = 0;
  const emit = (end) => {
    if (end > at) runs.push({ start: at, end, marks: count ? { ...active } : null });
    at = end;
  };
  for (const [offset, isStart, annotation] of edges) {
    emit(offset);
    if (isStart) {
      active[annotation.kind] = annotation;
      count++;
    } else if (active[annotation.kind] === annotation) {
      delete active[annotation.kind];
      count--;
    }
  }
  emit(length);
  return runs;
}
