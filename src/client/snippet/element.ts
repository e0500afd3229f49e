/**
 * `<go-snippet>`: the only eager code of a chapter page. It waits until the snippet is near the
 * viewport (or touched) and then loads the editor chunk; everything heavy is behind that import.
 */
import { loadEdit, safeLocalStorage } from './storage.ts';

interface Controller {
  action(name: string): void;
}

class GoSnippet extends HTMLElement {
  #controller: Promise<Controller | undefined> | undefined;
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    // Stop stays hidden until a run starts (the controller shows it).
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-action]:not([hidden])'))
      b.disabled = false;
    this.addEventListener('click', this.#onClick);
    this.addEventListener('focusin', this.#wake, { once: true });
    this.addEventListener('pointerdown', this.#wake, { once: true });
    // A "Link to this snippet" carrying edits opens the editor at once, with them in it.
    if (this.#hasSavedEdit() || new URLSearchParams(location.search).get('snippet') === this.id) {
      void this.hydrate();
      return;
    }
    if (!('IntersectionObserver' in window)) return void this.hydrate();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.hydrate();
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  /**
   * Loads and mounts the editor once; later calls get the same controller. Undefined when the
   * snippet's data could not be loaded (the controller says so); the next touch tries again.
   */
  hydrate(): Promise<Controller | undefined> {
    this.#observer?.disconnect();
    this.#controller ??= this.#mount();
    return this.#controller;
  }

  async #mount(): Promise<Controller | undefined> {
    // The data file and the editor chunk load side by side; the controller validates the data.
    const data: Promise<unknown> = fetch(this.dataset['src'] ?? '').then((r) =>
      r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)),
    );
    data.catch(() => undefined); // handled by mountSnippet; not an unhandled rejection meanwhile
    // A snippet's short link names its state by share id: fetch it before mounting.
    const q = new URLSearchParams(location.search);
    if (q.get('snippet') === this.id && q.has('share')) {
      const problem = await (await import('./short-link.ts')).resolveShortLink(this.id);
      if (problem !== undefined) this.dataset['linkProblem'] = problem;
    }
    const controller = await import('./controller.ts')
      .then((m) => m.mountSnippet(this, data))
      .catch(() => undefined);
    if (!controller) {
      // Try again on the next touch, even if the first touch is what started this attempt.
      this.#controller = undefined;
      this.addEventListener('focusin', this.#wake, { once: true });
      this.addEventListener('pointerdown', this.#wake, { once: true });
    }
    return controller;
  }

  #wake = () => void this.hydrate();

  #onClick = (ev: Event) => {
    const target = (ev.target as Element | null)?.closest<HTMLElement>('[data-action]');
    const name = target?.dataset['action'];
    if (!name || name === 'play' || name === 'link') return;
    ev.preventDefault();
    void this.hydrate().then((c) => c?.action(name));
  };

  #hasSavedEdit(): boolean {
    const key = this.dataset['editKey'];
    return key !== undefined && loadEdit(safeLocalStorage(), key) !== undefined;
  }
}

if (!customElements.get('go-snippet')) customElements.define('go-snippet', GoSnippet);
