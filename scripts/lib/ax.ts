import type { CDPSession, Page } from 'playwright-core';

/**
 * The extension's in-page UI lives in closed shadow roots, out of reach of page scripts and of
 * Playwright's selectors alike. Tests reach it the way assistive technology does: through the
 * accessibility tree (Chrome DevTools Protocol `Accessibility.queryAXTree`, which sees inside closed
 * roots), and act on it with the real mouse and keyboard at the node's box, so every event is trusted.
 */

interface AxNode {
  ignored: boolean;
  properties?: { name: string; value: { value: unknown } }[];
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

interface Step {
  role: string;
  name?: string | RegExp;
  exact?: boolean;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function nameMatches(step: Step, name: string): boolean {
  if (step.name === undefined) return true;
  if (step.name instanceof RegExp) return step.name.test(name);
  return step.exact ? name === step.name : name.toLowerCase().includes(step.name.toLowerCase());
}

export class AxLocator {
  constructor(
    private readonly page: Page,
    private readonly steps: readonly Step[],
  ) {}

  getByRole(role: string, options: { name?: string | RegExp; exact?: boolean } = {}): AxLocator {
    return new AxLocator(this.page, [...this.steps, { role, ...options }]);
  }

  /** The backend DOM ids of every node that matches, in document order. */
  async resolve(): Promise<number[]> {
    const cdp = await session(this.page);
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { backendNodeId: number } };
    let scopes = [root.backendNodeId];
    for (const step of this.steps) {
      const next: number[] = [];
      for (const scope of scopes) {
        const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: scope, role: step.role })) as {
          nodes: AxNode[];
        };
        for (const node of nodes) {
          if (node.ignored || node.backendDOMNodeId === undefined) continue;
          if (nameMatches(step, node.name?.value ?? '') && !next.includes(node.backendDOMNodeId)) next.push(node.backendDOMNodeId);
        }
      }
      scopes = next;
    }
    return scopes;
  }

  private async first(): Promise<number> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [id] = await this.resolve();
      if (id !== undefined) return id;
      if (Date.now() > deadline) throw new Error(`No accessible node ${JSON.stringify(this.steps.map((s) => ({ ...s, name: String(s.name ?? '') })))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async waitFor(options: { state?: 'visible' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const want = (options.state ?? 'visible') === 'visible';
    const deadline = Date.now() + (options.timeout ?? 10_000);
    while ((await this.isVisible()) !== want) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${want ? 'visible' : 'hidden'} ${this.steps.map((s) => s.role).join(' > ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Moves keyboard focus to the node, as a screen reader's focus command does. */
  async focus(): Promise<void> {
    const cdp = await session(this.page);
    await cdp.send('DOM.focus', { backendNodeId: await this.first() });
  }

  async count(): Promise<number> {
    return (await this.resolve()).length;
  }

  /** Runs `fn` on the element (as Playwright's handles do); for reading state, never for acting. */
  async evaluate<T>(fn: (el: Element, arg?: unknown) => T, arg?: unknown): Promise<T> {
    const cdp = await session(this.page);
    const backendNodeId = await this.first();
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  }

  /** The node's box in the viewport, in the units of Playwright's mouse (the zoom applied), or null when hidden. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    if ((await this.resolve()).length === 0) return null;
    const seen = await this.evaluate((el) => {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height, innerWidth } : null;
    });
    if (!seen) return null;
    const scale = (this.page.viewportSize()?.width ?? seen.innerWidth) / seen.innerWidth;
    return { x: seen.x * scale, y: seen.y * scale, width: seen.width * scale, height: seen.height * scale };
  }

  async isVisible(): Promise<boolean> {
    return (await this.boundingBox()) !== null;
  }

  private async center(): Promise<{ x: number; y: number }> {
    await this.first();
    await this.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    const box = await this.boundingBox();
    if (!box) throw new Error('The node has no box');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async click(): Promise<void> {
    const { x, y } = await this.center();
    await this.page.mouse.click(x, y);
  }

  async hover(): Promise<void> {
    const { x, y } = await this.center();
    await this.page.mouse.move(x, y);
  }

  async innerText(): Promise<string> {
    return this.evaluate((el) => (el as HTMLElement).innerText);
  }

  async textContent(): Promise<string> {
    return this.evaluate((el) => el.textContent ?? '');
  }

  async getAttribute(name: string): Promise<string | null> {
    return this.evaluate((el, n) => el.getAttribute(n as string), name);
  }

  async inputValue(): Promise<string> {
    return this.evaluate((el) => (el as HTMLInputElement).value);
  }

  /** Clicks into the field and types, key by key. */
  async pressSequentially(text: string): Promise<void> {
    await this.click();
    await this.page.keyboard.type(text);
  }

  /** Chooses an option of a select the way a keyboard user does: focus it, then arrow keys. */
  async selectOption(value: string): Promise<void> {
    const { options, selected } = await this.evaluate((el) => ({
      options: [...(el as HTMLSelectElement).options].map((o) => o.value),
      selected: (el as HTMLSelectElement).selectedIndex,
    }));
    const target = options.indexOf(value);
    if (target < 0) throw new Error(`No option ${value} in ${options.join(', ')}`);
    await this.focus();
    const key = target > selected ? 'ArrowDown' : 'ArrowUp';
    for (let i = 0; i < Math.abs(target - selected); i++) await this.page.keyboard.press(key);
  }
}

/** The node that has keyboard focus, as the accessibility tree reports it: its name and a locator for it. */
export async function focusedNode(page: Page): Promise<{ name: string; role: string } | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { backendNodeId: number } };
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId })) as { nodes: AxNode[] };
  // The document reports focus too; the node that holds it is the deepest one.
  const focused = nodes.filter((n) => !n.ignored && n.properties?.some((p) => p.name === 'focused' && p.value.value === true)).at(-1);
  return focused ? { name: focused.name?.value ?? '', role: focused.role?.value ?? '' } : null;
}

/** The whole page's accessibility tree, closed shadow roots included. */
export function ax(page: Page): AxLocator {
  return new AxLocator(page, []);
}
