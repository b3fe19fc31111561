/** The two written forms of Chinese the article can be shown in. */
export type Script = 'traditional' | 'simplified';
