/**
 * Stands in for webextension-polyfill in the middle tier: the content script's and the popup's
 * modules run in an ordinary page, with extension storage in memory, English messages from
 * _locales, and runtime messages answered by whatever the test sets in `glimpseStub.answer`.
 */
import messages from '../../../public/_locales/en/messages.json';
import { memoryStorage } from '../../support/memory-storage';

type Message = { type?: string; payload?: unknown };

const messageListeners = new Set<(message: unknown, sender: unknown) => unknown>();

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, { message: string } | undefined>)[key];
  if (key === '@@bidi_dir') return 'ltr';
  if (key === '@@ui_locale') return 'en';
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
}

/** What the test controls: the stored values and the answers of the other contexts. */
export const glimpseStub = {
  /** Messages the page sent to the extension, in order. */
  sent: [] as Message[],
  /** Answers a message sent to the background (by type); unanswered types resolve to undefined. */
  answer: {} as Record<string, (payload: unknown) => unknown>,
};

const browser = {
  storage: memoryStorage(),
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  commands: { getAll: async () => [] },
  // Every permission granted (as in Chrome, where host access comes with the install).
  permissions: {
    contains: async () => true,
    request: async () => true,
    onAdded: { addListener: () => undefined, removeListener: () => undefined },
    onRemoved: { addListener: () => undefined, removeListener: () => undefined },
  },
  runtime: {
    id: 'glimpse-stub',
    getManifest: () => ({ manifest_version: 3, name: 'Glimpse', version: '0.0.0', commands: {} }),
    getURL: (path: string) => `/${path.replace(/^\//, '')}`,
    async sendMessage(message: Message) {
      glimpseStub.sent.push(message);
      return glimpseStub.answer[message.type ?? '']?.(message.payload);
    },
    onMessage: {
      addListener: (l: (message: unknown, sender: unknown) => unknown) => messageListeners.add(l),
      removeListener: (l: (message: unknown, sender: unknown) => unknown) => messageListeners.delete(l),
    },
  },
  // A tab of its own (not the toolbar popup): getCurrent answers with a tab.
  tabs: { getCurrent: async () => ({ id: 1 }), query: async () => [], create: async () => undefined, sendMessage: async () => undefined },
  windows: { getLastFocused: async () => ({ id: 1 }), create: async () => undefined, update: async () => undefined },
};

export default browser;
