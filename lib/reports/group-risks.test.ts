import { describe, expect, test } from 'vitest';
import { groupRisks, riskLabel } from './group-risks';

describe('risks across reports', () => {
  test.each([
    ['政策风险：装备采购预算调整可能导致订单波动', '政策风险'],
    ['宏观经济不及预期', '宏观经济不及预期'],
    ['若政策、资金与需求三者同时恶化时的行业盈利下修压力：影响很大', '若政策、资金与需求三者同时恶化时的行业盈利下修压力：影响很大'],
  ])('label of %s', (risk, label) => {
    expect(riskLabel(risk)).toBe(label);
  });

  test('recurring risks grouped and counted once per report, with first and last seen', () => {
    const groups = groupRisks([
      { date: '2025-06-01', risks: ['政策风险：预算调整', '竞争加剧'] },
      { date: '2025-07-09T00:00:00+08:00', risks: ['政策：落地不及预期', '竞争加剧的风险', '竞争加剧'] },
      { date: undefined, risks: ['汇率波动'] },
      { date: '2024-01-02', risks: ['竞争加剧'] },
    ]);
    expect(groups).toEqual([
      { label: '竞争加剧', reports: 3, first: '2024-01-02', last: '2025-07-09' },
      { label: '政策风险', reports: 2, first: '2025-06-01', last: '2025-07-09' },
      { label: '汇率波动', reports: 1, first: '', last: '' },
    ]);
  });
});
