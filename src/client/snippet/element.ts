/**
 * `<go-snippet>`: the only eager code of a chapter page. It waits until the snippet is near the
 * viewport (or touched) and then loads the editor chunk; everything heavy is behind that import.
 */
import { loadEdit, safeLocalStorage, storageKey } from './storage.ts';

interface Controller {
  action(name: string): void;
}

class GoSnippet extends HTMLElement {
  #controller: Promise<Controller> | undefined;
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

  /** Loads and mounts the editor once; later calls get the same controller. */
  hydrate(): Promise<Controller> {
    this.#observer?.disconnect();
    this.#controller ??= (async () => {
      // A snippet's short link names its state by share id: fetch it before mounting.
      const q = new URLSearchParams(location.search);
      if (q.get('snippet') === this.id && q.has('share')) {
        const problem = await (await import('./short-link.ts')).resolveShortLink(this.id);
        if (problem !== undefined) this.dataset['linkProblem'] = problem;
      }
      return (await import('./controller.ts')).mountSnippet(this);
    })();
    return this.#controller;
  }

  #wake = () => void this.hydrate();

  #onClick = (ev: Event) => {
    const target = (ev.target as Element | null)?.closest<HTMLElement>('[data-action]');
    const name = target?.dataset['action'];
    if (!name || name === 'play' || name === 'link') return;
    ev.preventDefault();
    void this.hydrate().then((c) => c.action(name));
  };

  #hasSavedEdit(): boolean {
    const raw = this.querySelector('script[data-config]')?.textContent;
    if (!raw) return false;
    try {
      const { id, files } = JSON.parse(raw) as {
        id: string;
        files: { name: string; content: string }[];
      };
      return loadEdit(safeLocalStorage(), storageKey(id, files)) !== undefined;
    } catch {
      return false;
    }
  }
}

if (!customElements.get('go-snippet')) customElements.define('go-snippet', GoSnippet);
