// Whether the open deck has edits not kept in a project file, and what closing the window should do about it.
import type { Deck } from "./generated/types";

/**
 * The deck as last opened from a file or saved as a project, to compare against; `null`
 * when the deck was never saved anywhere (a restored autosave).
 */
export type Baseline = string | null;

/** The baseline of `deck`: its JSON text (decks are plain JSON; key order is stable). */
export function baseline(deck: Deck): Baseline {
  return JSON.stringify(deck);
}

/**
 * True when `current` differs from what was last opened or saved as a project. Exporting a
 * PDF does not change the baseline (a PDF cannot be edited again), so an exported deck with
 * edits is still dirty; undoing every edit makes it clean again.
 */
export function isDirty(current: Deck | null, saved: Baseline): boolean {
  if (current === null) return false;
  if (saved === null) return true;
  return JSON.stringify(current) !== saved;
}

/** What a close request does: close at once, or ask first (the ask is already shown: ask again). */
export type CloseAction = "close" | "ask";

/** A close request with nothing unsaved closes; otherwise the window asks "save, discard or cancel". */
export function closeAction(current: Deck | null, saved: Baseline): CloseAction {
  return isDirty(current, saved) ? "ask" : "close";
}
