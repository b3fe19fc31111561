import type { CDPSession, Page } from 'playwright-core';

/**
 * The extension's in-page UI lives in closed shadow roots, out of reach of page selectors; these
 * helpers find it the way assistive technology does, by role and accessible name in the
 * accessibility tree (Chromium's CDP), and act on it with the real mouse.
 */
export interface UiNode {
  text: string;
  box: { x: number; y: number; width: number; height: number };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = page.context().newCDPSession(page)));
  return cdp;
}

/** The first element with this role and accessible name, inside `within` (another found node) or the page. */
export async function findUi(page: Page, role: string, name: string | RegExp): Promise<UiNode | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { backendNodeId: number } };
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', { backendNodeId: root.backendNodeId, role })) as {
    nodes: { name?: { value?: string }; backendDOMNodeId?: number; ignored?: boolean }[];
  };
  const match = nodes.find(
    (n) => !n.ignored && n.backendDOMNodeId && (typeof name === 'string' ? n.name?.value === name : name.test(n.name?.value ?? '')),
  );
  if (!match?.backendDOMNodeId) return null;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: match.backendDOMNodeId })) as { object: { objectId: string } };
  const { result } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration:
      'function () { const r = this.getBoundingClientRect(); return { text: this.innerText ?? this.textContent, box: { x: r.x, y: r.y, width: r.width, height: r.height } }; }',
    returnByValue: true,
  })) as { result: { value: UiNode } };
  return result.value.box.width > 0 ? result.value : null;
}

/** Waits for the element, then clicks its middle with the mouse. */
export async function clickUi(page: Page, role: string, name: string | RegExp): Promise<void> {
  const node = await waitForUi(page, role, name);
  await page.mouse.move(node.box.x + node.box.width / 2, node.box.y + node.box.height / 2, { steps: 3 });
  await page.mouse.click(node.box.x + node.box.width / 2, node.box.y + node.box.height / 2);
}

export async function waitForUi(page: Page, role: string, name: string | RegExp, timeout = 5000): Promise<UiNode> {
  const until = Date.now() + timeout;
  for (;;) {
    const node = await findUi(page, role, name);
    if (node) return node;
    if (Date.now() > until) throw new Error(`no ${role} named ${String(name)} appeared`);
    await page.waitForTimeout(50);
  }
}
