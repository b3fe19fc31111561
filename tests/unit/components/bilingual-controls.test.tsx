import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { BilingualControls, type BilingualControlsProps } from '../../../components/common/BilingualControls';

describe('the script switch', () => {
  it('keeps the focus on a button pressed while the dictionary loads, and does nothing until it has loaded', () => {
    const asked: string[] = [];
    const mount = document.body.appendChild(document.createElement('div'));
    const draw = (busy: boolean) => {
      const props: BilingualControlsProps = {
        locale: 'en',
        scriptAvailable: true,
        shown: 'traditional',
        busy,
        glossMode: 'off',
        glossLevel: 'all',
        glossCategories: [],
        onScript: (script) => asked.push(script),
        onGlossMode: () => {},
        onGlossLevel: () => {},
        onGlossCategories: () => {},
      };
      render(<BilingualControls {...props} />, mount);
    };
    draw(false);
    const simplified = mount.querySelector<HTMLButtonElement>('button[lang="zh-Hans"]')!;
    simplified.focus();
    simplified.click();
    draw(true);
    // A disabled button would drop the focus to the page, and a keyboard reader would lose their place.
    expect(document.activeElement).toBe(simplified);
    expect(simplified.getAttribute('aria-disabled')).toBe('true');
    simplified.click();
    draw(false);
    simplified.click();
    expect(asked).toEqual(['simplified', 'simplified']);
    render(null, mount);
  });
});
