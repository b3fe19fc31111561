import { describe, expect, it } from 'vitest';
import { createPageRoot } from '../../../../content/page-root/page-root';

/** A feature that records when it starts and stops, and starts when the test lets it. */
function fakeFeature(name: string, log: string[]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    release,
    spec: {
      name,
      start: async () => {
        log.push(`start ${name}`);
        await gate;
        log.push(`ready ${name}`);
        return { name };
      },
      stop: (running: { name: string }) => log.push(`stop ${running.name}`),
    },
  };
}

const noStopError = (name: string, error: unknown) => {
  throw new Error(`${name} failed to stop: ${String(error)}`);
};

describe('the page root', () => {
  it('starts features one after another, in the order they were given', async () => {
    const log: string[] = [];
    const root = createPageRoot(noStopError);
    const a = fakeFeature('a', log);
    const b = fakeFeature('b', log);
    const started = [root.start(a.spec), root.start(b.spec)];
    await Promise.resolve();
    b.release();
    await new Promise((r) => setTimeout(r, 0));
    // b may not start before a is ready, even though b's own work could finish first.
    expect(log).toEqual(['start a']);
    a.release();
    await Promise.all(started);
    expect(log).toEqual(['start a', 'ready a', 'start b', 'ready b']);
    expect(root.running()).toEqual(['a', 'b']);
  });

  it('queues a request made before its feature is ready and answers it once it is', async () => {
    const log: string[] = [];
    const root = createPageRoot(noStopError);
    const bar = fakeFeature('bar', log);
    const asked = root.when<{ name: string }>('bar').then((f) => log.push(`answered by ${f.name}`));
    void root.start(bar.spec);
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['start bar']);
    bar.release();
    await asked;
    expect(log).toEqual(['start bar', 'ready bar', 'answered by bar']);
    expect(await root.when<{ name: string }>('bar')).toEqual({ name: 'bar' });
  });

  it('refuses waiting requests with a reason when the feature has nothing to do or the page stops', async () => {
    const root = createPageRoot(noStopError);
    const waiting = root.when('reader');
    await root.start({ name: 'reader', start: () => null, stop: () => undefined });
    await expect(waiting).rejects.toThrow('reader is not running on this page');
    const never = root.when('bar');
    root.stop();
    await expect(never).rejects.toThrow('the reader has stopped on this page');
    await expect(root.when('bar')).rejects.toThrow('stopped');
  });

  it('stops every feature in the reverse order of starting, once, and one that fails does not stop the rest', async () => {
    const log: string[] = [];
    const errors: string[] = [];
    const root = createPageRoot((name) => errors.push(name));
    for (const name of ['listeners', 'settings', 'reader']) {
      await root.start({ name, start: () => name, stop: (n) => log.push(`stop ${n}`) });
    }
    await root.start({
      name: 'broken',
      start: () => 'broken',
      stop: () => {
        throw new Error('gone');
      },
    });
    root.stop();
    root.stop();
    expect(errors).toEqual(['broken']);
    expect(log).toEqual(['stop reader', 'stop settings', 'stop listeners']);
    expect(root.running()).toEqual([]);
    expect(await root.start({ name: 'late', start: () => 'late', stop: () => log.push('stop late') })).toBeNull();
  });

  it('stops a feature that finishes starting after the page has stopped', async () => {
    const log: string[] = [];
    const root = createPageRoot(noStopError);
    const slow = fakeFeature('slow', log);
    const started = root.start(slow.spec);
    await Promise.resolve();
    root.stop();
    slow.release();
    expect(await started).toBeNull();
    expect(log).toEqual(['start slow', 'ready slow', 'stop slow']);
  });

  it('restarts one feature in its place, keeping the order for teardown', async () => {
    const log: string[] = [];
    const root = createPageRoot(noStopError);
    let version = 0;
    await root.start({ name: 'a', start: () => 'a', stop: (n) => log.push(`stop ${n}`) });
    await root.start({ name: 'b', start: () => `b${++version}`, stop: (n) => log.push(`stop ${n}`) });
    await root.start({ name: 'c', start: () => 'c', stop: (n) => log.push(`stop ${n}`) });
    await root.restart('b');
    expect(await root.when('b')).toBe('b2');
    root.stop();
    expect(log).toEqual(['stop b1', 'stop c', 'stop b2', 'stop a']);
  });

  it('reports a feature that fails to start, refuses what waits for it, and starts the next', async () => {
    const root = createPageRoot(noStopError);
    const waiting = root.when('glossary');
    const failed = root.start({
      name: 'glossary',
      start: () => Promise.reject(new Error('the extension did not answer')),
      stop: () => undefined,
    });
    const next = root.start({ name: 'next', start: () => 'next', stop: () => undefined });
    await expect(failed).rejects.toThrow('the extension did not answer');
    await expect(waiting).rejects.toThrow('glossary could not start: the extension did not answer');
    expect(await next).toBe('next');
  });
});
