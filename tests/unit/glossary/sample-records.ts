import type { RawRecord } from '../../../utils/glossary/compile';

const explain = { zh: '說明文字。', en: 'An explanation.' };

/** A small glossary with the seed article's traps: nested terms, Mainland wording, acronyms, a blocker. */
export const SAMPLE: RawRecord[] = [
  { id: 'missile', zh: '飛彈', mainland: ['导弹'], en: 'missile', enAliases: ['missile', 'missiles'], pinyin: 'fēi dàn', category: 'military', region: 'global', explain },
  { id: 'ballistic-missile', zh: '彈道飛彈', mainland: ['弹道导弹'], en: 'ballistic missile', pinyin: 'dàn dào fēi dàn', category: 'military', region: 'global', explain },
  { id: 'icbm', zh: '洲際彈道飛彈', mainland: ['洲际弹道导弹'], en: 'intercontinental ballistic missile', enAliases: ['ICBM', 'ICBMs'], pinyin: 'zhōu jì dàn dào fēi dàn', category: 'military', region: 'global', explain },
  { id: 'korea-north', zh: '北韓', mainland: ['朝鲜'], en: 'North Korea', enAliases: ['North Korea', 'DPRK'], pinyin: 'běi hán', category: 'place', region: 'korea', explain, notWithin: ['南北韓'] },
  { id: 'trump', zh: '川普', mainland: ['特朗普'], en: 'Donald Trump', enAliases: ['Trump'], category: 'person', region: 'us-china', checked: '2026-11-02', explain: { zh: '2025 年 1 月起任美國總統。', en: 'President of the United States since January 2025.' } },
  { id: 'hallyu-ban', zh: '限韓令', en: 'Hallyu ban', pinyin: 'xiàn hán lìng', category: 'politics', region: 'korea', explain },
  { id: 'korean-peninsula', zh: '韓半島', mainland: ['朝鲜半岛'], en: 'Korean Peninsula', enAliases: ['Korean Peninsula'], category: 'place', region: 'korea', explain, pinyin: 'hán bàn dǎo' },
  { id: 'denuclearization', zh: '無核化', en: 'denuclearization', enAliases: ['denuclearization', 'denuclearisation'], pinyin: 'wú hé huà', category: 'military', region: 'global', explain },
  { id: 'nato', zh: '北約', en: 'NATO', enAliases: ['NATO'], pinyin: 'běi yuē', category: 'organization', region: 'global', explain },
  { id: 'apec', zh: '亞太經濟合作', en: 'Asia-Pacific Economic Cooperation (APEC)', enAliases: ['APEC'], pinyin: 'yà tài jīng jì hé zuò', category: 'organization', region: 'global', explain },
  { id: 'taipei', zh: '臺北', en: 'Taipei', enAliases: ['Taipei'], pinyin: 'tái běi', category: 'place', region: 'cross-strait', explain },
].map((value, i) => ({ origin: `sample.yaml:${i + 1}`, value }));
