import { useCallback, useRef, useState } from 'preact/hooks';
import { toGlimpseError, type GlimpseError } from '../../shared/errors';
import { send } from '../../shared/messaging';
import { isDisconnect } from '../../shared/protocol';
import type { ImageOrigin, ImageSource } from '../../shared/types';
import type { Shown } from '../latest';
import { checkBytes, checkFile } from '../upload';

export type Request = { kind: 'file'; file: File } | { kind: 'url'; url: string; origin: ImageOrigin };

export interface Identify {
  /** What this popup itself last asked for, as the latest area should show it. */
  local: Shown | undefined;
  identify(request: Request): Promise<void>;
  /** Tries the last request of this popup again. */
  retry: (() => void) | undefined;
  /** Stops showing an answer the user just deleted. */
  forget(entryId?: string): void;
}

/** Identifies what the user hands the popup (a file, a dropped image address), checking files first. */
export function useIdentify(): Identify {
  const [local, setLocal] = useState<Shown | undefined>(undefined);
  const [last, setLast] = useState<Request | undefined>(undefined);
  const sequence = useRef(0);

  const identify = useCallback(async (request: Request): Promise<void> => {
    const mine = ++sequence.current;
    const requestedAt = Date.now();
    const show = (shown: Shown) => {
      if (mine === sequence.current) setLocal(shown);
    };
    const origin: ImageOrigin = request.kind === 'file' ? { uploadedName: request.file.name } : request.origin;
    const failed = (error: GlimpseError) => show({ kind: 'error', at: Date.now(), error, origin });
    setLast(request);
    show({ kind: 'working', at: Date.now(), origin });
    try {
      let source: ImageSource;
      if (request.kind === 'file') {
        const { file } = request;
        const problem = checkFile(file);
        if (problem) return failed(problem);
        const bytes = await file.arrayBuffer();
        const notImage = checkBytes(bytes);
        if (notImage) return failed(notImage);
        source = { kind: 'bytes', bytes, mimeType: file.type, name: file.name };
      } else {
        source = { kind: 'url', url: request.url };
      }
      const outcome = await send('background', 'identify', { source, origin, requestedAt });
      if (outcome.ok) show({ kind: 'answer', at: outcome.value.createdAt, entry: outcome.value });
      else failed(outcome.error);
    } catch (error) {
      failed(toGlimpseError(error, isDisconnect(error) ? 'interrupted' : 'internal'));
    }
  }, []);

  const forget = useCallback((entryId?: string) => {
    setLocal((shown) => (shown?.kind === 'answer' && (entryId === undefined || shown.entry.id === entryId) ? undefined : shown));
  }, []);

  const retry = last ? () => void identify(last) : undefined;
  return { local, identify, retry, forget };
}
