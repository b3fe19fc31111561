import * as v from 'valibot';
import type { WipedStatus } from '../../background/db/integrity-status';

const WipedSchema = v.object({
  status: v.literal('wiped'),
  reason: v.picklist(['sentinel-missing', 'sentinel-replaced']),
  detected: v.string(),
});

/** The wipe the background recorded (under INTEGRITY_STATUS_KEY), if what storage holds is one. */
export function recordedWipe(stored: unknown): WipedStatus | undefined {
  const parsed = v.safeParse(WipedSchema, stored);
  return parsed.success ? parsed.output : undefined;
}
