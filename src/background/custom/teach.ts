/**
 * Teaching by example: "Teach Glimpse: this is…" on a picture opens a field at it (the content
 * script's teach-field.ts); the class typed there comes back here with the picture, which the
 * engine turns into an embedding and a thumbnail, kept in the taught set. Teaching makes
 * "My classes" the model that answers.
 */
import type { Menus, Tabs } from 'webextension-polyfill';
import { TAUGHT_CHOICE } from '../../shared/custom-models';
import { GlimpseFailure, toGlimpseError } from '../../shared/errors';
import { inspectImage } from '../../shared/image-problem';
import { sendToFrame } from '../../shared/messaging';
import type { TeachOutcome } from '../../shared/protocol';
import { chosenModel, taughtClasses } from '../../shared/store';
import { addExample, cleanClassName, encodeEmbedding } from '../../shared/taught-set';
import type { ImageSource } from '../../shared/types';
import { embedBytes } from '../engine-host';
import { injectContentScript } from '../inject';
import { pixelsOf } from '../pixels';

export const TEACH_MENU_ID = 'teach-image';

async function askFrame(tabId: number, frameId: number, info: Menus.OnClickData, classNames: string[]): Promise<boolean> {
  try {
    return (await sendToFrame(tabId, frameId, 'teach-target', { srcUrl: info.srcUrl, mediaType: info.mediaType, classNames })).accepted;
  } catch {
    return false;
  }
}

/** The menu item was chosen: the frame right-clicked opens its field (a content script is injected first where none runs). */
export async function onTeachClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined || tab.id < 0) return;
  const frameId = info.frameId ?? 0;
  const classNames = (await taughtClasses.getValue()).classes.map((c) => c.name);
  if (await askFrame(tab.id, frameId, info, classNames)) return;
  if (await injectContentScript(tab.id, frameId)) await askFrame(tab.id, frameId, info, classNames);
}

/** Changes to the taught set one at a time (two quick teaches must not overwrite each other). */
let writing: Promise<unknown> = Promise.resolve();

/** Keeps the picture `source` as an example of `className`. */
export async function teach(source: ImageSource, className: string, tab: Tabs.Tab | undefined): Promise<TeachOutcome> {
  const name = cleanClassName(className);
  if (!name) return { ok: false, error: { code: 'internal', detail: 'no class name' } };
  try {
    const pixels = await pixelsOf(source, { tab });
    const { image, problem } = inspectImage(pixels.bytes);
    if (problem) throw new GlimpseFailure(problem);
    const { embedding, thumbnail } = await embedBytes(pixels.bytes, image.format);
    const example = { id: crypto.randomUUID(), embedding: encodeEmbedding(new Float32Array(embedding)), thumbnail, addedAt: Date.now() };
    const saved = writing.then(async () => {
      const set = addExample(await taughtClasses.getValue(), name, example);
      await taughtClasses.setValue(set);
      await chosenModel.setValue(TAUGHT_CHOICE);
      const kept = set.classes.find((c) => c.examples.some((e) => e.id === example.id))!;
      return { ok: true as const, className: kept.name, examples: kept.examples.length };
    });
    writing = saved.catch(() => undefined);
    return await saved;
  } catch (error) {
    return { ok: false, error: toGlimpseError(error) };
  }
}
