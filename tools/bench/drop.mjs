// Dropping files on the page and timing it as a user would see it, for the benchmarks.
//
// The clock runs inside the page, from the moment the drop event is dispatched to the first frame
// painted after the page says it has drawn: nothing of Playwright's own is timed. (Starting the
// clock in one call and dispatching the drop in another counted a protocol round trip, and
// waitForSelector polls the page every frame with style and layout of its own, on the very thread
// being measured, then noticed the result some time after it happened.)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// A DataTransfer of Files in the page, built before the clock starts, typed as a desktop types
// dropped files.
export function dataTransfer(page, paths) {
  return page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, data } of list) transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'text/plain' }));
    return transfer;
  }, paths.map((path) => ({ name: basename(path), data: readFileSync(path).toString('base64') })));
}

// Drops `transfer` on the page and resolves when `count` documents are analysed and shown:
//   timelineMs: to the first frame painted after the timeline and the lists were drawn
//               (body[data-drawn]);
//   completeMs: to the first frame painted after everything was, the reader's article included
//               (body[data-analysed], not busy);
//   longestTaskMs: the longest main-thread task meanwhile (0 when none reached 50 ms);
//   startedAt: the page's performance.now() at the drop.
export function dropAndTime(page, transfer, count) {
  return page.evaluate(([dt, expected]) => new Promise((resolve, reject) => {
    const body = document.body;
    const times = {};
    let longest = 0;
    const longTasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= started) longest = Math.max(longest, entry.duration);
    });
    longTasks.observe({ type: 'longtask' });
    // After the frame that paints the current DOM: a message posted from requestAnimationFrame
    // runs once that frame's rendering is done.
    const afterPaint = (key, then) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        times[key] = performance.now() - started;
        then?.();
      };
      channel.port2.postMessage(null);
    });
    const finish = () => setTimeout(() => {
      // Long tasks are reported a little later than they end.
      longTasks.takeRecords().forEach((entry) => { if (entry.startTime >= started) longest = Math.max(longest, entry.duration); });
      longTasks.disconnect();
      resolve({ timelineMs: times.timeline, completeMs: times.complete, longestTaskMs: longest, startedAt: started });
    }, 0);
    const observer = new MutationObserver(() => {
      if (times.timeline === undefined && !times.drawnSeen && body.dataset.drawn === String(expected)) {
        times.drawnSeen = true;
        afterPaint('timeline');
      }
      if (body.dataset.analysed === String(expected) && body.dataset.busy !== 'true') {
        observer.disconnect();
        afterPaint('complete', finish);
      }
    });
    observer.observe(body, { attributes: true, attributeFilter: ['data-drawn', 'data-analysed', 'data-busy'] });
    const started = performance.now();
    try {
      body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    } catch (error) {
      reject(error);
    }
  }), [transfer, count]);
}
