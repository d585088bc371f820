import { describe, expect, test } from 'vitest';
import { isSecurityId, normaliseSecurityCode } from './security-id';

describe('normaliseSecurityCode', () => {
  test.each([
    ['600519', 'SH:600519'],
    ['600519.SH', 'SH:600519'],
    ['600519.SS', 'SH:600519'],
    ['SH600519', 'SH:600519'],
    ['sh600519', 'SH:600519'],
    ['1.600519', 'SH:600519'],
    ['688521', 'SH:688521'],
    ['300308.SZ', 'SZ:300308'],
    ['002916', 'SZ:002916'],
    ['0.300502', 'SZ:300502'],
    ['920118.BJ', 'BJ:920118'],
    ['430047', 'BJ:430047'],
    ['510300', 'SH:510300'],
    ['9988.HK', 'HK:09988'],
    ['09988.HK', 'HK:09988'],
    ['HK09988', 'HK:09988'],
    ['hk09988', 'HK:09988'],
    ['116.09988', 'HK:09988'],
    ['700.HK', 'HK:00700'],
    ['AMZN', 'US:AMZN'],
    ['$AMZN', 'US:AMZN'],
    ['NASDAQ:AMZN', 'US:AMZN'],
    ['(NASDAQ: AMZN)', 'US:AMZN'],
    ['AMZN.O', 'US:AMZN'],
    ['105.AMZN', 'US:AMZN'],
    ['106.BABA', 'US:BABA'],
    ['gb_amzn', 'US:AMZN'],
    ['AMZN-US', 'US:AMZN'],
    ['BRK-B', 'US:BRK.B'],
    ['BRK.B', 'US:BRK.B'],
    ['US:BRK.B', 'US:BRK.B'],
    ['HK:2015', 'HK:02015'],
    ['(HK:2015)', 'HK:02015'],
    ['$中国平安(SH601318)$', 'SH:601318'],
    ['$腾讯控股(00700.HK)$', 'HK:00700'],
    ['$英伟达(NVDA)$', 'US:NVDA'],
    ['EDBL.O', 'US:EDBL'],
    ['BABA.N', 'US:BABA'],
    ['200002', 'SZ:200002'],
    ['900901', 'SH:900901'],
    ['830799', 'BJ:830799'],
    ['159915', 'SZ:159915'],
  ])('%s → %s', (spelling, id) => {
    expect(normaliseSecurityCode(spelling)).toBe(id);
  });

  test.each(['1.000001', '0.600519', '600519.SZ', '123456', '0000.HK', 'TOOLONGX', '贵州茅台', '', '12.34'])(
    '%s is not a code',
    (spelling) => {
      expect(normaliseSecurityCode(spelling)).toBeUndefined();
    },
  );

  test('canonical ids are recognised, other strings are not', () => {
    expect(isSecurityId('HK:09988')).toBe(true);
    expect(isSecurityId('HK:9988')).toBe(false);
    expect(isSecurityId('AMZN')).toBe(false);
  });
});
