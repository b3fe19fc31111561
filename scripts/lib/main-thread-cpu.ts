import type { Page } from 'playwright-core';

/** Main-thread CPU (thread time, not wall time) of what ran before the page's timer, in ms. */
export interface StormCpu {
  /** The storm task's microtasks: the mutation observers' work (the page has none of its own). */
  microtasks: number;
  /** Style recalculation and layout of the first frame after the storm. */
  style: number;
  layout: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * Runs `act` in a Chrome trace and returns the thread time of the first microtask checkpoint, style
 * recalculation and layout that follow: on a machine shared with other work, thread time is what the
 * code itself costs, where wall time also counts the waits for a core.
 */
export async function traceStormCpu<T>(page: Page, act: () => Promise<T>): Promise<{ result: T; cpu: StormCpu }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute', transferMode: 'ReturnAsStream' });
  const result = await act();
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let data = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    data += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.detach();
  const events = (JSON.parse(data) as { traceEvents: TraceEvent[] }).traceEvents.filter((e) => e.ph === 'X' && (e.dur ?? 0) > 1000);
  const first = (name: string) => events.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts)[0];
  const cpu = (name: string) => {
    const event = first(name);
    return event ? (event.tdur ?? event.dur ?? 0) / 1000 : 0;
  };
  return { result, cpu: { microtasks: cpu('RunMicrotasks'), style: cpu('UpdateLayoutTree'), layout: cpu('Layout') } };
}
