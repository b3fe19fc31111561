import * as v from 'valibot';

/**
 * Messages the background sends to a tab (the other way from protocol.ts): the keyboard shortcut
 * and the context-menu item ask the page to highlight its current selection. Checked where received.
 */
export const TabMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('highlight/selection'), source: v.picklist(['command', 'menu']) }),
]);

export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

export const HIGHLIGHT_COMMAND = 'highlight-selection';
export const HIGHLIGHT_MENU_ID = 'prospect-reader-highlight';

/** The message, or null for anything of another shape (the page never sees or sends these). */
export function parseTabMessage(message: unknown): TabMessage | null {
  const parsed = v.safeParse(TabMessageSchema, message);
  return parsed.success ? parsed.output : null;
}

/**
 * Forwards the shortcut or the menu click to the tab it happened in. A tab without our content
 * script (not an article) has no listener; that is not an error worth reporting.
 */
export async function forwardHighlight(
  tabId: number | undefined,
  source: TabMessage['source'],
  sendToTab: (tabId: number, message: TabMessage) => Promise<unknown>,
): Promise<boolean> {
  if (tabId === undefined || tabId < 0) return false;
  try {
    await sendToTab(tabId, { type: 'highlight/selection', source });
    return true;
  } catch {
    return false;
  }
}
