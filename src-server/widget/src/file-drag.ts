// Drag-and-drop of files onto an area of the page: whether files are being dragged over it (for the "Drop to upload"
// highlight), the files of a drop, and a page-wide guard so a drop that misses the area never navigates away to the file.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { dragCarriesFiles, droppedFiles } from './drop-files';

export interface FileDrop {
  files: File[];
  folders: number;
  /** The element the file was dropped on, to find what it points at (a Drop Box card). */
  target: EventTarget | null;
}

export interface FileDragArea {
  /** Files are being dragged over the area. */
  dragging: boolean;
  /** Where the pointer is, while dragging (the card under it may be the target). */
  over: EventTarget | null;
  handlers: {
    onDragEnter: (e: DragEvent) => void;
    onDragOver: (e: DragEvent) => void;
    onDragLeave: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

/** Drags of text or links pass through untouched (a textarea still takes dropped text); only file drags are ours. */
export function useFileDragArea(onDrop: (drop: FileDrop) => void): FileDragArea {
  const [dragging, setDragging] = useState(false);
  const [over, setOver] = useState<EventTarget | null>(null);
  // dragenter/dragleave fire for every child crossed: count them, so the highlight does not flicker.
  const depth = useRef(0);
  const reset = () => {
    depth.current = 0;
    setDragging(false);
    setOver(null);
  };
  return {
    dragging,
    over,
    handlers: {
      onDragEnter(e) {
        if (!dragCarriesFiles(e.dataTransfer?.types)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver(e) {
        if (!dragCarriesFiles(e.dataTransfer?.types)) return;
        // Without this the browser refuses the drop (and may open the file instead).
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        if (!dragging) setDragging(true);
        if (over !== e.target) setOver(e.target);
      },
      onDragLeave(e) {
        if (!dragCarriesFiles(e.dataTransfer?.types)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) reset();
      },
      onDrop(e) {
        if (!dragCarriesFiles(e.dataTransfer?.types)) return;
        e.preventDefault();
        // Handled here: an enclosing area (or the page guard) must not take the same drop again.
        e.stopPropagation();
        reset();
        onDrop({ ...droppedFiles(e.dataTransfer), target: e.target });
      },
    },
  };
}

/** While mounted, a file dropped anywhere else on the page is ignored instead of replacing the page with the file. */
export function useFileDropGuard(): void {
  useEffect(() => {
    const block = (e: globalThis.DragEvent) => {
      // A drop area below already took it (and chose its own drop effect).
      if (e.defaultPrevented || !dragCarriesFiles(e.dataTransfer?.types)) return;
      e.preventDefault();
      // The "not allowed" cursor: nothing happens here, so the browser need not pretend otherwise.
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);
}
