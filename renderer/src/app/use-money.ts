/** Formats amounts as the customer sees them (¥1,299.00), with the symbol the UI locale uses (shared/domain/money). */
import { useCallback } from 'react';
import { formatMoney, isCurrencyCode } from '../../../shared/domain/money';
import { useLocale } from './locale-provider';
import { useSession } from './session-context';

/** A formatter for integer minor units in the store's currency and the current locale. */
export function useMoney(): (minor: number) => string {
  const { locale } = useLocale();
  const { appInfo } = useSession();
  const code = appInfo?.store.currency ?? 'CNY';
  return useCallback(
    (minor: number) => formatMoney(minor, isCurrencyCode(code) ? code : 'CNY', locale),
    [code, locale],
  );
}
