import { useSyncExternalStore } from 'react';
import { readStorage, writeStorage, type Language } from './lang.ts';

export const KHMER_DIGITS_STORAGE_KEY = 'sndd.khmerDigits';

/** Until the user chooses, Khmer digits follow the language: on in Khmer, off in English. */
export function resolveKhmerDigits(stored: string | null | undefined, lang: Language): boolean {
  if (stored === 'true') return true;
  if (stored === 'false') return false;
  return lang === 'km';
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Kept in memory too, so the toggle still works for this page view when storage is unavailable.
let chosen: string | null = null;

function getStored(): string | null {
  return chosen ?? readStorage(KHMER_DIGITS_STORAGE_KEY);
}

export function setKhmerDigits(enabled: boolean): void {
  chosen = String(enabled);
  writeStorage(KHMER_DIGITS_STORAGE_KEY, chosen);
  for (const listener of listeners) listener();
}

export function useKhmerDigits(lang: Language): boolean {
  const stored = useSyncExternalStore(subscribe, getStored, () => null);
  return resolveKhmerDigits(stored, lang);
}
