/**
 * National formulas of official discourse that papers also write without quotation marks. Local slogans are
 * found by pattern (quoted, numeric) or added by operators in the campaign dictionary file, not here.
 */
export const SEED_CAMPAIGN_TERMS = [
  '四个意识', '四个自信', '两个维护', '两个确立', '四个全面', '五位一体', '三个代表', '八项规定', '两学一做', '三严三实',
  '一带一路', '放管服', '三去一降一补', '六稳六保', '六稳', '六保', '两个一百年', '三大攻坚战', '两不愁三保障', '三会一课',
  '千万工程', '枫桥经验', '一国两制', '三个务必', '两个结合', '四个不摘', '三个历史决议', '四个伟大', '五大发展理念',
  '三农', '双减', '四风', '两个毫不动摇', '三新一高',
];
