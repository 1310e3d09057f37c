import type { ClaimAnswer } from "./task.js";

/**
 * Who may write which output name in a batch. Names come from the 发文字号, known only once a file is
 * parsed, and two drafts can carry the same one (a copied file whose number was not changed). Rather
 * than letting the second silently overwrite the first, the earliest input (in the sorted input list)
 * owns the name and every other is reported as a conflict, whatever order the workers finish in:
 * when an earlier input claims a name a later one already wrote, it waits for that write to finish,
 * then overwrites it, and the later input is reported instead.
 *
 * Names are compared case-insensitively: Windows and macOS folders would merge `ABC〔2022〕1号.docx`
 * and `abc〔2022〕1号.docx`.
 */

interface Owner {
  index: number;
  file: string;
  writing: boolean;
}

interface Waiter {
  readonly index: number;
  readonly file: string;
  readonly answer: (answer: ClaimAnswer) => void;
}

const keyOf = (name: string) => name.normalize("NFC").toLowerCase();

export class NameClaims {
  private readonly owners = new Map<string, Owner>();
  private readonly waiting = new Map<string, Waiter[]>();
  /** Input index → the earlier input that took its name after it had written. */
  private readonly lost = new Map<number, string>();

  claim(name: string, index: number, file: string): Promise<ClaimAnswer> {
    const key = keyOf(name);
    const owner = this.owners.get(key);
    if (!owner) {
      this.owners.set(key, { index, file, writing: true });
      return Promise.resolve({ granted: true });
    }
    if (owner.index < index) return Promise.resolve({ granted: false, owner: owner.file });
    if (!owner.writing) return Promise.resolve(this.takeOver(key, owner, index, file));
    return new Promise((answer) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push({ index, file, answer });
      this.waiting.set(key, queue);
    });
  }

  /** The input that claimed `name` has finished writing (or failed): waiting earlier inputs may go on. */
  release(name: string, index: number): void {
    const key = keyOf(name);
    const owner = this.owners.get(key);
    if (!owner || owner.index !== index) return;
    owner.writing = false;
    const queue = (this.waiting.get(key) ?? []).sort((a, b) => a.index - b.index);
    this.waiting.delete(key);
    const first = queue.shift();
    if (!first) return;
    first.answer(this.takeOver(key, owner, first.index, first.file));
    for (const later of queue) later.answer({ granted: false, owner: first.file });
  }

  /** The earlier input that took this input's name after this one was written, if any. */
  lostTo(index: number): string | undefined {
    return this.lost.get(index);
  }

  private takeOver(key: string, owner: Owner, index: number, file: string): ClaimAnswer {
    this.lost.set(owner.index, file);
    this.owners.set(key, { index, file, writing: true });
    return { granted: true };
  }
}
