import { useRef } from 'preact/hooks';
import { t, tf, type UiLocale } from '../../utils/i18n/strings';
import { nudge } from '../../content/reader-bar/bar-state';
import { BilingualControls, type BilingualControlsProps } from '../common/BilingualControls';

export interface ReaderBarProps extends BilingualControlsProps {
  locale: UiLocale;
  collapsed: boolean;
  /** Left and top edges; null: the default corner (bottom right). */
  position: { x: number; y: number } | null;
  highlights: { drawn: number; notAttached: number };
  /** An error to show (a failed switch), or null. */
  message: string | null;
  onCollapse: (collapsed: boolean) => void;
  /** `done` is false while dragging and true when the reader lets go (then it is remembered). */
  onMove: (position: { x: number; y: number }, done: boolean) => void;
  onOpenNotes: () => void;
}

/** The reader bar on article pages: a small toolbar in a corner, movable and foldable to an icon. */
export function ReaderBar(props: ReaderBarProps) {
  const { locale, collapsed, position, highlights, message } = props;
  const bar = useRef<HTMLDivElement>(null);
  const drag = useRef<{ dx: number; dy: number } | null>(null);

  const here = () => {
    const rect = bar.current!.getBoundingClientRect();
    return { x: rect.left, y: rect.top };
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const start = here();
    drag.current = { dx: e.clientX - start.x, dy: e.clientY - start.y };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current) return;
    props.onMove({ x: e.clientX - drag.current.dx, y: e.clientY - drag.current.dy }, false);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag.current) return;
    props.onMove({ x: e.clientX - drag.current.dx, y: e.clientY - drag.current.dy }, true);
    drag.current = null;
  };
  const onGripKey = (e: KeyboardEvent) => {
    const next = nudge(here(), e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    props.onMove(next, true);
  };

  const style = position ? { left: `${position.x}px`, top: `${position.y}px` } : { right: '16px', bottom: '16px' };
  return (
    <div ref={bar} class={collapsed ? 'bar collapsed' : 'bar'} role="toolbar" aria-label={t(locale, 'bar.label')} style={style}>
      <button
        type="button"
        class="grip"
        aria-label={t(locale, 'bar.move')}
        title={t(locale, 'bar.move')}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onKeyDown={onGripKey}
      >
        ⠿
      </button>
      {collapsed ? (
        <button
          type="button"
          class="icon"
          aria-expanded="false"
          aria-label={t(locale, 'bar.expand')}
          title={t(locale, 'bar.expand')}
          onClick={() => props.onCollapse(false)}
        >
          遠
        </button>
      ) : (
        <>
          <BilingualControls {...props} />
          <div class="status" aria-live="polite">
            <span>{tf(locale, 'bar.highlights', { n: highlights.drawn })}</span>
            {highlights.notAttached > 0 && (
              <span class="warn">{tf(locale, 'bar.notAttached', { n: highlights.notAttached })}</span>
            )}
            {message && <span class="warn">{message}</span>}
          </div>
          <button type="button" class="notes" onClick={props.onOpenNotes}>
            {t(locale, 'bar.notes')}
          </button>
          <button
            type="button"
            class="icon"
            aria-expanded="true"
            aria-label={t(locale, 'bar.collapse')}
            title={t(locale, 'bar.collapse')}
            onClick={() => props.onCollapse(true)}
          >
            ▁
          </button>
        </>
      )}
    </div>
  );
}
