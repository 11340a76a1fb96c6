import { useEffect, useState } from 'preact/hooks';
import { pickFile } from '../upload';

export type Dropped = { kind: 'file'; file: File } | { kind: 'url'; url: string };

const carriesImage = (transfer: DataTransfer | null): boolean =>
  !!transfer && (transfer.types.includes('Files') || transfer.types.includes('text/uri-list'));

/** An image address dragged from a web page (the page's own <img>), when no file comes with it. */
function droppedUrl(transfer: DataTransfer): string | undefined {
  const list = transfer.getData('text/uri-list');
  const url = list.split(/\r?\n/).find((line) => line.trim() && !line.startsWith('#'))?.trim();
  return url && /^(https?|data):/i.test(url) ? url : undefined;
}

function whatWasGiven(transfer: DataTransfer | null): Dropped | undefined {
  if (!transfer) return undefined;
  const file = pickFile(transfer.files);
  if (file) return { kind: 'file', file };
  const url = droppedUrl(transfer);
  return url ? { kind: 'url', url } : undefined;
}

/**
 * Drag and drop onto the whole popup, and Ctrl+V of an image. Returns whether something is
 * being dragged over the popup (to show the drop overlay).
 */
export function useDropAndPaste(onGiven: (given: Dropped) => void): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when the pointer really left.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesImage(event.dataTransfer)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesImage(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const end = () => {
      depth = 0;
      setDragging(false);
    };
    const drop = (event: DragEvent) => {
      // Never let the popup navigate to whatever was dropped.
      event.preventDefault();
      end();
      const given = whatWasGiven(event.dataTransfer);
      if (given) onGiven(given);
    };
    const paste = (event: ClipboardEvent) => {
      const file = pickFile(event.clipboardData?.files ?? []);
      if (!file) return;
      event.preventDefault();
      onGiven({ kind: 'file', file });
    };
    const listeners = { dragenter: enter, dragover: over, dragleave: leave, dragend: end, drop, paste };
    for (const [type, listener] of Object.entries(listeners)) document.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of Object.entries(listeners)) document.removeEventListener(type, listener as EventListener);
    };
  }, [onGiven]);

  return dragging;
}
