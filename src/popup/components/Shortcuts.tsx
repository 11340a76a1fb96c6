import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { COMMAND_DESCRIPTION_KEYS, COMMANDS, type CommandName } from '../../shared/commands';
import { t } from '../../shared/i18n';
import './Shortcuts.css';

/** Where Chrome lets people set or change extension shortcuts. */
const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

/** The keys as the browser has them now (the person may have changed them), in the manifest's order. */
function useShortcuts(): Map<CommandName, string> | undefined {
  const [keys, setKeys] = useState<Map<CommandName, string> | undefined>(undefined);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) => setKeys(new Map(commands.map((command) => [command.name as CommandName, command.shortcut ?? '']))))
      .catch(() => setKeys(new Map()));
  }, []);
  return keys;
}

/** "Alt+Shift+L" as keys to press. */
function Keys({ shortcut }: { shortcut: string }) {
  const parts = shortcut.split('+');
  return (
    <span class="keys">
      {parts.map((part, at) => (
        <>
          {at > 0 && '+'}
          <kbd>{part}</kbd>
        </>
      ))}
    </span>
  );
}

/** Every keyboard shortcut, with its key or "not set", and where to change them. */
export function Shortcuts() {
  const keys = useShortcuts();
  return (
    <details class="shortcuts">
      <summary>{t('popupShortcuts')}</summary>
      <dl>
        {COMMANDS.map((name) => {
          const key = keys?.get(name) ?? '';
          return (
            <div class="shortcut" data-command={name} key={name}>
              <dt>{t(COMMAND_DESCRIPTION_KEYS[name])}</dt>
              <dd>{key ? <Keys shortcut={key} /> : <span class="not-set">{t('popupShortcutNotSet')}</span>}</dd>
            </div>
          );
        })}
      </dl>
      <button type="button" class="button link change-shortcuts" onClick={() => void browser.tabs.create({ url: SHORTCUTS_PAGE })}>
        {t('popupChangeShortcuts')}
      </button>
    </details>
  );
}
