/**
 * Page scripts that attack the extension, shared by the real-browser tests and the benchmark. Each
 * runs in the page (pass it to `page.evaluate`) and is self-contained on purpose.
 */

export interface StormOptions {
  nodes: number;
  /** Build two thirds of the storm in a detached box added at the end, as a CMS might. */
  detached: boolean;
  /** How long to wait after the storm before counting the marks it got. */
  settleMs: number;
}

/** Adds `nodes` paragraphs in one task; how late a timer queued before the storm fires after it. */
export async function stormTheArticle(options: StormOptions): Promise<{ storm: number; afterStorm: number; marked: number }> {
  const queued = performance.now();
  const fired = new Promise<number>((r) => setTimeout(() => r(performance.now() - queued), 0));
  const body = document.querySelector('section.cp > div.container')!;
  const box = document.createElement('div');
  for (let i = 0; i < options.nodes; i++) {
    const p = document.createElement('p');
    p.textContent = i % 2 ? '北韓試射飛彈' : '美日同盟';
    (options.detached && i % 3 ? box : body).append(p);
  }
  body.append(box);
  const storm = performance.now() - queued;
  const waited = await fired;
  await new Promise((r) => setTimeout(r, options.settleMs));
  return { storm, afterStorm: waited - storm, marked: body.querySelectorAll('pr-term').length };
}

/** Takes every mark out as it appears, for `ms`: rounds of that fight, and ticks of a 50 ms timer. */
export async function fightTheMarks(ms: number): Promise<{ rounds: number; ticks: number }> {
  const body = document.querySelector('section.cp > div.container')!;
  let rounds = 0;
  const unmark = () => {
    const marks = body.querySelectorAll('pr-term');
    if (marks.length) rounds++;
    for (const mark of marks) mark.replaceWith(document.createTextNode(mark.textContent ?? ''));
  };
  const observer = new MutationObserver(unmark);
  observer.observe(body, { childList: true, subtree: true });
  unmark();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 50);
  await new Promise((r) => setTimeout(r, ms));
  clearInterval(timer);
  observer.disconnect();
  return { rounds, ticks };
}
