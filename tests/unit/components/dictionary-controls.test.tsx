import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { DictionaryControls } from '../../../components/common/DictionaryControls';

describe('the dictionary settings', () => {
  it('turn lookups off and choose the key to hold, which waits while lookups are off', () => {
    const changes: unknown[] = [];
    const mount = document.body.appendChild(document.createElement('div'));
    const draw = (dictionary: boolean) =>
      render(
        <DictionaryControls locale="en" settings={{ dictionary, dictionaryModifier: 'none' }} onChange={(p) => changes.push(p)} />,
        mount,
      );
    draw(true);
    const box = mount.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    box.click();
    const select = mount.querySelector('select')!;
    select.value = 'Alt';
    select.dispatchEvent(new Event('change'));
    expect(changes).toEqual([{ dictionary: false }, { dictionaryModifier: 'Alt' }]);
    draw(false);
    expect(select.disabled).toBe(true);
  });
});
