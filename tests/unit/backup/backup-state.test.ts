import { describe, expect, it } from 'vitest';
import { autoBackupDue, backupAge, readBackupState, suggestBackup } from '../../../utils/backup/backup-state';
import { runAutoBackup } from '../../../background/auto-backup';
import { parseBackup } from '../../../background/db/import-backup';
import { freshDb, makeHighlight } from '../records';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000).toISOString();
const edit = (created: string, modified = created) => ({ created, modified });

describe('backup state', () => {
  it('reads what storage holds, and anything else as never backed up', () => {
    expect(readBackupState({ last: daysAgo(3), auto: true })).toEqual({ last: daysAgo(3), auto: true });
    expect(readBackupState(undefined)).toEqual({ auto: false });
    expect(readBackupState({ last: 'yesterday', auto: 'yes' })).toEqual({ auto: false });
  });

  it('says when the last backup was made', () => {
    expect(backupAge({ auto: false }, NOW, 'en')).toBeNull();
    expect(backupAge({ last: daysAgo(12), auto: false }, NOW, 'en')).toBe('12 days ago');
    expect(backupAge({ last: daysAgo(0.2), auto: false }, NOW, 'en')).toBe('today');
    expect(backupAge({ last: daysAgo(12), auto: false }, NOW, 'zh')).toBe('12 天前');
  });

  it('suggests a backup after 14 days with highlights newer than the last one', () => {
    expect(suggestBackup({ last: daysAgo(20), auto: false }, [edit(daysAgo(30))], NOW)).toBe(false);
    expect(suggestBackup({ last: daysAgo(20), auto: false }, [edit(daysAgo(30), daysAgo(2))], NOW)).toBe(true);
    expect(suggestBackup({ last: daysAgo(10), auto: false }, [edit(daysAgo(2))], NOW)).toBe(false);
    expect(suggestBackup({ auto: false }, [edit(daysAgo(13))], NOW)).toBe(false);
    expect(suggestBackup({ auto: false }, [edit(daysAgo(15))], NOW)).toBe(true);
    expect(suggestBackup({ auto: false }, [], NOW)).toBe(false);
  });

  it('runs the weekly backup only when turned on, a week after the last', () => {
    expect(autoBackupDue({ auto: false }, NOW)).toBe(false);
    expect(autoBackupDue({ auto: true }, NOW)).toBe(true);
    expect(autoBackupDue({ auto: true, last: daysAgo(6) }, NOW)).toBe(false);
    expect(autoBackupDue({ auto: true, last: daysAgo(7) }, NOW)).toBe(true);
  });
});

describe('the weekly automatic backup', () => {
  it('writes a full backup that imports again, and records its time', async () => {
    const db = freshDb();
    const h = makeHighlight({ note: 'weekly' });
    await db.highlights.add(h);
    const stored: Record<string, unknown> = { backup: { auto: true, last: daysAgo(8) } };
    const storage = { get: async (key: string) => ({ [key]: stored[key] }), set: async (items: Record<string, unknown>) => void Object.assign(stored, items) };
    const files: { filename: string; content: string }[] = [];
    const deps = { db, storage, now: () => NOW, download: async (file: { filename: string; content: string }) => void files.push(file) };
    expect(await runAutoBackup(deps)).toBe(true);
    expect(files.map((f) => f.filename)).toEqual(['prospect-reader/prospect-reader-backup-2026-12-01.json']);
    const read = parseBackup(files[0]!.content);
    expect(read.ok && read.backup.highlights).toStrictEqual([h]);
    expect(stored.backup).toEqual({ auto: true, last: NOW.toISOString() });
    // Not again within the week, and never without the permission.
    expect(await runAutoBackup(deps)).toBe(false);
    expect(await runAutoBackup({ ...deps, download: null, now: () => new Date('2027-01-01T00:00:00Z') })).toBe(false);
    db.close();
  });
});
